// The clock rules in force on a day through the API (GET /api/v1/clock-rules):
// the reflection period's applicants changed on 1 August 2022 (the social
// welfare board may apply since then), so a day before and a day after give
// different versions; the child track's clocks are marked child_only; a bad
// date is a 422 naming `on`; without a session the answer is 401.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "shared_server.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class ClockRulesApi : public ApiTest {};

// The rule with `id` among `items`; null when absent.
json RuleOf(const json& items, const std::string& id) {
  for (const auto& r : items) {
    if (r["id"] == id) return r;
  }
  return nullptr;
}

std::vector<std::string> Strings(const json& list) {
  std::vector<std::string> out;
  for (const auto& s : list) out.push_back(s.get<std::string>());
  return out;
}

TEST_F(ClockRulesApi, ReflectionPeriodApplicantsChangeOnFirstAugust2022) {
  auto before = Get("/api/v1/clock-rules?on=2022-07-31");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.Json()["on"], "2022-07-31");
  json old_rule = RuleOf(before.Json()["items"], "reflection_period");
  ASSERT_FALSE(old_rule.is_null()) << before.body;
  EXPECT_EQ(old_rule["version"], 1);
  EXPECT_EQ(Strings(old_rule["applicants"]),
            std::vector<std::string>{"head_of_preliminary_investigation"});
  EXPECT_EQ(old_rule["valid_to"], "2022-07-31");

  auto after = Get("/api/v1/clock-rules?on=2022-08-01");
  ASSERT_EQ(after.status, 200) << after.body;
  json new_rule = RuleOf(after.Json()["items"], "reflection_period");
  ASSERT_FALSE(new_rule.is_null()) << after.body;
  EXPECT_EQ(new_rule["version"], 2);
  auto applicants = Strings(new_rule["applicants"]);
  EXPECT_NE(std::find(applicants.begin(), applicants.end(), "social_welfare_board"),
            applicants.end());
  EXPECT_NE(applicants, Strings(old_rule["applicants"]));
  // What a form needs: a decision is awaited, the conditions to confirm, the default length.
  EXPECT_EQ(new_rule["decided"], true);
  EXPECT_EQ(new_rule["decided_by"], "migration_agency");
  EXPECT_EQ(new_rule["duration"]["count"], 30);
  EXPECT_EQ(new_rule["duration"]["unit"], "days");
  ASSERT_FALSE(new_rule["conditions"].empty());
  EXPECT_EQ(new_rule["conditions"][0]["id"], "foreign_national_without_residence_permit");
  EXPECT_FALSE(new_rule["legal_reference"].get<std::string>().empty());
  EXPECT_EQ(new_rule["child_only"], false);
  // Exactly one version of each id is in force on a day.
  int reflection = 0;
  const json items = after.Json()["items"];
  for (const auto& r : items) reflection += r["id"] == "reflection_period" ? 1 : 0;
  EXPECT_EQ(reflection, 1);
}

TEST_F(ClockRulesApi, ChildTrackClocksAreChildOnlyAndRulesNotYetInForceAreLeftOut) {
  auto r = Get("/api/v1/clock-rules?on=2024-03-01");
  ASSERT_EQ(r.status, 200) << r.body;
  json custody = RuleOf(r.Json()["items"], "custody_court_submission");
  ASSERT_FALSE(custody.is_null()) << r.body;
  EXPECT_EQ(custody["child_only"], true);
  EXPECT_EQ(custody["decided"], false);
  EXPECT_TRUE(custody["applicants"].empty());
  json permit = RuleOf(r.Json()["items"], "residence_permit_cooperation");
  ASSERT_FALSE(permit.is_null());
  EXPECT_EQ(permit["renewable"], true);
  EXPECT_EQ(permit["revocable"], true);
  EXPECT_EQ(permit["conditions"].size(), 4u);

  // The national support programme's periods start in 2022.
  auto early = Get("/api/v1/clock-rules?on=2021-06-01");
  ASSERT_EQ(early.status, 200) << early.body;
  EXPECT_TRUE(RuleOf(early.Json()["items"], "nsp_initial_rest").is_null());
  EXPECT_FALSE(RuleOf(early.Json()["items"], "reflection_period").is_null());
}

TEST_F(ClockRulesApi, WithoutADateTheRulesOfTodayAreGiven) {
  auto r = Get("/api/v1/clock-rules");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["on"].get<std::string>().size(), 10u);
  json rule = RuleOf(r.Json()["items"], "reflection_period");
  ASSERT_FALSE(rule.is_null());
  EXPECT_EQ(rule["version"], 2);
}

TEST_F(ClockRulesApi, BadDateIsRefusedNamingOn) {
  ExpectProblem(Get("/api/v1/clock-rules?on=2022-02-30"), 422, "on", "format");
  ExpectProblem(Get("/api/v1/clock-rules?on=tomorrow"), 422, "on", "format");
  ExpectProblem(Get("/api/v1/clock-rules?when=2022-01-01"), 422);
}

TEST_F(ClockRulesApi, NeedsASession) {
  SessionClient anonymous(port());
  EXPECT_EQ(anonymous.Get("/api/v1/clock-rules").status, 401);
}

}  // namespace
}  // namespace opennrm::testing
