#include "domain/clocks/clock.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/clocks/test_rules.hpp"

namespace opennrm::clocks {
namespace {

using fixtures::TestRules;

bool HasProblem(const Error& e, const std::string& field, const std::string& rule) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldProblem& p) { return p.field == field && p.rule == rule; });
}

const std::vector<std::string> kFourConditions{"needed_for_proceedings", "wants_to_cooperate",
                                               "broke_contact_with_suspects",
                                               "public_order_allows"};

ClockOpening Reflection(Party applicant, CivilDate applied_on) {
  ClockOpening o;
  o.rule_id = "reflection_period";
  o.application = Application{applicant, applied_on};
  o.decided_on = applied_on;
  o.start = applied_on;
  o.conditions = {"no_residence_permit"};
  return o;
}

ClockOpening Permit(CivilDate start) {
  ClockOpening o;
  o.rule_id = "residence_permit_cooperation";
  o.application = Application{Party::kHeadOfPreliminaryInvestigation, start};
  o.decided_on = start;
  o.start = start;
  o.conditions = kFourConditions;
  return o;
}

ClockOpening Deadline(std::string rule_id, CivilDate start) {
  ClockOpening o;
  o.rule_id = std::move(rule_id);
  o.start = start;
  return o;
}

TEST(ClockOpen, DefaultsTheEndFromTheRule) {
  auto c = Clock::Open(TestRules(), Reflection(Party::kSocialWelfareBoard, {2026, 3, 2}));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->end(), (CivilDate{2026, 3, 31}));
  EXPECT_FALSE(c->record().end_from_decision);
  EXPECT_EQ(c->record().rule_version, 2);
}

TEST(ClockOpen, TheDecisionsDatesWin) {
  ClockOpening o = Reflection(Party::kSocialWelfareBoard, {2026, 3, 2});
  o.start = {2026, 3, 4};
  o.end = CivilDate{2026, 4, 2};
  auto c = Clock::Open(TestRules(), o);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->start(), (CivilDate{2026, 3, 4}));
  EXPECT_EQ(c->end(), (CivilDate{2026, 4, 2}));
  EXPECT_TRUE(c->record().end_from_decision);
}

TEST(ClockOpen, EndBeforeStartIs422OnEnd) {
  ClockOpening o = Reflection(Party::kSocialWelfareBoard, {2026, 3, 2});
  o.end = CivilDate{2026, 3, 1};
  auto c = Clock::Open(TestRules(), o);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(HasProblem(c.error(), "end", "end_before_start"));
}

TEST(ClockOpen, SocialWelfareBoardMayApplyOnlyFrom1August2022) {
  auto before = Clock::Open(TestRules(), Reflection(Party::kSocialWelfareBoard, {2022, 7, 31}));
  ASSERT_FALSE(before);
  EXPECT_TRUE(HasProblem(before.error(), "application.applicant", "applicant_not_allowed"));

  auto from = Clock::Open(TestRules(), Reflection(Party::kSocialWelfareBoard, {2022, 8, 1}));
  ASSERT_TRUE(from);
  EXPECT_EQ(from->record().rule_version, 2);

  auto police =
      Clock::Open(TestRules(), Reflection(Party::kHeadOfPreliminaryInvestigation, {2022, 7, 31}));
  ASSERT_TRUE(police);
  EXPECT_EQ(police->record().rule_version, 1);
}

TEST(ClockOpen, TheApplicationDatePicksTheVersion) {
  // Applied under version 1, decided and started after version 2 came in: version 1 applies.
  ClockOpening o = Reflection(Party::kHeadOfPreliminaryInvestigation, {2022, 7, 29});
  o.decided_on = CivilDate{2022, 8, 2};
  o.start = {2022, 8, 2};
  auto c = Clock::Open(TestRules(), o);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->record().rule_version, 1);
}

