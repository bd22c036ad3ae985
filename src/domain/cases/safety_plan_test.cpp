#include "domain/cases/safety_plan.hpp"

#include <gtest/gtest.h>

#include "domain/cases/cases_test_support.hpp"
#include "domain/cases/voice.hpp"

namespace opennrm::cases {
namespace {

using testing::Rules;

constexpr CivilDate kToday{2026, 3, 15};

SafetyPlan Good() {
  SafetyPlan plan;
  plan.risks = {{"The recruiter has the person's phone number", RiskLevel::kHigh},
                {"Debt to the recruiter's family", RiskLevel::kMedium}};
  plan.measures = {{"New phone and number", "Shelter staff"}};
  plan.who_to_call = {{"Emergency", "112"}, {"Shelter staff on duty", "+46 8 000 00 00"}};
  plan.made_on = {2026, 3, 12};
  plan.review_on = CivilDate{2026, 4, 12};
  return plan;
}

std::vector<std::string> Check(const SafetyPlan& plan) {
  Problems p;
  CheckSafetyPlan(plan, kToday, "safety_plan", p);
  return Rules(p);
}

TEST(SafetyPlan, AcceptsAPlanWithRisksMeasuresAndContacts) { EXPECT_TRUE(Check(Good()).empty()); }

TEST(SafetyPlan, AHighRiskNeedsAMeasure) {
  auto plan = Good();
  plan.measures.clear();
  EXPECT_EQ(Check(plan), std::vector<std::string>{"safety_plan.measures/measures_required"});
  plan.risks = {{"Low-level worry", RiskLevel::kLow}};
  EXPECT_TRUE(Check(plan).empty());
}

TEST(SafetyPlan, SaysWhomToCallWithARealNumber) {
  auto plan = Good();
  plan.who_to_call.clear();
  EXPECT_EQ(Check(plan), std::vector<std::string>{"safety_plan.who_to_call/required"});
  plan.who_to_call = {{"", "11"}, {"Friend", "call me maybe"}};
  EXPECT_EQ(Check(plan), (std::vector<std::string>{"safety_plan.who_to_call[0].name/required",
                                                   "safety_plan.who_to_call[0].phone/format",
                                                   "safety_plan.who_to_call[1].phone/format"}));
}

TEST(SafetyPlan, DatesInOrder) {
  auto plan = Good();
  plan.review_on = CivilDate{2026, 3, 1};
  EXPECT_EQ(Check(plan), std::vector<std::string>{"safety_plan.review_on/end_before_start"});
  plan = Good();
  plan.made_on = {2026, 3, 16};
  plan.review_on.reset();
  EXPECT_EQ(Check(plan), std::vector<std::string>{"safety_plan.made_on/not_future"});
}

TEST(SafetyPlan, RiskLevelNames) {
  for (auto l : {RiskLevel::kLow, RiskLevel::kMedium, RiskLevel::kHigh}) {
    EXPECT_EQ(ParseRiskLevel(ToString(l)), l);
  }
}

TEST(Wishes, EachWishBelongsToAStepInThePersonsWords) {
  std::vector<Wish> wishes = {
      {"acute_protection", "I want to stay with my sister, not in a shelter", {2026, 3, 12}, "u-1"},
      {"safe_return_someday", "", {2026, 3, 16}, ""}};
  Problems p;
  CheckWishes(wishes, testing::TestLookups(), kToday, "wishes", p);
  EXPECT_EQ(Rules(p), (std::vector<std::string>{
                          "wishes[1].step/unknown_step", "wishes[1].wish/required",
                          "wishes[1].recorded_on/not_future", "wishes[1].recorded_by/required"}));
}

}  // namespace
}  // namespace opennrm::cases
