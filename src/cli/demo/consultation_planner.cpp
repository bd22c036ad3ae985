#include "cli/demo/consultation_planner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "cli/demo/consultation_planner_texts.hpp"
#include "cli/demo/names.hpp"
#include "core/stockholm_date.hpp"
#include "core/stockholm_date_math.hpp"

namespace opennrm::cli::demo {

namespace {

constexpr long long kMinuteUs = 60LL * 1000000;
constexpr double kBerryShare = 0.14;  // of all consultations, in the season
constexpr int kRecentDays = 21;       // older consultations are all closed

long long LocalUs(CivilDate day, int minute_of_day) {
  using namespace std::chrono;
  auto t = StockholmStartOfDay(day) + minutes(minute_of_day);
  return duration_cast<microseconds>(t.time_since_epoch()).count();
}

template <typename T>
T Draw(const std::vector<std::pair<T, double>>& list, DemoRandom& random) {
  std::vector<double> w;
  for (const auto& [_, weight] : list) w.push_back(weight);
  return list[random.Weighted(w)].first;
}

bool IsOpenDay(const hotline::OfficeHours& hours, CivilDate day) {
  return hotline::IsOpen(hours, day, hours.opens_minute);
}

// The first open moment at or after local (day, minute), a little after opening.
long long NextOfficeTime(const ConsultationWorld& w, CivilDate day, int minute, DemoRandom& r) {
  const auto& h = w.office_hours;
  if (IsOpenDay(h, day) && minute >= h.opens_minute && minute < h.closes_minute - 30) {
    return LocalUs(day, minute);
  }
  CivilDate d = minute < h.opens_minute ? day : AddDays(day, 1);
  for (int i = 0; i < 30 && !IsOpenDay(h, d); ++i) d = AddDays(d, 1);
  return LocalUs(d, h.opens_minute + r.Between(5, 60));
}

// A moment in office hours `days_later` open days after `from_us` (Stockholm time).
long long OfficeDaysLater(const ConsultationWorld& w, long long from_us, int days_later,
                          DemoRandom& r) {
  using namespace std::chrono;
  TimePoint from{microseconds(from_us)};
  CivilDate d = StockholmDateOf(from);
  for (int n = 0; n < days_later;) {
    d = AddDays(d, 1);
    if (IsOpenDay(w.office_hours, d)) ++n;
  }
  int minute = r.Between(w.office_hours.opens_minute + 10, w.office_hours.closes_minute - 20);
  long long at = LocalUs(d, minute);
  return std::max(at, from_us + r.Between(3, 20) * kMinuteUs);
}

hotline::Channel DrawChannel(DemoRandom& r) {
  return Draw<hotline::Channel>({{hotline::Channel::kPhone, 0.72},
                                 {hotline::Channel::kEmail, 0.15},
                                 {hotline::Channel::kWebRequest, 0.08},
                                 {hotline::Channel::kInPerson, 0.05}},
                                r);
}

bool Phoned(hotline::Channel c) {
  return c == hotline::Channel::kPhone || c == hotline::Channel::kInPerson;
}

// The day a consultation comes in: berry pickers' in the season (open days);
// calls and visits on open days; written requests on any day.
CivilDate DrawDay(const ConsultationWorld& w, bool berry, hotline::Channel channel, DemoRandom& r) {
  if (berry) return w.season_open_days[w.season_weights.Draw(r)];
  if (Phoned(channel) || w.days.empty()) return w.open_days[r.Below(w.open_days.size())];
  return w.days[r.Below(w.days.size())];
}

struct Person {
  app::DescribedPersonInput input;
  cases::ExploitationForm form = cases::ExploitationForm::kOther;
  bool has_form = false;
};

double FemaleShareOf(hotline::Topic topic, std::optional<cases::ExploitationForm> form) {
  using F = cases::ExploitationForm;
  if (topic == hotline::Topic::kProstitution) return 0.85;
  if (!form) return 0.5;
  switch (*form) {
    case F::kSexual:
      return 0.9;
    case F::kDomesticServitude:
      return 0.85;
    case F::kForcedMarriage:
      return 0.8;
    case F::kForcedBegging:
      return 0.5;
    default:
      return 0.3;
  }
}

Person DrawPerson(hotline::Topic topic, bool berry, DemoRandom& r) {
  using F = cases::ExploitationForm;
  using hotline::Topic;
  Person p;
  auto& in = p.input;
  if (topic == Topic::kDemand || topic == Topic::kMethodAdvice || topic == Topic::kOther) {
    return p;  // nothing about a person
  }
  std::optional<F> form;
  if (berry) {
    form = F::kLabour;
  } else if (topic == Topic::kSuspectedTrafficking) {
    form = Draw<F>({{F::kSexual, 0.42},
                    {F::kLabour, 0.28},
                    {F::kForcedBegging, 0.07},
                    {F::kForcedCriminality, 0.11},
                    {F::kDomesticServitude, 0.05},
                    {F::kForcedMarriage, 0.04}},
                   r);
  } else if (topic == Topic::kHumanExploitation) {
    form =
        Draw<F>({{F::kLabour, 0.7}, {F::kForcedBegging, 0.15}, {F::kDomesticServitude, 0.15}}, r);
  } else if (topic == Topic::kChild && r.Chance(0.6)) {
    form = Draw<F>({{F::kSexual, 0.4},
                    {F::kForcedCriminality, 0.35},
                    {F::kForcedBegging, 0.1},
                    {F::kLabour, 0.15}},
                   r);
  }
  if (form) {
    p.form = *form;
    p.has_form = true;
    in.forms = {std::string(cases::ToString(*form))};
  }
  // Age group and an approximate age that agrees with it.
  hotline::AgeGroup age = hotline::AgeGroup::kAdult;
  if (topic == Topic::kChild) {
    age = r.Chance(0.85) ? hotline::AgeGroup::kChild : hotline::AgeGroup::kUnknown;
  } else if (!berry) {
    age = Draw<hotline::AgeGroup>({{hotline::AgeGroup::kAdult, 0.84},
                                   {hotline::AgeGroup::kUnknown, 0.1},
                                   {hotline::AgeGroup::kChild, 0.06}},
                                  r);
  }
  in.age_group = std::string(hotline::ToString(age));
  if (age == hotline::AgeGroup::kChild && r.Chance(0.7)) in.approximate_age = r.Between(11, 17);
  if (age == hotline::AgeGroup::kAdult && r.Chance(0.6)) in.approximate_age = r.Between(19, 58);
  const bool female = r.Chance(berry ? 0.3 : FemaleShareOf(topic, form));
  in.gender = r.Chance(0.04) ? "unknown" : (female ? "female" : "male");
  // Citizenship: berry pickers from Thailand (outside the EU) or Bulgaria (EU).
  hotline::CitizenshipGroup cg =
      berry ? (r.Chance(0.65) ? hotline::CitizenshipGroup::kOutsideEu
                              : hotline::CitizenshipGroup::kEuEea)
            : Draw<hotline::CitizenshipGroup>(
                  {{hotline::CitizenshipGroup::kSwedish, topic == Topic::kChild ? 0.4 : 0.16},
                   {hotline::CitizenshipGroup::kEuEea, 0.32},
                   {hotline::CitizenshipGroup::kOutsideEu, 0.44},
                   {hotline::CitizenshipGroup::kUnknown, 0.08}},
                  r);
  in.citizenship = std::string(hotline::ToString(cg));
  if (cg == hotline::CitizenshipGroup::kOutsideEu) {
    double x = r.Unit();
    // Berry pickers from outside the EU mostly come on work permits.
    const double holds = berry ? 0.6 : 0.35;
    if (x < holds) {
      in.holds_residence_permit = true;
    } else if (x < holds + 0.35) {
      in.holds_residence_permit = false;
    }
  }
  if (p.has_form) {
    const auto& pool = IndicatorsOf(p.form, age == hotline::AgeGroup::kChild);
    int n = r.Between(0, 4);
    for (int i = 0; i < n && !pool.empty(); ++i) {
      std::string id(pool[r.Below(pool.size())]);
      if (std::find(in.indicators.begin(), in.indicators.end(), id) == in.indicators.end()) {
        in.indicators.push_back(std::move(id));
      }
    }
  }
  in.wants_to_report_to_police = r.Chance(0.15);
  in.wish_to_return = hotline::IsForeign(cg) && r.Chance(berry ? 0.25 : 0.08);
  in.needs_shelter = r.Chance(berry ? 0.08 : 0.12);
  if (age == hotline::AgeGroup::kChild && r.Chance(0.4)) {
    in.social_services_involve_police = r.Chance(0.5);
  }
  return p;
}

}  // namespace

const std::vector<std::string>& BerryCounties() {
  static const std::vector<std::string> counties = {"17", "21", "22", "23", "24", "25"};
  return counties;
}

long long DefaultConsultationCount(int years) { return 600LL * std::max(1, years); }

ConsultationWorld BuildConsultationWorld(const geo::Geography& geography,
                                         const hotline::OfficeHours& office_hours, CivilDate today,
                                         int years, std::size_t operators) {
  ConsultationWorld w;
  w.geography = &geography;
  w.office_hours = office_hours;
  w.today = today;
  w.first_day = AddDays(AddMonths(today, -12 * std::max(1, years)), 1);
  w.operators = std::max<std::size_t>(1, operators);
  std::vector<double> season;
  for (CivilDate d = w.first_day; d <= today; d = AddDays(d, 1)) {
    w.days.push_back(d);
    if (!IsOpenDay(office_hours, d)) continue;
    w.open_days.push_back(d);
    if (d.month >= 7 && d.month <= 9) {
      // A peak in the middle of August, tailing off towards July and September.
      const int from_peak = std::abs(DaysBetween(CivilDate{d.year, 8, 12}, d));
      w.season_open_days.push_back(d);
      season.push_back(std::max(0.15, 1.0 - from_peak / 45.0));
    }
  }
  if (w.open_days.empty()) w.open_days = w.days;  // a configuration never open: any day
  if (w.season_open_days.empty()) {
    w.season_open_days = w.open_days;
    season.assign(w.open_days.size(), 1.0);
  }
  w.season_weights = WeightedIndex(season);

  std::vector<double> national;
  std::vector<double> berry;
  const auto& ms = geography.municipalities();
  const auto& bc = BerryCounties();
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const double pop = PopulationOf(ms[i]);
    w.municipalities.items.push_back(i);
    national.push_back(pop > 0 ? pop : 1.0);
    if (std::find(bc.begin(), bc.end(), ms[i].county_code) != bc.end()) {
      // Camps are in the forests: every municipality alike, the smaller a little more.
      w.berry_municipalities.items.push_back(i);
      berry.push_back(pop > 50000 ? 1.0 : 1.5);
    }
  }
  w.municipalities.index = WeightedIndex(national);
  if (w.berry_municipalities.empty()) {
    w.berry_municipalities = w.municipalities;
  } else {
    w.berry_municipalities.index = WeightedIndex(berry);
  }
  return w;
}

