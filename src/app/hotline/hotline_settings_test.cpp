// The Stockholm conversions of the hotline's office hours around the two
// daylight-saving changes of 2026 (29 March: 02:00 -> 03:00; 25 October:
// 03:00 -> 02:00) and on an ordinary winter and summer day.
#include "app/hotline/hotline_settings.hpp"

#include <gtest/gtest.h>

#include "core/stockholm_date.hpp"

namespace opennrm::app {
namespace {

constexpr long long kHourUs = 3600LL * 1000 * 1000;

// Microseconds of a UTC wall-clock time.
long long Utc(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  const long long days = [&] {
    // Days from 1970-01-01 by Howard Hinnant's days_from_civil.
    const int yy = y - (m <= 2);
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(yy - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097LL + static_cast<long long>(doe) - 719468;
  }();
  return (days * 24 * 60 + hour * 60 + minute) * 60LL * 1000 * 1000;
}

class StockholmZoneTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(CheckStockholmTimeZone()); }
  const hotline::LocalTimeZone& zone = StockholmZone();
};

TEST_F(StockholmZoneTest, WinterAndSummerOffsets) {
  EXPECT_EQ(zone.to_utc({{2026, 1, 15}, 9 * 60}), Utc(2026, 1, 15, 8));
  EXPECT_EQ(zone.to_utc({{2026, 7, 15}, 9 * 60}), Utc(2026, 7, 15, 7));
  const auto local = zone.to_local(Utc(2026, 7, 15, 14, 30));
  EXPECT_EQ(local.day, (CivilDate{2026, 7, 15}));
  EXPECT_EQ(local.minute_of_day, 16 * 60 + 30);
  // Late evening UTC is already the next day in Stockholm.
  const auto next = zone.to_local(Utc(2026, 1, 15, 23, 30));
  EXPECT_EQ(next.day, (CivilDate{2026, 1, 16}));
  EXPECT_EQ(next.minute_of_day, 30);
}

TEST_F(StockholmZoneTest, SpringChangeDay) {
  // 09:00 on 29 March 2026 is summer time already: 07:00 UTC, not 08:00.
  EXPECT_EQ(zone.to_utc({{2026, 3, 29}, 9 * 60}), Utc(2026, 3, 29, 7));
  EXPECT_EQ(zone.to_utc({{2026, 3, 29}, 1 * 60 + 59}), Utc(2026, 3, 29, 0, 59));
  // 02:30 does not exist that night: it reads as an hour later (03:30 = 01:30 UTC).
  EXPECT_EQ(zone.to_utc({{2026, 3, 29}, 2 * 60 + 30}), Utc(2026, 3, 29, 1, 30));
  const auto after = zone.to_local(Utc(2026, 3, 29, 1, 0));
  EXPECT_EQ(after.minute_of_day, 3 * 60);
  // Round trip of every office minute of the day before and after.
  for (const CivilDate day : {CivilDate{2026, 3, 28}, CivilDate{2026, 3, 30}}) {
    for (int minute = 9 * 60; minute < 16 * 60; minute += 7) {
      const auto back = zone.to_local(zone.to_utc({day, minute}));
      EXPECT_EQ(back.day, day);
      EXPECT_EQ(back.minute_of_day, minute);
    }
  }
}

TEST_F(StockholmZoneTest, AutumnChangeDay) {
  // 25 October 2026: 02:00-02:59 happens twice; the first (summer time) is taken.
  EXPECT_EQ(zone.to_utc({{2026, 10, 25}, 2 * 60 + 30}), Utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(zone.to_utc({{2026, 10, 25}, 9 * 60}), Utc(2026, 10, 25, 8));
  EXPECT_EQ(zone.to_utc({{2026, 10, 24}, 9 * 60}), Utc(2026, 10, 24, 7));
  EXPECT_EQ(zone.to_local(Utc(2026, 10, 25, 0, 30)).minute_of_day, 2 * 60 + 30);
  EXPECT_EQ(zone.to_local(Utc(2026, 10, 25, 1, 30)).minute_of_day, 2 * 60 + 30);
  EXPECT_EQ(Utc(2026, 10, 25, 1, 30) - Utc(2026, 10, 25, 0, 30), kHourUs);
}

}  // namespace
}  // namespace opennrm::app
