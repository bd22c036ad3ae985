#include "core/stockholm_date.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace opennrm {
namespace {

using namespace std::chrono;

TimePoint Utc(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min};
}

TEST(StockholmTimeZone, LoadsFromTheOperatingSystem) {
  auto st = CheckStockholmTimeZone();
  EXPECT_TRUE(st) << (st ? "" : st.error().message);
}

TEST(StockholmDateOf, WinterIsOneHourAheadOfUtc) {
  EXPECT_EQ(StockholmDateOf(Utc(2026, 1, 15, 22, 59)), (CivilDate{2026, 1, 15}));
  EXPECT_EQ(StockholmDateOf(Utc(2026, 1, 15, 23, 0)), (CivilDate{2026, 1, 16}));
}

TEST(StockholmDateOf, SummerIsTwoHoursAheadOfUtc) {
  EXPECT_EQ(StockholmDateOf(Utc(2026, 7, 15, 21, 59)), (CivilDate{2026, 7, 15}));
  EXPECT_EQ(StockholmDateOf(Utc(2026, 7, 15, 22, 0)), (CivilDate{2026, 7, 16}));
}

TEST(StockholmDateOf, SpringChangeOn29March2026) {
  // 23:30 UTC on the 28th is 00:30 CET on the 29th (still winter time).
  EXPECT_EQ(StockholmDateOf(Utc(2026, 3, 28, 23, 30)), (CivilDate{2026, 3, 29}));
  // The clocks jump at 01:00 UTC; 22:30 UTC on the 29th is 00:30 CEST on the 30th.
  EXPECT_EQ(StockholmDateOf(Utc(2026, 3, 29, 21, 59)), (CivilDate{2026, 3, 29}));
  EXPECT_EQ(StockholmDateOf(Utc(2026, 3, 29, 22, 30)), (CivilDate{2026, 3, 30}));
}

TEST(StockholmDateOf, AutumnChangeOn25October2026) {
  // 22:30 UTC on the 24th is 00:30 CEST on the 25th (still summer time).
  EXPECT_EQ(StockholmDateOf(Utc(2026, 10, 24, 22, 30)), (CivilDate{2026, 10, 25}));
  // After the change (01:00 UTC) 22:30 UTC is only 23:30 CET on the 25th...
  EXPECT_EQ(StockholmDateOf(Utc(2026, 10, 25, 22, 30)), (CivilDate{2026, 10, 25}));
  // ...and the 26th begins at 23:00 UTC.
  EXPECT_EQ(StockholmDateOf(Utc(2026, 10, 25, 23, 0)), (CivilDate{2026, 10, 26}));
}

TEST(StockholmDateOf, YearEndAndLeapDay) {
  EXPECT_EQ(StockholmDateOf(Utc(2026, 12, 31, 23, 0)), (CivilDate{2027, 1, 1}));
  EXPECT_EQ(StockholmDateOf(Utc(2028, 2, 28, 23, 0)), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(StockholmDateOf(Utc(2028, 2, 29, 23, 0)), (CivilDate{2028, 3, 1}));
}

TEST(StockholmStartOfDay, IsLocalMidnight) {
  EXPECT_EQ(StockholmStartOfDay({2026, 1, 16}), Utc(2026, 1, 15, 23, 0));
  EXPECT_EQ(StockholmStartOfDay({2026, 7, 16}), Utc(2026, 7, 15, 22, 0));
  EXPECT_EQ(StockholmStartOfDay({2028, 2, 29}), Utc(2028, 2, 28, 23, 0));
}

TEST(StockholmEndOfDay, DaysAroundTheChangesAre23And25HoursLong) {
  EXPECT_EQ(StockholmEndOfDay({2026, 3, 29}) - StockholmStartOfDay({2026, 3, 29}), hours{23});
  EXPECT_EQ(StockholmEndOfDay({2026, 10, 25}) - StockholmStartOfDay({2026, 10, 25}), hours{25});
  EXPECT_EQ(StockholmEndOfDay({2026, 3, 30}) - StockholmStartOfDay({2026, 3, 30}), hours{24});
  EXPECT_EQ(StockholmEndOfDay({2026, 10, 25}), Utc(2026, 10, 25, 23, 0));
}

TEST(StockholmDays, StartAndEndBracketEveryInstantOfTheDay) {
  for (CivilDate d : {CivilDate{2026, 3, 29}, CivilDate{2026, 10, 25}, CivilDate{2028, 2, 29},
                      CivilDate{2026, 12, 31}}) {
    const TimePoint start = StockholmStartOfDay(d);
    const TimePoint end = StockholmEndOfDay(d);
    EXPECT_EQ(StockholmDateOf(start), d) << FormatIsoDate(d);
    EXPECT_EQ(StockholmDateOf(end - microseconds{1}), d) << FormatIsoDate(d);
    EXPECT_NE(StockholmDateOf(end), d) << FormatIsoDate(d);
    EXPECT_NE(StockholmDateOf(start - microseconds{1}), d) << FormatIsoDate(d);
  }
}

}  // namespace
}  // namespace opennrm