ConsultationPlan PlanConsultation(const ConsultationWorld& w, std::uint64_t seed,
                                  std::uint64_t index) {
  using hotline::Topic;
  DemoRandom r = DemoRandom::ForCase(seed ^ 0x686F746C696E65ULL, index);
  ConsultationPlan plan;
  plan.index = index;
  plan.operator_index = r.Below(w.operators);
  auto& in = plan.input;

  plan.berry_picking = r.Chance(kBerryShare);
  const hotline::Channel channel =
      plan.berry_picking && r.Chance(0.85) ? hotline::Channel::kPhone : DrawChannel(r);
  in.channel = std::string(hotline::ToString(channel));
  const CivilDate day = DrawDay(w, plan.berry_picking, channel, r);
  const Topic topic = plan.berry_picking ? (r.Chance(0.6) ? Topic::kSuspectedTrafficking
                                                          : Topic::kHumanExploitation)
                                         : Draw<Topic>({{Topic::kSuspectedTrafficking, 0.34},
                                                        {Topic::kHumanExploitation, 0.10},
                                                        {Topic::kProstitution, 0.14},
                                                        {Topic::kChild, 0.13},
                                                        {Topic::kDemand, 0.04},
                                                        {Topic::kMethodAdvice, 0.17},
                                                        {Topic::kOther, 0.08}},
                                                       r);
  in.topic = std::string(hotline::ToString(topic));

  // Where: a municipality (berry pickers': Norrland and Värmland), now and then abroad.
  const auto& ms = w.geography->municipalities();
  std::string region;
  if (!plan.berry_picking && topic != Topic::kMethodAdvice && r.Chance(0.02)) {
    static const char* const kAbroad[] = {"TH", "RO", "BG", "NG", "UA", "VN"};
    in.abroad_country = kAbroad[r.Below(std::size(kAbroad))];
  } else {
    const Pool& pool = plan.berry_picking ? w.berry_municipalities : w.municipalities;
    in.municipality_code = ms[pool.Draw(r)].code;
    if (auto place = w.geography->Locate(in.municipality_code); place && place->police_region) {
      region = place->police_region->id;
    }
  }

  Person person = DrawPerson(topic, plan.berry_picking, r);
  in.person = person.input;
  const bool about_child = in.person.age_group == "child" || topic == Topic::kChild;

  // Who calls: a professional of an organisation of the directory, or of one outside it.
  const CallerKind caller = DrawCaller(topic, plan.berry_picking, region.empty(), r);
  plan.caller_seed_key = CallerSeedKey(caller, in.municipality_code, region);
  in.caller = MakeCaller(caller, channel, r);

  // When: calls in office hours, written requests at any hour of the day.
  const auto& h = w.office_hours;
  int minute = Phoned(channel)
                   ? r.Between(h.opens_minute, std::max(h.opens_minute, h.closes_minute - 15))
                   : r.Between(6 * 60, 23 * 60);
  const long long received = LocalUs(day, minute);
  in.received_at_us = received;
  if (channel == hotline::Channel::kPhone) {
    const double u = r.Unit();
    in.duration_seconds = 60LL * (4 + static_cast<int>(40 * u * u)) + r.Between(0, 59);
  } else if (channel == hotline::Channel::kInPerson) {
    in.duration_seconds = 60LL * r.Between(30, 90);
  }
  in.language = r.Chance(0.04) ? "eng" : "swe";

  // Immediate danger: only while someone is on the line (or in the room).
  in.immediate_danger = Phoned(channel) && topic != Topic::kMethodAdvice &&
                        topic != Topic::kOther && topic != Topic::kDemand && r.Chance(0.05);
  if (in.immediate_danger) {
    in.urgency = "immediate_danger";
    in.duration_seconds = std::max<long long>(in.duration_seconds, 60LL * r.Between(15, 40));
  } else {
    in.urgency = about_child || r.Chance(0.1) ? (r.Chance(0.5) ? "urgent" : "normal") : "normal";
  }
  in.situation = SituationText(topic, person.has_form ? &person.form : nullptr, plan.berry_picking,
                               about_child, r);
  in.advice = AdviceText(topic, person.has_form ? &person.form : nullptr, plan.berry_picking,
                         about_child, in.immediate_danger, r);

  // Recorded after the call; written requests when the desk is open.
  plan.recorded_at_us = Phoned(channel)
                            ? received + in.duration_seconds * 1000000 + r.Between(1, 6) * kMinuteUs
                            : NextOfficeTime(w, day, minute + r.Between(10, 90), r);
  long long spent =
      in.duration_seconds / 60 + (Phoned(channel) ? r.Between(5, 25) : r.Between(10, 50));

  if (in.immediate_danger) {
    std::vector<std::string> steps = {"advised_caller_to_call_112"};
    if (r.Chance(0.6)) steps.push_back("called_police");
    if (r.Chance(0.2)) steps.push_back("called_112");
    long long at = received + r.Between(2, 6) * kMinuteUs;
    for (auto& s : steps) {
      plan.danger_steps.push_back({std::move(s), at});
      at += r.Between(2, 8) * kMinuteUs;
    }
  }

  // Where it ends: everything older than three weeks is closed.
  const int age_days = DaysBetween(day, w.today);
  if (age_days > kRecentDays) {
    plan.ends = hotline::QueueStatus::kClosed;
  } else {
    const bool written = !Phoned(channel);
    plan.ends = Draw<hotline::QueueStatus>(
        {{hotline::QueueStatus::kNew, written && !in.immediate_danger ? 0.45 : 0.0},
         {hotline::QueueStatus::kAssigned, 0.18},
         {hotline::QueueStatus::kWaitingFollowUp, 0.22},
         {hotline::QueueStatus::kClosed, age_days > 3 ? 0.55 : 0.25}},
        r);
  }
  in.assign_to_me = plan.ends != hotline::QueueStatus::kNew;

  // Follow-ups: some closed ones had one (done), every waiting one has an open one.
  long long last = plan.recorded_at_us;
  const bool waiting = plan.ends == hotline::QueueStatus::kWaitingFollowUp;
  if (plan.ends != hotline::QueueStatus::kNew && (waiting || r.Chance(0.3))) {
    const int n = r.Chance(0.2) ? 2 : 1;
    for (int i = 0; i < n; ++i) {
      PlannedFollowUp f;
      f.text = FollowUpText(topic, plan.berry_picking, r);
      f.written_at_us = last + r.Between(1, 5) * kMinuteUs;
      const int due_in = r.Between(2, 10);
      if (r.Chance(0.8)) f.due_on = AddDays(day, due_in + (age_days > kRecentDays ? 0 : 1));
      const bool open = waiting && i == n - 1;
      if (!open) {
        f.done_at_us = OfficeDaysLater(w, f.written_at_us, std::max(1, due_in - 1), r);
        last = *f.done_at_us;
      } else {
        last = f.written_at_us;
      }
      spent += r.Between(5, 20);
      plan.follow_ups.push_back(std::move(f));
    }
  }
  if (plan.ends == hotline::QueueStatus::kClosed) {
    plan.closed_at_us = r.Chance(0.5) ? last + r.Between(5, 60) * kMinuteUs
                                      : OfficeDaysLater(w, last, r.Between(1, 3), r);
  }
  in.time_spent_minutes = std::min<long long>(spent, 24 * 60);
  return plan;
}

}  // namespace opennrm::cli::demo
