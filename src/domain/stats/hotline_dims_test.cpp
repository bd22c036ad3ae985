#include "domain/stats/hotline_dims.hpp"

#include <gtest/gtest.h>

namespace opennrm::stats {
namespace {

TEST(IsoWeek, YearBoundariesFollowTheThursdayRule) {
  EXPECT_EQ(IsoWeekKey({2024, 12, 30}), "2025-W01");  // Monday of the week holding 2 January
  EXPECT_EQ(IsoWeekKey({2025, 1, 1}), "2025-W01");
  EXPECT_EQ(IsoWeekKey({2025, 1, 6}), "2025-W02");
  EXPECT_EQ(IsoWeekKey({2021, 1, 3}), "2020-W53");  // 2020 had 53 weeks
  EXPECT_EQ(IsoWeekKey({2026, 12, 31}), "2026-W53");
  EXPECT_EQ(IsoWeekKey({2027, 1, 1}), "2026-W53");
  EXPECT_EQ(IsoWeekKey({2024, 2, 29}), "2024-W09");
}

TEST(IsoWeek, TheWeeksOfAYearCoverEveryDayInOrder) {
  auto weeks = IsoWeeksOf(2025);  // 2025-01-01 is in W01, 2025-12-29..31 in 2026-W01
  ASSERT_EQ(weeks.size(), 53u);
  EXPECT_EQ(weeks.front(), "2025-W01");
  EXPECT_EQ(weeks[51], "2025-W52");
  EXPECT_EQ(weeks.back(), "2026-W01");
  auto w2021 = IsoWeeksOf(2021);
  EXPECT_EQ(w2021.front(), "2020-W53");
}

TEST(Months, AreTheTwelveOfTheYear) {
  auto months = MonthsOf(2025);
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months.front(), "2025-01");
  EXPECT_EQ(months.back(), "2025-12");
  EXPECT_EQ(MonthKey({2025, 7, 31}), "2025-07");
}

TEST(Professional, IsTheCallersKindOrOther) {
  EXPECT_EQ(ProfessionalType(orgs::Kind::kMunicipalSocialServices), "municipal_social_services");
  EXPECT_EQ(ProfessionalType(std::nullopt), "other");
  auto types = ProfessionalTypes();
  EXPECT_EQ(types.back(), "other");
  EXPECT_EQ(std::count(types.begin(), types.end(), "other"), 1);
  EXPECT_EQ(types.size(), orgs::AllKinds().size());
}

TEST(ResponseBucket, OnTimeLateOrNotYet) {
  EXPECT_EQ(ResponseBucketOf(100, 100), ResponseBucket::kWithinTarget);
  EXPECT_EQ(ResponseBucketOf(100, 99), ResponseBucket::kWithinTarget);
  EXPECT_EQ(ResponseBucketOf(100, 101), ResponseBucket::kLate);
  EXPECT_EQ(ResponseBucketOf(100, std::nullopt), ResponseBucket::kNoResponseYet);
  EXPECT_EQ(ToString(ResponseBucket::kNoResponseYet), "no_response_yet");
}

}  // namespace
}  // namespace opennrm::stats
