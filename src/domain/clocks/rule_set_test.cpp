#include "domain/clocks/rule_set.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/clocks/test_rules.hpp"

namespace opennrm::clocks {
namespace {

using namespace fixtures;

bool HasProblem(const Error& e, const std::string& field, const std::string& rule) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldProblem& p) { return p.field == field && p.rule == rule; });
}

TEST(RuleSet, PicksTheVersionInForceOnADate) {
  const RuleSet& rules = TestRules();
  auto before = rules.InForce("reflection_period", {2022, 7, 31});
  ASSERT_TRUE(before);
  EXPECT_EQ((*before)->version, 1);
  auto after = rules.InForce("reflection_period", {2022, 8, 1});
  ASSERT_TRUE(after);
  EXPECT_EQ((*after)->version, 2);
  EXPECT_EQ((*rules.InForce("reflection_period", {2030, 1, 1}))->version, 2);
}

TEST(RuleSet, UnknownRuleAndNotYetInForce) {
  const RuleSet& rules = TestRules();
  auto unknown = rules.InForce("no_such_rule", {2026, 1, 1});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(HasProblem(unknown.error(), "rule_id", "unknown_rule"));
  auto early = rules.InForce("reflection_period", {2007, 6, 30});
  ASSERT_FALSE(early);
  EXPECT_TRUE(HasProblem(early.error(), "rule_id", "not_in_force"));
}

TEST(RuleSet, FindsAnOldVersionForAnOldClock) {
  const ClockRule* v1 = TestRules().Find("reflection_period", 1);
  ASSERT_NE(v1, nullptr);
  EXPECT_EQ(v1->applicants, std::vector<Party>{Party::kHeadOfPreliminaryInvestigation});
  EXPECT_EQ(TestRules().Find("reflection_period", 3), nullptr);
}

TEST(RuleSet, OrdersRulesByIdThenVersion) {
  auto set = RuleSet::Build({ReflectionV2(), CustodyCare(), ReflectionV1()});
  ASSERT_TRUE(set);
  ASSERT_EQ(set->rules().size(), 3u);
  EXPECT_EQ(set->rules()[0].id, "custody_care_application");
  EXPECT_EQ(set->rules()[1].version, 1);
  EXPECT_EQ(set->rules()[2].version, 2);
}

TEST(RuleSet, RejectsOverlappingVersions) {
  ClockRule v2 = ReflectionV2();
  v2.valid_from = {2022, 7, 31};  // v1 is in force through 31 July
  auto set = RuleSet::Build({ReflectionV1(), v2});
  ASSERT_FALSE(set);
  EXPECT_TRUE(HasProblem(set.error(), "rules[1].valid_from", "overlaps_previous_version"));
}

TEST(RuleSet, AnOpenEndedVersionCannotBeFollowed) {
  ClockRule v1 = ReflectionV1();
  v1.valid_to = std::nullopt;
  auto set = RuleSet::Build({ReflectionV2(), v1});
  ASSERT_FALSE(set);
  EXPECT_TRUE(HasProblem(set.error(), "rules[1].valid_to", "required_before_next_version"));
}

TEST(RuleSet, RejectsDuplicateVersionsAndKindChanges) {
  auto dup = RuleSet::Build({ReflectionV1(), ReflectionV1()});
  ASSERT_FALSE(dup);
  EXPECT_TRUE(HasProblem(dup.error(), "rules[1].version", "duplicate"));

  ClockRule v2 = ReflectionV2();
  v2.kind = ClockKind::kResidencePermitCooperation;
  auto kind = RuleSet::Build({ReflectionV1(), v2});
  ASSERT_FALSE(kind);
  EXPECT_TRUE(HasProblem(kind.error(), "rules[1].kind", "kind_changed"));
}

TEST(RuleSet, GapsBetweenVersionsAreAllowed) {
  // The support programme was closed for a while: no version covers the gap.
  ClockRule v1 = Rehabilitation();
  v1.valid_from = {2017, 1, 1};
  v1.valid_to = CivilDate{2018, 12, 31};
  ClockRule v2 = Rehabilitation();
  v2.version = 2;
  auto set = RuleSet::Build({v1, v2});
  ASSERT_TRUE(set);
  EXPECT_FALSE(set->InForce("nsp_rehabilitation", {2020, 6, 1}));
  EXPECT_TRUE(set->InForce("nsp_rehabilitation", {2022, 6, 1}));
}

TEST(RuleSet, ProblemsInOneRuleNameItsIndex) {
  ClockRule bad = CustodyCourt();
  bad.title.clear();
  auto set = RuleSet::Build({ReflectionV1(), bad});
  ASSERT_FALSE(set);
  EXPECT_TRUE(HasProblem(set.error(), "rules[1].title", "required"));
}

}  // namespace
}  // namespace opennrm::clocks
