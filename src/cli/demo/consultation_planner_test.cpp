#include "cli/demo/consultation_planner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "cli/demo/consultation_planner_texts.hpp"
#include "cli/demo/demo_test_support.hpp"
#include "core/stockholm_date.hpp"
#include "core/stockholm_date_math.hpp"

namespace opennrm::cli::demo {
namespace {

using testing::ShippedGeography;
using testing::ShippedRules;

constexpr CivilDate kToday{2026, 11, 20};

ConsultationWorld World(int years = 3) {
  hotline::OfficeHours hours;
  hours.holidays = {{2026, 6, 19}, {2025, 12, 24}, {2025, 12, 25}};
  return BuildConsultationWorld(ShippedGeography(), hours, kToday, years, 3);
}

CivilDate DayOf(long long us) { return StockholmDateOf(TimePoint(std::chrono::microseconds(us))); }

std::vector<ConsultationPlan> PlanMany(const ConsultationWorld& w, std::uint64_t seed, int n) {
  std::vector<ConsultationPlan> out;
  for (int i = 0; i < n; ++i)
    out.push_back(PlanConsultation(w, seed, static_cast<std::uint64_t>(i)));
  return out;
}

TEST(ConsultationPlanner, TheSameSeedGivesTheSamePlansAndAnotherSeedOthers) {
  const auto w = World();
  for (std::uint64_t i : {0ULL, 7ULL, 1234ULL}) {
    auto a = PlanConsultation(w, 42, i);
    auto b = PlanConsultation(w, 42, i);
    EXPECT_EQ(a.input.received_at_us, b.input.received_at_us);
    EXPECT_EQ(a.input.situation, b.input.situation);
    EXPECT_EQ(a.input.caller.name, b.input.caller.name);
    EXPECT_EQ(a.input.municipality_code, b.input.municipality_code);
    EXPECT_EQ(a.follow_ups.size(), b.follow_ups.size());
    EXPECT_EQ(a.closed_at_us, b.closed_at_us);
  }
  int differ = 0;
  for (std::uint64_t i = 0; i < 50; ++i) {
    differ += PlanConsultation(w, 42, i).input.received_at_us !=
              PlanConsultation(w, 43, i).input.received_at_us;
  }
  EXPECT_GT(differ, 40);
}

TEST(ConsultationPlanner, BerryPickersMakeASummerPeakInNorrlandAndVarmland) {
  const auto w = World();
  const auto plans = PlanMany(w, 1, 1800);
  const auto& berry = BerryCounties();
  std::map<unsigned, int> labour_north_by_month;
  std::map<unsigned, int> all_by_month;
  for (const auto& p : plans) {
    const CivilDate d = DayOf(*p.input.received_at_us);
    ++all_by_month[d.month];
    const auto* m = ShippedGeography().FindMunicipality(p.input.municipality_code);
    const bool labour = std::find(p.input.person.forms.begin(), p.input.person.forms.end(),
                                  "labour") != p.input.person.forms.end();
    if (m && labour && std::find(berry.begin(), berry.end(), m->county_code) != berry.end()) {
      ++labour_north_by_month[d.month];
    }
    if (p.berry_picking) {
      EXPECT_GE(d.month, 7u);
      EXPECT_LE(d.month, 9u);
      ASSERT_NE(m, nullptr);
      EXPECT_NE(std::find(berry.begin(), berry.end(), m->county_code), berry.end());
    }
  }
  int season = 0, rest = 0, season_all = 0, rest_all = 0;
  for (unsigned month = 1; month <= 12; ++month) {
    const bool in_season = month >= 7 && month <= 9;
    (in_season ? season : rest) += labour_north_by_month[month];
    (in_season ? season_all : rest_all) += all_by_month[month];
  }
  // Per month: the season's labour exploitation in the north is many times the rest of the year's.
  EXPECT_GT(season / 3.0, 5 * (rest / 9.0)) << season << " vs " << rest;
  // And the hotline as a whole is busier in the season.
  EXPECT_GT(season_all / 3.0, 1.2 * (rest_all / 9.0)) << season_all << " vs " << rest_all;
}

TEST(ConsultationPlanner, EveryPlanIsPlausibleAndIdentifiesNobody) {
  const auto w = World();
  std::set<std::string> channels, topics, statuses;
  std::set<int> years;
  int danger = 0, follow_ups = 0, open_recent = 0, closed = 0;
  std::set<std::string_view> indicator_ids;
  for (const auto& i : ShippedRules().indicators->indicators()) indicator_ids.insert(i.id);
  const auto plans = PlanMany(w, 9, 2000);
  for (const auto& p : plans) {
    const auto& in = p.input;
    SCOPED_TRACE(p.index);
    EXPECT_FALSE(hotline::LooksIdentifying(in.situation)) << in.situation;
    EXPECT_FALSE(hotline::LooksIdentifying(in.advice)) << in.advice;
    for (const auto& f : p.follow_ups) EXPECT_FALSE(hotline::LooksIdentifying(f.text)) << f.text;
    EXPECT_TRUE(in.identity.Empty());
    EXPECT_EQ(in.identity_basis, "none");
    EXPECT_NE(in.municipality_code.empty(), in.abroad_country.empty());
    if (!in.municipality_code.empty()) {
      EXPECT_NE(ShippedGeography().FindMunicipality(in.municipality_code), nullptr)
          << in.municipality_code;
    }
    for (const auto& id : in.person.indicators) EXPECT_TRUE(indicator_ids.count(id)) << id;
    EXPECT_FALSE(in.caller.name.empty());
    EXPECT_NE(p.caller_seed_key.empty(), in.caller.organisation_name.empty());
    ASSERT_TRUE(in.received_at_us);
    const CivilDate day = DayOf(*in.received_at_us);
    EXPECT_LE(day, kToday);
    EXPECT_GE(day, w.first_day);
    EXPECT_GE(p.recorded_at_us, *in.received_at_us);
    if (in.channel == "phone" || in.channel == "in_person") {
      EXPECT_TRUE(hotline::IsOpen(w.office_hours, day, w.office_hours.opens_minute));
      EXPECT_GT(in.duration_seconds, 0);
    } else {
      EXPECT_EQ(in.duration_seconds, 0);
    }
    EXPECT_GE(in.time_spent_minutes, in.duration_seconds / 60);
    if (in.person.approximate_age) {
      EXPECT_EQ(in.person.age_group, *in.person.approximate_age < 18 ? "child" : "adult");
    }
    if (in.immediate_danger) {
      ++danger;
      EXPECT_EQ(in.urgency, "immediate_danger");
      EXPECT_FALSE(p.danger_steps.empty());
    }
    channels.insert(in.channel);
    topics.insert(in.topic);
    statuses.insert(std::string(hotline::ToString(p.ends)));
    years.insert(day.year);
    follow_ups += static_cast<int>(p.follow_ups.size());
    long long last = p.recorded_at_us;
    for (const auto& f : p.follow_ups) {
      EXPECT_GE(f.written_at_us, p.recorded_at_us);
      if (f.done_at_us) {
        EXPECT_GE(*f.done_at_us, f.written_at_us);
        last = std::max(last, *f.done_at_us);
      }
    }
    const bool open_follow_up = std::any_of(p.follow_ups.begin(), p.follow_ups.end(),
                                            [](const auto& f) { return !f.done_at_us; });
    EXPECT_EQ(open_follow_up, p.ends == hotline::QueueStatus::kWaitingFollowUp);
    EXPECT_EQ(p.closed_at_us.has_value(), p.ends == hotline::QueueStatus::kClosed);
    if (p.closed_at_us) {
      ++closed;
      EXPECT_GE(*p.closed_at_us, last);
    } else {
      ++open_recent;
      EXPECT_LE(DaysBetween(day, kToday), 21) << "only recent ones are still open";
    }
    EXPECT_EQ(in.assign_to_me, p.ends != hotline::QueueStatus::kNew);
    EXPECT_LT(p.operator_index, 3u);
  }
  EXPECT_EQ(channels.size(), 4u);
  EXPECT_EQ(topics.size(), hotline::AllTopics().size());
  EXPECT_EQ(statuses.size(), 4u) << "new, assigned, waiting and closed all occur";
  EXPECT_GE(years.size(), 3u);
  EXPECT_GT(danger, 20);
  EXPECT_GT(follow_ups, 300);
  EXPECT_GT(closed, 1900) << "most are closed";
  EXPECT_GT(open_recent, 5);
}

TEST(ConsultationPlanner, NoTemplateTextIdentifiesAnyone) {
  for (auto text : AllConsultationTexts()) {
    EXPECT_FALSE(hotline::LooksIdentifying(text)) << text;
    EXPECT_LT(text.size(), 1000u);
  }
}

TEST(ConsultationPlanner, EveryIndicatorIdIsInTheShippedChecklist) {
  std::set<std::string_view> ids;
  for (const auto& i : ShippedRules().indicators->indicators()) ids.insert(i.id);
  for (auto form : cases::AllExploitationForms()) {
    for (bool child : {false, true}) {
      for (auto id : IndicatorsOf(form, child)) EXPECT_TRUE(ids.count(id)) << id;
    }
  }
}

TEST(ConsultationPlanner, DefaultCountIsAFewThousandAtMost) {
  EXPECT_EQ(DefaultConsultationCount(3), 1800);
  EXPECT_LE(DefaultConsultationCount(5), 5000);
}

}  // namespace
}  // namespace opennrm::cli::demo
