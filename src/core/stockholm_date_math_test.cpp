#include "core/stockholm_date_math.hpp"

#include <gtest/gtest.h>

namespace opennrm {
namespace {

TEST(AddDays, CrossesMonthYearAndLeapDay) {
  EXPECT_EQ(AddDays({2026, 1, 31}, 1), (CivilDate{2026, 2, 1}));
  EXPECT_EQ(AddDays({2026, 12, 31}, 1), (CivilDate{2027, 1, 1}));
  EXPECT_EQ(AddDays({2028, 2, 28}, 1), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(AddDays({2026, 2, 28}, 1), (CivilDate{2026, 3, 1}));
  EXPECT_EQ(AddDays({2026, 3, 1}, -1), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(AddDays({2026, 3, 2}, 29), (CivilDate{2026, 3, 31}));
  EXPECT_EQ(AddDays({2026, 5, 5}, 0), (CivilDate{2026, 5, 5}));
}

TEST(AddMonths, KeepsTheDayOfTheMonth) {
  EXPECT_EQ(AddMonths({2026, 1, 15}, 1), (CivilDate{2026, 2, 15}));
  EXPECT_EQ(AddMonths({2026, 8, 31}, 5), (CivilDate{2027, 1, 31}));
  EXPECT_EQ(AddMonths({2026, 11, 30}, 3), (CivilDate{2027, 2, 28}));
  EXPECT_EQ(AddMonths({2026, 3, 31}, -1), (CivilDate{2026, 2, 28}));
}

TEST(AddMonths, ClampsToTheLastDayOfAShortMonth) {
  EXPECT_EQ(AddMonths({2026, 1, 31}, 1), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(AddMonths({2028, 1, 31}, 1), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(AddMonths({2026, 3, 31}, 1), (CivilDate{2026, 4, 30}));
  EXPECT_EQ(AddMonths({2028, 2, 29}, 12), (CivilDate{2029, 2, 28}));
  EXPECT_EQ(AddMonths({2027, 8, 31}, 6), (CivilDate{2028, 2, 29}));
  EXPECT_TRUE(AddMonthsClamps({2026, 1, 31}, 1));
  EXPECT_TRUE(AddMonthsClamps({2026, 1, 29}, 1));
  EXPECT_FALSE(AddMonthsClamps({2028, 1, 29}, 1));
  EXPECT_FALSE(AddMonthsClamps({2026, 1, 28}, 1));
}

TEST(LastDayOfMonth, KnowsLeapYears) {
  EXPECT_EQ(LastDayOfMonth(2026, 2), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(LastDayOfMonth(2028, 2), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(LastDayOfMonth(2100, 2), (CivilDate{2100, 2, 28}));
  EXPECT_EQ(LastDayOfMonth(2000, 2), (CivilDate{2000, 2, 29}));
  EXPECT_EQ(LastDayOfMonth(2026, 12), (CivilDate{2026, 12, 31}));
}

TEST(DaysBetween, CountsCalendarDays) {
  EXPECT_EQ(DaysBetween({2026, 3, 1}, {2026, 3, 1}), 0);
  EXPECT_EQ(DaysBetween({2028, 2, 28}, {2028, 3, 1}), 2);
  EXPECT_EQ(DaysBetween({2026, 2, 28}, {2026, 3, 1}), 1);
  EXPECT_EQ(DaysBetween({2026, 12, 31}, {2026, 12, 1}), -30);
  EXPECT_EQ(DaysBetween({2026, 1, 1}, {2027, 1, 1}), 365);
  EXPECT_EQ(DaysBetween({2028, 1, 1}, {2029, 1, 1}), 366);
  // Daylight-saving changes do not make days shorter or longer here.
  EXPECT_EQ(DaysBetween({2026, 3, 28}, {2026, 3, 30}), 2);
  EXPECT_EQ(DaysBetween({2026, 10, 24}, {2026, 10, 26}), 2);
}

TEST(IsRealDate, RejectsImpossibleDates) {
  EXPECT_TRUE(IsRealDate({2028, 2, 29}));
  EXPECT_FALSE(IsRealDate({2026, 2, 29}));
  EXPECT_FALSE(IsRealDate({2026, 4, 31}));
  EXPECT_FALSE(IsRealDate({2026, 13, 1}));
  EXPECT_FALSE(IsRealDate({2026, 1, 0}));
  EXPECT_FALSE(IsRealDate({}));
}

}  // namespace
}  // namespace opennrm