TEST(ClockOpen, ThePersonCannotApplyAndSomebodyMust) {
  ClockOpening o = Reflection(Party::kMigrationAgency, {2026, 3, 2});
  auto agency = Clock::Open(TestRules(), o);
  ASSERT_FALSE(agency);
  EXPECT_TRUE(HasProblem(agency.error(), "application.applicant", "applicant_not_allowed"));
  o.application.reset();
  auto none = Clock::Open(TestRules(), o);
  ASSERT_FALSE(none);
  EXPECT_TRUE(HasProblem(none.error(), "application", "required"));
}

TEST(ClockOpen, OnlyTheHeadOfThePreliminaryInvestigationAppliesForThePermit) {
  ClockOpening o = Permit({2026, 5, 4});
  o.application->applicant = Party::kSocialWelfareBoard;
  auto c = Clock::Open(TestRules(), o);
  ASSERT_FALSE(c);
  EXPECT_TRUE(HasProblem(c.error(), "application.applicant", "applicant_not_allowed"));
}

TEST(ClockOpen, ChildTrackClocksTakeNoApplication) {
  ClockOpening o = Deadline("custody_court_submission", {2026, 5, 4});
  o.application = Application{Party::kSocialWelfareBoard, {2026, 5, 4}};
  auto c = Clock::Open(TestRules(), o);
  ASSERT_FALSE(c);
  EXPECT_TRUE(HasProblem(c.error(), "application.applicant", "applicant_not_allowed"));
  o.application.reset();
  o.decided_on = CivilDate{2026, 5, 4};
  auto decided = Clock::Open(TestRules(), o);
  ASSERT_FALSE(decided);
  EXPECT_TRUE(HasProblem(decided.error(), "decided_on", "no_decision"));
}

TEST(ClockOpen, AllFourPermitConditionsMustBeRecorded) {
  ClockOpening o = Permit({2026, 5, 4});
  o.conditions = {"wants_to_cooperate", "broke_contact_with_suspects", "made_up"};
  auto c = Clock::Open(TestRules(), o);
  ASSERT_FALSE(c);
  const auto& f = c.error().fields;
  EXPECT_EQ(std::count_if(f.begin(), f.end(),
                          [](const FieldProblem& p) { return p.rule == "missing_condition"; }),
            2);
  EXPECT_TRUE(HasProblem(c.error(), "conditions", "unknown_condition"));
  ASSERT_TRUE(Clock::Open(TestRules(), Permit({2026, 5, 4})));
}

TEST(ClockOpen, ADecisionNeedsItsDateAndComesAfterTheApplication) {
  ClockOpening o = Permit({2026, 5, 4});
  o.decided_on.reset();
  auto missing = Clock::Open(TestRules(), o);
  ASSERT_FALSE(missing);
  EXPECT_TRUE(HasProblem(missing.error(), "decided_on", "required"));
  o.decided_on = CivilDate{2026, 5, 3};
  auto early = Clock::Open(TestRules(), o);
  ASSERT_FALSE(early);
  EXPECT_TRUE(HasProblem(early.error(), "decided_on", "before_application"));
}

TEST(ClockOpen, AProgrammePeriodMayNotExceedItsCeiling) {
  ClockOpening o = Deadline("nsp_rehabilitation", {2026, 1, 1});
  o.application = Application{Party::kCertifiedProvider, {2025, 12, 20}};
  o.decided_on = CivilDate{2025, 12, 22};
  o.end = CivilDate{2026, 4, 1};  // 91 days
  auto c = Clock::Open(TestRules(), o);
  ASSERT_FALSE(c);
  EXPECT_TRUE(HasProblem(c.error(), "end", "longer_than_rule"));
  o.end = CivilDate{2026, 3, 31};  // 90 days
  EXPECT_TRUE(Clock::Open(TestRules(), o));
}

TEST(ClockOpen, UnknownRuleAndImpossibleDates) {
  auto unknown = Clock::Open(TestRules(), Deadline("no_such_rule", {2026, 1, 1}));
  ASSERT_FALSE(unknown);
  EXPECT_TRUE(HasProblem(unknown.error(), "rule_id", "unknown_rule"));
  auto bad = Clock::Open(TestRules(), Deadline("custody_court_submission", {2026, 2, 29}));
  ASSERT_FALSE(bad);
  EXPECT_TRUE(HasProblem(bad.error(), "start", "date"));
}

