#include "domain/clocks/clock_rule.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/clocks/test_rules.hpp"

namespace opennrm::clocks {
namespace {

using fixtures::ReflectionV1;

Duration Period(int n, DurationUnit unit) { return {n, unit, Counting::kPeriod, Bound::kExact}; }
Duration Within(int n, DurationUnit unit) { return {n, unit, Counting::kTimeLimit, Bound::kExact}; }

bool HasProblem(const Status& st, const std::string& field, const std::string& rule) {
  if (st) return false;
  const auto& f = st.error().fields;
  return std::any_of(f.begin(), f.end(),
                     [&](const FieldProblem& p) { return p.field == field && p.rule == rule; });
}

TEST(DefaultEnd, PeriodOfDaysCountsTheStartDayAsDayOne) {
  // A 30-day reflection period from 2 March is valid through 31 March.
  EXPECT_EQ(DefaultEnd(Period(30, DurationUnit::kDays), {2026, 3, 2}), (CivilDate{2026, 3, 31}));
  // Across a month end and a leap day.
  EXPECT_EQ(DefaultEnd(Period(30, DurationUnit::kDays), {2028, 2, 15}), (CivilDate{2028, 3, 15}));
  EXPECT_EQ(DefaultEnd(Period(30, DurationUnit::kDays), {2026, 2, 15}), (CivilDate{2026, 3, 16}));
  EXPECT_EQ(DefaultEnd(Period(1, DurationUnit::kDays), {2026, 12, 31}), (CivilDate{2026, 12, 31}));
  EXPECT_EQ(DefaultEnd(Period(2, DurationUnit::kWeeks), {2026, 12, 25}), (CivilDate{2027, 1, 7}));
}

TEST(DefaultEnd, PeriodOfMonthsEndsTheDayBeforeTheSameDate) {
  const Duration six = Period(6, DurationUnit::kMonths);
  EXPECT_EQ(DefaultEnd(six, {2026, 1, 15}), (CivilDate{2026, 7, 14}));
  EXPECT_EQ(DefaultEnd(six, {2026, 1, 31}), (CivilDate{2026, 7, 30}));
  // No 31 February: the period ends on the month's last day, leap or not.
  EXPECT_EQ(DefaultEnd(six, {2026, 8, 31}), (CivilDate{2027, 2, 28}));
  EXPECT_EQ(DefaultEnd(six, {2027, 8, 31}), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(DefaultEnd(six, {2027, 8, 29}), (CivilDate{2028, 2, 28}));
  EXPECT_EQ(DefaultEnd(six, {2026, 8, 29}), (CivilDate{2027, 2, 28}));
  EXPECT_EQ(DefaultEnd(Period(1, DurationUnit::kMonths), {2026, 1, 31}), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(DefaultEnd(Period(12, DurationUnit::kMonths), {2028, 2, 29}), (CivilDate{2029, 2, 28}));
}

TEST(DefaultEnd, TimeLimitRunsFromTheStartDay) {
  // LVU §7-style: a decision on Monday 23 February 2026 goes to court by Monday 2 March.
  EXPECT_EQ(DefaultEnd(Within(1, DurationUnit::kWeeks), {2026, 2, 23}), (CivilDate{2026, 3, 2}));
  EXPECT_EQ(DefaultEnd(Within(1, DurationUnit::kWeeks), {2028, 2, 22}), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(DefaultEnd(Within(4, DurationUnit::kWeeks), {2026, 12, 10}), (CivilDate{2027, 1, 7}));
  EXPECT_EQ(DefaultEnd(Within(10, DurationUnit::kDays), {2026, 3, 25}), (CivilDate{2026, 4, 4}));
  EXPECT_EQ(DefaultEnd(Within(1, DurationUnit::kMonths), {2026, 1, 31}), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(DefaultEnd(Within(1, DurationUnit::kMonths), {2026, 3, 15}), (CivilDate{2026, 4, 15}));
}

TEST(DefaultEnd, SameOrNextDayEndsTheNextDay) {
  const Duration d{0, DurationUnit::kSameOrNextDay, Counting::kTimeLimit, Bound::kExact};
  EXPECT_EQ(DefaultEnd(d, {2026, 1, 31}), (CivilDate{2026, 2, 1}));
  EXPECT_EQ(DefaultEnd(d, {2028, 2, 28}), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(DefaultEnd(d, {2026, 12, 31}), (CivilDate{2027, 1, 1}));
}

TEST(InForceOn, IncludesBothEnds) {
  const ClockRule r = ReflectionV1();
  EXPECT_FALSE(InForceOn(r, {2007, 6, 30}));
  EXPECT_TRUE(InForceOn(r, {2007, 7, 1}));
  EXPECT_TRUE(InForceOn(r, {2022, 7, 31}));
  EXPECT_FALSE(InForceOn(r, {2022, 8, 1}));
  EXPECT_TRUE(InForceOn(fixtures::ReflectionV2(), {2099, 1, 1}));
}

TEST(MayApply, OnlyListedParties) {
  EXPECT_TRUE(MayApply(ReflectionV1(), Party::kHeadOfPreliminaryInvestigation));
  EXPECT_FALSE(MayApply(ReflectionV1(), Party::kSocialWelfareBoard));
  EXPECT_TRUE(MayApply(fixtures::ReflectionV2(), Party::kSocialWelfareBoard));
  EXPECT_FALSE(MayApply(fixtures::CustodyCourt(), Party::kSocialWelfareBoard));
}

TEST(ValidateRule, AcceptsTheTestRules) {
  for (const auto& r : fixtures::TestRules().rules()) {
    auto st = ValidateRule(r);
    EXPECT_TRUE(st) << r.id << ": " << (st ? "" : st.error().fields.front().rule);
  }
}

TEST(ValidateRule, NamesEachBrokenField) {
  ClockRule r = ReflectionV1();
  r.id = "Reflection Period";
  r.version = 0;
  r.legal_reference.clear();
  r.valid_to = CivilDate{2000, 1, 1};
  r.duration.count = 0;
  r.reminder_days_before_end = {7, 7, -1};
  r.conditions.push_back({"no_residence_permit", ""});
  r.max_renewals = 2;  // but not renewable
  r.end_task = "Ends!";
  auto st = ValidateRule(r);
  EXPECT_TRUE(HasProblem(st, "id", "format"));
  EXPECT_TRUE(HasProblem(st, "version", "range"));
  EXPECT_TRUE(HasProblem(st, "legal_reference", "required"));
  EXPECT_TRUE(HasProblem(st, "valid_to", "before_valid_from"));
  EXPECT_TRUE(HasProblem(st, "duration.count", "range"));
  EXPECT_TRUE(HasProblem(st, "reminder_days_before_end[1]", "duplicate"));
  EXPECT_TRUE(HasProblem(st, "reminder_days_before_end[2]", "range"));
  EXPECT_TRUE(HasProblem(st, "conditions[1].id", "duplicate"));
  EXPECT_TRUE(HasProblem(st, "conditions[1].text", "required"));
  EXPECT_TRUE(HasProblem(st, "max_renewals", "range"));
  EXPECT_TRUE(HasProblem(st, "end_task", "format"));
}

TEST(ValidateRule, SameOrNextDayHasNoCountAndIsATimeLimit) {
  ClockRule r = fixtures::ProtectionAssessment();
  r.duration.count = 1;
  r.duration.counting = Counting::kPeriod;
  auto st = ValidateRule(r);
  EXPECT_TRUE(HasProblem(st, "duration.count", "not_allowed"));
  EXPECT_TRUE(HasProblem(st, "duration.counting", "same_or_next_day_is_time_limit"));
}

TEST(ValidateRule, RejectsImpossibleDates) {
  ClockRule r = ReflectionV1();
  r.valid_from = {2026, 2, 29};
  EXPECT_TRUE(HasProblem(ValidateRule(r), "valid_from", "date"));
}

TEST(Names, RoundTrip) {
  for (auto k : {ClockKind::kReflectionPeriod, ClockKind::kResidencePermitCooperation,
                 ClockKind::kProtectionAssessment, ClockKind::kCustodyCourtSubmission,
                 ClockKind::kCustodyCareApplication, ClockKind::kSupportProgrammePeriod}) {
    EXPECT_EQ(ParseClockKind(ToString(k)), k);
  }
  for (auto p : {Party::kSocialWelfareBoard, Party::kHeadOfPreliminaryInvestigation,
                 Party::kMigrationAgency, Party::kCertifiedProvider, Party::kSupportProgramme}) {
    EXPECT_EQ(ParseParty(ToString(p)), p);
  }
  EXPECT_EQ(ParseDurationUnit("same_or_next_day"), DurationUnit::kSameOrNextDay);
  EXPECT_EQ(ParseCounting("time_limit"), Counting::kTimeLimit);
  EXPECT_EQ(ParseBound("at_most"), Bound::kAtMost);
  EXPECT_EQ(ParseBasis("programme_rules"), Basis::kProgrammeRules);
  EXPECT_FALSE(ParseParty("police"));
  EXPECT_FALSE(ParseClockKind("Reflection_Period"));
}

}  // namespace
}  // namespace opennrm::clocks
