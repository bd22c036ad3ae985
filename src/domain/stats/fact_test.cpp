#include "domain/stats/fact.hpp"

#include <gtest/gtest.h>

namespace opennrm::stats {
namespace {

TEST(DayNumber, CountsFromTheEpoch) {
  EXPECT_EQ(DayNumber({1970, 1, 1}), 0);
  EXPECT_EQ(DayNumber({1970, 1, 2}), 1);
  EXPECT_EQ(DayNumber({1969, 12, 31}), -1);
  EXPECT_EQ(DayNumber({2000, 3, 1}) - DayNumber({2000, 2, 28}), 2);  // 2000 is a leap year
  EXPECT_EQ(DayNumber({1900, 3, 1}) - DayNumber({1900, 2, 28}), 1);  // 1900 is not
  EXPECT_EQ(DayNumber({2025, 1, 1}), 20089);
}

TEST(DayNumber, RoundTripsEveryDayOfFourCenturies) {
  for (int32_t day = DayNumber({1900, 1, 1}); day <= DayNumber({2300, 12, 31}); ++day) {
    const CivilDate d = DateOfDayNumber(day);
    ASSERT_EQ(DayNumber(d), day) << d.year << "-" << d.month << "-" << d.day;
  }
  EXPECT_EQ(DateOfDayNumber(DayNumber({2024, 2, 29})), (CivilDate{2024, 2, 29}));
}

}  // namespace
}  // namespace opennrm::stats
