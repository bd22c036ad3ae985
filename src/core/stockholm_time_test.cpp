// Stockholm wall-clock time across the daylight-saving changes of 2026
// (29 March 01:00 UTC forward, 25 October 01:00 UTC back), a year end and a
// leap day.
#include "core/stockholm_time.hpp"

#include <gtest/gtest.h>

namespace opennrm {
namespace {

TimePoint Utc(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
  using namespace std::chrono;
  const sys_days day{year{y} / month{m} / std::chrono::day{d}};
  return TimePoint(day) + hours(hh) + minutes(mm) + seconds(ss);
}

TEST(StockholmTime, WinterIsOneHourAheadOfUtc) {
  EXPECT_EQ(FormatStockholmTime(Utc(2026, 1, 15, 9, 30, 5)), "2026-01-15 10:30:05 +01:00");
}

TEST(StockholmTime, SummerIsTwoHoursAhead) {
  EXPECT_EQ(FormatStockholmTime(Utc(2026, 7, 1, 12, 0, 0)), "2026-07-01 14:00:00 +02:00");
}

TEST(StockholmTime, TheSpringChangeSkipsTwoOClock) {
  EXPECT_EQ(FormatStockholmTime(Utc(2026, 3, 29, 0, 59, 59)), "2026-03-29 01:59:59 +01:00");
  EXPECT_EQ(FormatStockholmTime(Utc(2026, 3, 29, 1, 0, 0)), "2026-03-29 03:00:00 +02:00");
}

TEST(StockholmTime, TheAutumnChangeShowsTwoOClockTwiceWithDifferentOffsets) {
  EXPECT_EQ(FormatStockholmTime(Utc(2026, 10, 25, 0, 30, 0)), "2026-10-25 02:30:00 +02:00");
  EXPECT_EQ(FormatStockholmTime(Utc(2026, 10, 25, 1, 30, 0)), "2026-10-25 02:30:00 +01:00");
}

TEST(StockholmTime, LateEveningUtcIsTheNextDayAndYear) {
  auto s = StockholmTimeOf(Utc(2026, 12, 31, 23, 15, 0));
  EXPECT_EQ(s.date, (CivilDate{2027, 1, 1}));
  EXPECT_EQ(s.hour, 0);
  EXPECT_EQ(s.minute, 15);
  EXPECT_EQ(s.utc_offset_minutes, 60);
  EXPECT_EQ(FormatStockholmTime(Utc(2028, 2, 28, 23, 0, 0)), "2028-02-29 00:00:00 +01:00");
}

TEST(StockholmTime, SubSecondsAreRoundedDown) {
  auto t = Utc(2026, 1, 15, 9, 30, 5) + std::chrono::microseconds(999999);
  EXPECT_EQ(FormatStockholmTime(t), "2026-01-15 10:30:05 +01:00");
}

}  // namespace
}  // namespace opennrm
