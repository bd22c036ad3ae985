// Clocks driven by a fake clock, the way the app layer will drive them: the
// time comes from a Clock, becomes a Europe/Stockholm calendar date, and only
// that date reaches the domain. The dates chosen cross month ends, the leap
// day 2028-02-29 and the daylight-saving changes of 29 March and 25 October 2026,
// where a time late in the evening UTC is already the next day in Stockholm.
#include <gtest/gtest.h>

#include <chrono>

#include "core/clock.hpp"
#include "core/stockholm_date.hpp"
#include "domain/clocks/clock.hpp"
#include "domain/clocks/test_rules.hpp"

namespace opennrm::clocks {
namespace {

using namespace std::chrono;
using fixtures::TestRules;

TimePoint Utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min};
}

// Today as the app layer will compute it.
CivilDate Today(const FakeClock& clock) { return StockholmDateOf(clock.Now()); }

ClockOpening ReflectionFrom(CivilDate day) {
  ClockOpening o;
  o.rule_id = "reflection_period";
  o.application = Application{Party::kSocialWelfareBoard, day};
  o.decided_on = day;
  o.start = day;
  o.conditions = {"no_residence_permit"};
  return o;
}

ClockOpening DutyFrom(const char* rule_id, CivilDate day) {
  ClockOpening o;
  o.rule_id = rule_id;
  o.start = day;
  return o;
}

TEST(ClockScenario, ReflectionPeriodAcrossTheSpringChangeAndAMonthEnd) {
  FakeClock clock(Utc(2026, 3, 2, 9));
  auto c = Clock::Open(TestRules(), ReflectionFrom(Today(clock)));
  ASSERT_TRUE(c) << c.error().message;
  ASSERT_EQ(c->end(), (CivilDate{2026, 3, 31}));

  clock.Set(Utc(2026, 3, 23, 22, 59));  // 23:59 CET on the 23rd
  EXPECT_TRUE(c->RemindersDueOn(Today(clock)).empty());
  clock.Advance(minutes{1});  // midnight in Stockholm: the 24th
  EXPECT_EQ(c->RemindersDueOn(Today(clock)), (std::vector<Reminder>{{7, {2026, 3, 24}}}));

  // 23:30 UTC on the 28th is 00:30 on the 29th, the day the clocks spring forward.
  clock.Set(Utc(2026, 3, 28, 23, 30));
  EXPECT_EQ(UtcDateOf(clock.Now()), (CivilDate{2026, 3, 28}));
  EXPECT_EQ(c->RemindersDueOn(Today(clock)), (std::vector<Reminder>{{2, {2026, 3, 29}}}));
  EXPECT_EQ(c->StatusOn(Today(clock)).days_left, 2);

  // Summer time now: 22:30 UTC on the 30th is 00:30 on the 31st, the last day.
  clock.Set(Utc(2026, 3, 30, 22, 30));
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kDueToday);
  clock.Set(Utc(2026, 3, 31, 21, 59));
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kDueToday);
  clock.Advance(minutes{1});  // 1 April begins at 22:00 UTC
  const ClockStatus late = c->StatusOn(Today(clock));
  EXPECT_EQ(late.state, ClockState::kOverdue);
  EXPECT_EQ(late.days_left, -1);

  // The follow-up is done: the reflection period ends task is closed.
  ASSERT_TRUE(c->Stop(Today(clock), StopReason::kDone));
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kEnded);
}

TEST(ClockScenario, ReflectionPeriodEndingOnTheAutumnChange) {
  FakeClock clock(Utc(2026, 9, 26, 10));
  auto c = Clock::Open(TestRules(), ReflectionFrom(Today(clock)));
  ASSERT_TRUE(c);
  ASSERT_EQ(c->end(), (CivilDate{2026, 10, 25}));

  clock.Set(Utc(2026, 10, 24, 21, 59));  // 23:59 CEST on the 24th
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kRunning);
  clock.Set(Utc(2026, 10, 24, 22, 30));  // 00:30 CEST on the 25th
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kDueToday);
  // The 25th has 25 hours: at 22:30 UTC it is 23:30 CET, still the last day.
  clock.Set(Utc(2026, 10, 25, 22, 30));
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kDueToday);
  clock.Set(Utc(2026, 10, 25, 23, 0));
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kOverdue);
}