TEST(ClockStatus, RunningDueTodayOverdueAndNotStarted) {
  auto c = Clock::Open(TestRules(), Deadline("custody_court_submission", {2026, 2, 23}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->end(), (CivilDate{2026, 3, 2}));
  EXPECT_EQ(c->StatusOn({2026, 2, 22}).state, ClockState::kNotStarted);
  auto running = c->StatusOn({2026, 2, 27});
  EXPECT_EQ(running.state, ClockState::kRunning);
  EXPECT_EQ(running.days_left, 3);
  EXPECT_EQ(c->StatusOn({2026, 3, 2}).state, ClockState::kDueToday);
  auto late = c->StatusOn({2026, 3, 4});
  EXPECT_EQ(late.state, ClockState::kOverdue);
  EXPECT_EQ(late.days_left, -2);
}

TEST(ClockStop, EndsTheClockAndItsReminders) {
  auto c = Clock::Open(TestRules(), Deadline("custody_care_application", {2026, 2, 23}));
  ASSERT_TRUE(c);
  ASSERT_TRUE(c->Stop({2026, 3, 10}, StopReason::kDone));
  EXPECT_EQ(c->StatusOn({2026, 3, 9}).state, ClockState::kRunning);
  EXPECT_EQ(c->StatusOn({2026, 3, 10}).state, ClockState::kEnded);
  EXPECT_EQ(c->StatusOn({2026, 4, 30}).state, ClockState::kEnded);
  EXPECT_TRUE(c->RemindersDueOn({2026, 3, 21}).empty());
  auto again = c->Stop({2026, 3, 11}, StopReason::kDone);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST(ClockStop, OnlyARevocableDecisionIsRevoked) {
  auto reflection = Clock::Open(TestRules(), Reflection(Party::kSocialWelfareBoard, {2026, 3, 2}));
  ASSERT_TRUE(reflection);
  auto st = reflection->Stop({2026, 3, 5}, StopReason::kRevoked);
  ASSERT_FALSE(st);
  EXPECT_TRUE(HasProblem(st.error(), "reason", "not_revocable"));
  auto permit = Clock::Open(TestRules(), Permit({2026, 5, 4}));
  ASSERT_TRUE(permit);
  auto before = permit->Stop({2026, 5, 3}, StopReason::kRevoked);
  ASSERT_FALSE(before);
  EXPECT_TRUE(HasProblem(before.error(), "on", "before_start"));
  EXPECT_TRUE(permit->Stop({2026, 6, 1}, StopReason::kRevoked));
  EXPECT_EQ(permit->record().stop, (ClockStop{{2026, 6, 1}, StopReason::kRevoked}));
}

TEST(ClockRenew, APermitIsRenewedFromTheDayAfterItsEnd) {
  auto c = Clock::Open(TestRules(), Permit({2026, 8, 31}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->end(), (CivilDate{2027, 2, 28}));
  RenewalRequest r;
  r.application = Application{Party::kHeadOfPreliminaryInvestigation, {2027, 2, 1}};
  r.decided_on = {2027, 2, 20};
  r.conditions = kFourConditions;
  ASSERT_TRUE(c->Renew(r));
  // 1 March 2027 + 6 months: through 31 August 2027.
  EXPECT_EQ(c->end(), (CivilDate{2027, 8, 31}));
  ASSERT_EQ(c->record().renewals.size(), 1u);
  EXPECT_EQ(c->record().renewals[0].previous_end, (CivilDate{2027, 2, 28}));
  EXPECT_EQ(c->Task()->due, (CivilDate{2027, 8, 31}));
}

TEST(ClockRenew, NeedsTheConditionsAndALaterEnd) {
  auto c = Clock::Open(TestRules(), Permit({2026, 5, 4}));
  ASSERT_TRUE(c);
  RenewalRequest r;
  r.application = Application{Party::kHeadOfPreliminaryInvestigation, {2026, 10, 1}};
  r.decided_on = {2026, 10, 10};
  r.end = c->end();
  auto st = c->Renew(r);
  ASSERT_FALSE(st);
  EXPECT_TRUE(HasProblem(st.error(), "end", "not_after_current_end"));
  EXPECT_TRUE(HasProblem(st.error(), "conditions", "missing_condition"));
  EXPECT_EQ(c->end(), (CivilDate{2026, 11, 3}));  // unchanged
}

TEST(ClockRenew, AtMostThreeProgrammeRenewalsAndNoneForTheReflectionPeriod) {
  ClockOpening o = Deadline("nsp_rehabilitation", {2026, 1, 1});
  o.application = Application{Party::kCertifiedProvider, {2026, 1, 1}};
  o.decided_on = CivilDate{2026, 1, 1};
  auto c = Clock::Open(TestRules(), o);
  ASSERT_TRUE(c);
  RenewalRequest r;
  r.application = o.application;
  r.decided_on = {2026, 1, 1};
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(c->Renew(r)) << i;
  EXPECT_EQ(c->end(), (CivilDate{2026, 12, 26}));  // 4 x 90 days from 1 January
  auto fourth = c->Renew(r);
  ASSERT_FALSE(fourth);
  EXPECT_TRUE(HasProblem(fourth.error(), "renewals", "renewals_exhausted"));

  auto reflection = Clock::Open(TestRules(), Reflection(Party::kSocialWelfareBoard, {2026, 3, 2}));
  ASSERT_TRUE(reflection);
  auto st = reflection->Renew(r);
  ASSERT_FALSE(st);
  EXPECT_TRUE(HasProblem(st.error(), "rule_id", "not_renewable"));
}

TEST(ClockReminders, ComeBeforeTheEndAndNeverBeforeTheStart) {
  auto c = Clock::Open(TestRules(), Reflection(Party::kSocialWelfareBoard, {2026, 3, 2}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->Reminders(), (std::vector<Reminder>{{7, {2026, 3, 24}}, {2, {2026, 3, 29}}}));
  EXPECT_EQ(c->RemindersDueOn({2026, 3, 24}), (std::vector<Reminder>{{7, {2026, 3, 24}}}));
  EXPECT_TRUE(c->RemindersDueOn({2026, 3, 25}).empty());

  // A 1-week time limit with a 3-day reminder, opened late on a Friday.
  auto court = Clock::Open(TestRules(), Deadline("custody_court_submission", {2026, 3, 27}));
  ASSERT_TRUE(court);
  EXPECT_EQ(court->Reminders(), (std::vector<Reminder>{{3, {2026, 3, 31}}, {1, {2026, 4, 2}}}));
  ClockOpening short_one = Reflection(Party::kSocialWelfareBoard, {2026, 3, 2});
  short_one.end = CivilDate{2026, 3, 6};  // the 7-day reminder would precede the start
  auto s = Clock::Open(TestRules(), short_one);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->Reminders(), (std::vector<Reminder>{{2, {2026, 3, 4}}}));
}

TEST(ClockTask, TheReflectionPeriodEndsTask) {
  auto c = Clock::Open(TestRules(), Reflection(Party::kSocialWelfareBoard, {2026, 3, 2}));
  ASSERT_TRUE(c);
  ASSERT_TRUE(c->Task());
  EXPECT_EQ(c->Task()->name, "reflection_period_ends");
  EXPECT_EQ(c->Task()->due, (CivilDate{2026, 3, 31}));
  auto programme = fixtures::Rehabilitation();
  EXPECT_TRUE(programme.end_task.empty());
}

TEST(ClockRestore, KeepsTheVersionItOpenedUnder) {
  auto c =
      Clock::Open(TestRules(), Reflection(Party::kHeadOfPreliminaryInvestigation, {2021, 11, 30}));
  ASSERT_TRUE(c);
  ClockRecord stored = c->record();
  auto back = Clock::Restore(TestRules(), stored);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->rule().version, 1);
  EXPECT_EQ(back->rule().applicants, std::vector<Party>{Party::kHeadOfPreliminaryInvestigation});
  EXPECT_EQ(back->end(), (CivilDate{2021, 12, 29}));

  stored.rule_version = 9;
  auto lost = Clock::Restore(TestRules(), stored);
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace opennrm::clocks
