// SyntheticStatisticsRows (statistics_seed_rows.hpp): a synthetic person's
// categories, the case's exploitation, the steps its tracks reached, its
// reflection-period and residence-permit clocks and its closure, in the words
// the case-management code writes (steps as in data/rules/steps.toml, clocks
// as in data/rules/clocks.toml with the statuses of ports::ClockRow).
#include <algorithm>
#include <set>
#include <tuple>

#include "domain/cases/case_record.hpp"
#include "domain/stats/categories.hpp"
#include "domain/stats/fact.hpp"
#include "statistics_seed_rows.hpp"
#include "synthetic_victims.hpp"

namespace opennrm::bench {

namespace {

const std::vector<const char*> kOtherForms = {"forced_begging", "forced_criminality",
                                              "domestic_servitude", "forced_marriage", "other"};
// In the order of the sector weights of SyntheticStatisticsRows::Make.
const std::vector<const char*> kSectors = {"berry_picking",   "construction", "cleaning",
                                           "restaurants",     "agriculture",  "car_wash",
                                           "beauty_services", "other"};
// In the order of the outcome weights of SyntheticStatisticsRows::Make.
const std::vector<const char*> kOutcomes = {"integrated", "declined_support", "lost_contact",
                                            "not_a_trafficking_case", "transferred_abroad"};

std::string Day(int day) { return FormatIsoDate(stats::DateOfDayNumber(day)); }

std::string CitizenshipGroupOf(const std::string& country) {
  if (country.empty()) return "unknown";
  if (country == "SE") return "sweden";
  if (country == "RO" || country == "BG" || country == "PL") return "other_eu_eea";
  return "outside_eu_eea";
}

}  // namespace

void SyntheticStatisticsRows::DrawCategories(SeedRow& row) {
  auto& p = row.person;
  const auto gender = static_cast<stats::GenderCategory>(gender_(rng_));
  p.gender = std::string(stats::ToString(gender));
  if (gender == stats::GenderCategory::kGirl || gender == stats::GenderCategory::kBoy) {
    p.age_group = Chance(0.2) ? "0_11" : "12_17";
  } else {
    p.age_group = std::string(stats::ToString(static_cast<stats::AgeGroup>(2 + adult_age_(rng_))));
  }
  const auto country = static_cast<size_t>(country_(rng_));
  p.citizenship_country = country < kCountries.size() ? kCountries[country] : "";
  p.citizenship_group = CitizenshipGroupOf(p.citizenship_country);
  if (p.citizenship_country.empty() && Chance(0.01)) p.citizenship_group = "stateless";
  if (Chance(0.01)) {  // protected identity: no country, and the case no place
    p.is_protected = true;
    p.citizenship_country.clear();
  }
}

void SyntheticStatisticsRows::DrawExploitation(SeedRow& row) {
  auto& f = row.facts;
  f.case_type = std::string(cases::ToString(cases::AllCaseTypes()[size_t(case_type_(rng_))]));
  const std::string& g = row.person.gender;
  const double sexual = g == "woman" || g == "girl" ? 0.8 : g == "man" || g == "boy" ? 0.25 : 0.5;
  std::set<std::string> forms, sectors;
  for (int k = form_count_(rng_); k > 0; --k) forms.insert(Chance(sexual) ? "sexual" : "labour");
  if (Chance(0.1)) forms.insert(kOtherForms[size_t(Between(0, int(kOtherForms.size()) - 1))]);
  if (forms.count("labour")) {
    sectors.insert(kSectors[size_t(sector_(rng_))]);
    if (Chance(0.2)) sectors.insert(kSectors[size_t(sector_(rng_))]);
  }
  f.forms.assign(forms.begin(), forms.end());
  f.sectors.assign(sectors.begin(), sectors.end());
}

int SyntheticStatisticsRows::DrawSteps(SeedRow& row, int recorded, bool foreign) {
  std::vector<std::tuple<int, std::string, std::string>> reached;  // day, track, step
  // Moves along `track` from `day`: each step with its chance and its days
  // after the one before; stops at the first step not reached or after today.
  struct Step {
    const char* id;
    double chance;
    int after_lo, after_hi;
  };
  auto walk = [&](const char* track, int day, std::initializer_list<Step> steps) {
    for (const auto& s : steps) {
      if (!Chance(s.chance)) return false;
      day += Between(s.after_lo, s.after_hi);
      if (day > today_) return false;
      reached.emplace_back(day, track, s.id);
    }
    return true;
  };
  walk("support", recorded,
       {{"identification", 1.0, 0, 0},
        {"acute_protection", 0.75, 1, 10},
        {"initial_support", 0.7, 14, 60},
        {"long_term_support", 0.5, 60, 240}});
  if (Chance(0.35)) {
    const int reported = recorded + Between(0, 60);
    if (walk("proceedings", reported,
             {{"reported", 1.0, 0, 0}, {"preliminary_investigation", 0.7, 10, 90}})) {
      const int at = std::get<0>(reached.back());
      if (Chance(0.7)) {
        walk("proceedings", at,
             {{"prosecution_decision", 0.6, 60, 300},
              {"trial", 0.6, 30, 120},
              {"judgment", 0.95, 1, 30},
              {"legally_binding", 0.85, 30, 200}});
      } else {
        walk("proceedings", at, {{"discontinued", 1.0, 30, 200}});
      }
    }
  }
  if (foreign && Chance(0.15)) {
    const bool done = walk("return", recorded,
                           {{"considered", 1.0, 5, 90},
                            {"planned", 0.65, 7, 60},
                            {"travel", 0.75, 7, 45},
                            {"reintegration_follow_up", 0.85, 1, 10},
                            {"completed", 0.8, 90, 365}});
    if (!done && std::get<1>(reached.back()) == "return" && Chance(0.5)) {
      walk("return", std::get<0>(reached.back()), {{"cancelled", 1.0, 1, 30}});
    }
  }
  std::stable_sort(reached.begin(), reached.end(),
                   [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
  int last = recorded;
  for (const auto& [day, track, step] : reached) {
    row.facts.steps.push_back({track, step, Day(day)});
    last = std::max(last, day);
  }
  return last;
}

int SyntheticStatisticsRows::DrawClocks(SeedRow& row, int recorded, bool foreign) {
  int last = recorded;
  // A clock applied for on `applied`: decided `granted` (running, or ended
  // once its days are over), refused, withdrawn, or still awaiting its decision.
  auto clock = [&](const char* rule, int applied, int days, double granted, double refused) {
    if (applied > today_) return;
    const double r = std::uniform_real_distribution<double>(0, 1)(rng_);
    const int decided = applied + Between(0, 14);
    std::string status = "applied", starts, ends;
    if (decided <= today_ && r < granted) {
      status = decided + days <= today_ ? "ended" : "running";
      starts = Day(decided);
      ends = Day(decided + days);
    } else if (decided <= today_ && r < granted + refused) {
      status = "refused";
    } else if (decided <= today_ && r < granted + refused + 0.04) {
      status = "withdrawn";
    }
    row.facts.clocks.push_back({rule, status, starts, ends});
    last = std::max(last, std::min(today_, status == "applied" ? applied : decided));
  };
  if (foreign && Chance(0.35))
    clock("reflection_period", recorded + Between(1, 20), 30, 0.75, 0.15);
  const auto& steps = row.facts.steps;
  const bool reported =
      std::any_of(steps.begin(), steps.end(), [](const auto& s) { return s[0] == "proceedings"; });
  if (foreign && reported && Chance(0.4)) {
    clock("residence_permit_cooperation", recorded + Between(30, 150), 183, 0.7, 0.2);
  }
  return last;
}

int SyntheticStatisticsRows::DrawClosure(SeedRow& row, int last_day) {
  const int idle = today_ - last_day;
  const double p = idle > 730 ? 0.95 : idle > 365 ? 0.75 : idle > 180 ? 0.5 : 0.15;
  if (!Chance(p)) return -1;
  const int closed = std::min(today_ - 1, last_day + Between(14, 300));
  auto& f = row.facts;
  f.status = "closed";
  f.closed_on = Day(std::max(closed, last_day));
  const bool returned = std::any_of(f.steps.begin(), f.steps.end(), [](const auto& s) {
    return s[0] == "return" && s[1] == "completed";
  });
  f.outcome = returned ? "safe_return_completed" : kOutcomes[size_t(outcome_(rng_))];
  return std::max(closed, last_day);
}

}  // namespace opennrm::bench