TEST(ClockScenario, ReportOfConcernLateOnTheEveBeforeTheLeapDay) {
  // Reported at 00:15 on 29 February in Stockholm (still the 28th in UTC).
  FakeClock clock(Utc(2028, 2, 28, 23, 15));
  auto c = Clock::Open(TestRules(), DutyFrom("protection_assessment", Today(clock)));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->start(), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(c->end(), (CivilDate{2028, 3, 1}));

  clock.Set(Utc(2028, 2, 29, 8));
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kRunning);
  EXPECT_EQ(c->RemindersDueOn(Today(clock)), (std::vector<Reminder>{{1, {2028, 2, 29}}}));
  clock.Set(Utc(2028, 2, 29, 23, 30));  // 1 March in Stockholm
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kDueToday);
  EXPECT_EQ(c->RemindersDueOn(Today(clock)), (std::vector<Reminder>{{0, {2028, 3, 1}}}));
  clock.Advance(hours{24});
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kOverdue);
}

TEST(ClockScenario, ImmediateCustodyClocksAcrossTheLeapDay) {
  FakeClock clock(Utc(2028, 2, 22, 14));  // custody decided on Tuesday 22 February
  const CivilDate decided = Today(clock);
  auto court = Clock::Open(TestRules(), DutyFrom("custody_court_submission", decided));
  auto care = Clock::Open(TestRules(), DutyFrom("custody_care_application", decided));
  ASSERT_TRUE(court);
  ASSERT_TRUE(care);
  EXPECT_EQ(court->end(), (CivilDate{2028, 2, 29}));  // within one week
  EXPECT_EQ(care->end(), (CivilDate{2028, 3, 21}));   // within four weeks

  std::vector<CivilDate> court_reminders;
  for (int day = 0; day < 30; ++day) {
    for (const auto& r : court->RemindersDueOn(Today(clock))) court_reminders.push_back(r.on);
    if (Today(clock) == CivilDate{2028, 2, 27}) {
      ASSERT_TRUE(court->Stop(Today(clock), StopReason::kDone));  // submitted to the court
    }
    clock.Advance(hours{24});
  }
  // Reminders 3 and 1 days before the end (26 and 28 February); the second never
  // comes because the decision went to the court on the 27th.
  EXPECT_EQ(court_reminders, (std::vector<CivilDate>{{2028, 2, 26}}));
  EXPECT_EQ(court->StatusOn(Today(clock)).state, ClockState::kEnded);

  clock.Set(Utc(2028, 3, 21, 12));
  EXPECT_EQ(care->StatusOn(Today(clock)).state, ClockState::kDueToday);
  clock.Set(Utc(2028, 3, 21, 23));  // already the 22nd in Stockholm
  EXPECT_EQ(care->StatusOn(Today(clock)).state, ClockState::kOverdue);
}

TEST(ClockScenario, PermitFromAMonthEndEndsOnTheLeapDay) {
  FakeClock clock(Utc(2027, 8, 31, 7));
  ClockOpening o;
  o.rule_id = "residence_permit_cooperation";
  o.application = Application{Party::kHeadOfPreliminaryInvestigation, {2027, 8, 20}};
  o.decided_on = Today(clock);
  o.start = Today(clock);
  o.conditions = {"needed_for_proceedings", "wants_to_cooperate", "broke_contact_with_suspects",
                  "public_order_allows"};
  auto c = Clock::Open(TestRules(), o);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->end(), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(c->Reminders(), (std::vector<Reminder>{{30, {2028, 1, 30}}, {7, {2028, 2, 22}}}));
  clock.Set(Utc(2028, 1, 29, 23, 5));  // 00:05 on 30 January in Stockholm
  EXPECT_EQ(c->RemindersDueOn(Today(clock)).size(), 1u);
  EXPECT_EQ(c->StatusOn(Today(clock)).days_left, 30);
}

TEST(ClockScenario, ReportOnNewYearsEve) {
  FakeClock clock(Utc(2026, 12, 31, 22, 59));  // 23:59 on New Year's Eve in Stockholm
  auto c = Clock::Open(TestRules(), DutyFrom("protection_assessment", Today(clock)));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->end(), (CivilDate{2027, 1, 1}));
  clock.Advance(minutes{1});
  EXPECT_EQ(c->StatusOn(Today(clock)).state, ClockState::kDueToday);
}

}  // namespace
}  // namespace opennrm::clocks
