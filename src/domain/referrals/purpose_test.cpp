#include "domain/referrals/purpose.hpp"

#include <gtest/gtest.h>

#include "domain/referrals/purpose_table.hpp"
#include "domain/referrals/referrals_test_support.hpp"

namespace opennrm::referrals {
namespace {

using namespace testing;

TEST(ReferralPurpose, WordsRoundTrip) {
  ASSERT_EQ(AllPurposes().size(), 7u);
  for (Purpose p : AllPurposes()) {
    ASSERT_FALSE(ToString(p).empty());
    EXPECT_EQ(ParsePurpose(ToString(p)), p);
  }
  EXPECT_EQ(ToString(Purpose::kReflectionPeriodApplication), "reflection_period_application");
  EXPECT_EQ(ParsePurpose("report_to_police"), Purpose::kReportToPolice);
  EXPECT_EQ(ParsePurpose("Shelter"), std::nullopt);
  EXPECT_EQ(ParsePurpose(""), std::nullopt);
}

TEST(ReferralPurposeTable, DeadlineIsSentDayPlusDaysAcrossMonthAndYearEnds) {
  const PurposeTable& t = TestPurposes();
  EXPECT_EQ(*t.ResponseDeadline(Purpose::kChildProtection, Day(2028, 2, 28)), Day(2028, 2, 29));
  EXPECT_EQ(*t.ResponseDeadline(Purpose::kChildProtection, Day(2027, 2, 28)), Day(2027, 3, 1));
  EXPECT_EQ(*t.ResponseDeadline(Purpose::kSupport, Day(2025, 12, 28)), Day(2026, 1, 4));
  // Over the change to summer time in Stockholm: calendar days, no hours.
  EXPECT_EQ(*t.ResponseDeadline(Purpose::kSupport, Day(2026, 3, 27)), Day(2026, 4, 3));
}

TEST(ReferralPurposeTable, EmptyTableHasNoDeadline) {
  const PurposeTable empty;
  EXPECT_EQ(empty.Find(Purpose::kSupport), nullptr);
  EXPECT_EQ(Rules(empty.ResponseDeadline(Purpose::kSupport, Day(2026, 1, 1))),
            std::vector<std::string>{"purpose/unknown_purpose"});
  EXPECT_FALSE(empty.IsOutcome(Purpose::kSupport, "fulfilled"));
}

TEST(ReferralPurposeTable, OutcomesBelongToTheirPurpose) {
  const PurposeTable& t = TestPurposes();
  EXPECT_TRUE(t.IsOutcome(Purpose::kShelter, "shelter_place_given"));
  EXPECT_FALSE(t.IsOutcome(Purpose::kReturn, "shelter_place_given"));
  EXPECT_FALSE(t.IsOutcome(Purpose::kShelter, "Shelter_place_given"));
}

TEST(ReferralPurposeTable, KeepsTheOrderOfAllPurposes) {
  auto rules = TestPurposeRules();
  std::reverse(rules.begin(), rules.end());
  auto t = PurposeTable::Build(rules);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rules().size(), AllPurposes().size());
  for (std::size_t i = 0; i < AllPurposes().size(); ++i) {
    EXPECT_EQ(t->rules()[i].purpose, AllPurposes()[i]);
  }
}

TEST(ReferralPurposeTable, RefusesAMissingOrRepeatedPurpose) {
  auto rules = TestPurposeRules();
  rules.pop_back();  // "other"
  EXPECT_EQ(Rules(PurposeTable::Build(rules)),
            std::vector<std::string>{"purposes/missing_purpose"});
  rules = TestPurposeRules();
  rules.push_back(rules[0]);
  EXPECT_EQ(Rules(PurposeTable::Build(rules)),
            std::vector<std::string>{"purposes[7].purpose/duplicate"});
}

TEST(ReferralPurposeTable, RefusesDaysOutsideOneToAYear) {
  for (int days : {0, -1, kMaxResponseDays + 1}) {
    auto rules = TestPurposeRules();
    rules[2].response_days = days;
    EXPECT_EQ(Rules(PurposeTable::Build(rules)),
              std::vector<std::string>{"purposes[2].response_days/range"})
        << days;
  }
  auto rules = TestPurposeRules();
  rules[2].response_days = kMaxResponseDays;
  EXPECT_TRUE(PurposeTable::Build(rules));
}

TEST(ReferralPurposeTable, RefusesBadOutcomesAndRepeatedGuidance) {
  auto rules = TestPurposeRules();
  rules[0].outcomes = {};
  rules[1].outcomes = {"Place given", "other", "other"};
  rules[3].usual_recipient_kinds = {orgs::Kind::kIom, orgs::Kind::kIom};
  rules[4].suggested_sections = {access::Section::kIdentity, access::Section::kIdentity};
  const auto got = Rules(PurposeTable::Build(rules));
  EXPECT_EQ(got, (std::vector<std::string>{"purposes[0].outcomes/required",
                                           "purposes[1].outcomes[0]/format",
                                           "purposes[1].outcomes[2]/duplicate",
                                           "purposes[3].usual_recipient_kinds[1]/duplicate",
                                           "purposes[4].suggested_sections[1]/duplicate"}));
}

TEST(ReferralPurposeTable, CodeWords) {
  EXPECT_TRUE(IsCodeWord("shelter_place_given"));
  EXPECT_TRUE(IsCodeWord("a1"));
  EXPECT_FALSE(IsCodeWord(""));
  EXPECT_FALSE(IsCodeWord("1st"));
  EXPECT_FALSE(IsCodeWord("_x"));
  EXPECT_FALSE(IsCodeWord("place-given"));
  EXPECT_FALSE(IsCodeWord(std::string(65, 'a')));
  EXPECT_TRUE(IsCodeWord(std::string(64, 'a')));
}

}  // namespace
}  // namespace opennrm::referrals
