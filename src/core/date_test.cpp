#include "core/date.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace opennrm {
namespace {

using namespace std::chrono;

TimePoint At(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s};
}

TEST(ParseIsoDate, ReadsAnOrdinaryDate) {
  auto d = ParseIsoDate("2026-03-15");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, (CivilDate{2026, 3, 15}));
}

TEST(ParseIsoDate, LeapDayOnlyInLeapYears) {
  EXPECT_TRUE(ParseIsoDate("2024-02-29"));
  EXPECT_TRUE(ParseIsoDate("2000-02-29"));  // divisible by 400
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2100-02-29"));  // divisible by 100, not 400
  EXPECT_FALSE(ParseIsoDate("2024-02-30"));
}

TEST(ParseIsoDate, RejectsImpossibleMonthsAndDays) {
  EXPECT_FALSE(ParseIsoDate("2026-13-01"));
  EXPECT_FALSE(ParseIsoDate("2026-00-10"));
  EXPECT_FALSE(ParseIsoDate("2026-01-00"));
  EXPECT_FALSE(ParseIsoDate("2026-04-31"));
  EXPECT_FALSE(ParseIsoDate("2026-01-32"));
  EXPECT_TRUE(ParseIsoDate("2026-12-31"));
  EXPECT_TRUE(ParseIsoDate("2026-01-31"));
}

TEST(ParseIsoDate, RejectsOtherFormats) {
  for (const char* bad : {"", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", "20260101",
                          "2026-01-01T00:00:00Z", " 2026-01-01", "2026-01-01 ", "2026-0a-01",
                          "+026-01-01", "-026-01-01", "2026--1-01", "2026-01-+1", "١٩٩٠-01-01"}) {
    EXPECT_FALSE(ParseIsoDate(bad)) << "'" << bad << "'";
  }
}

TEST(ParseIsoDate, YearsOutsideSupportedRangeAreRejected) {
  EXPECT_FALSE(ParseIsoDate("1899-12-31"));
  EXPECT_TRUE(ParseIsoDate("1900-01-01"));
  EXPECT_TRUE(ParseIsoDate("2999-12-31"));
  EXPECT_FALSE(ParseIsoDate("3000-01-01"));
  EXPECT_FALSE(ParseIsoDate("0000-01-01"));
}

TEST(FormatIsoDate, PadsAndRoundTrips) {
  EXPECT_EQ(FormatIsoDate({2026, 1, 5}), "2026-01-05");
  EXPECT_EQ(FormatIsoDate({1900, 12, 31}), "1900-12-31");
  for (const char* s : {"2024-02-29", "2026-10-25", "1999-12-31"}) {
    auto d = ParseIsoDate(s);
    ASSERT_TRUE(d) << s;
    EXPECT_EQ(FormatIsoDate(*d), s);
  }
}

TEST(CivilDate, OrdersChronologically) {
  EXPECT_LT((CivilDate{2025, 12, 31}), (CivilDate{2026, 1, 1}));
  EXPECT_LT((CivilDate{2026, 1, 31}), (CivilDate{2026, 2, 1}));
  EXPECT_LT((CivilDate{2026, 2, 1}), (CivilDate{2026, 2, 2}));
}

TEST(UtcDateOf, EpochAndDayBoundaries) {
  EXPECT_EQ(UtcDateOf(TimePoint{}), (CivilDate{1970, 1, 1}));
  EXPECT_EQ(UtcDateOf(At(2024, 2, 29, 23, 59, 59)), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(UtcDateOf(At(2024, 3, 1, 0, 0, 0)), (CivilDate{2024, 3, 1}));
  EXPECT_EQ(UtcDateOf(At(2025, 12, 31, 23, 59, 59)), (CivilDate{2025, 12, 31}));
  EXPECT_EQ(UtcDateOf(At(2026, 1, 1)), (CivilDate{2026, 1, 1}));
}

TEST(UtcDateOf, BeforeTheEpochRoundsDown) {
  // One second before 1970-01-01T00:00:00Z is still 1969-12-31, not 1970-01-01.
  EXPECT_EQ(UtcDateOf(TimePoint{} - seconds{1}), (CivilDate{1969, 12, 31}));
}

TEST(UtcDateOf, IgnoresStockholmDaylightSavingChange) {
  // 2026-03-29 01:30 UTC is 03:30 in Stockholm after the spring change; the
  // UTC date is what this function promises.
  EXPECT_EQ(UtcDateOf(At(2026, 3, 29, 1, 30)), (CivilDate{2026, 3, 29}));
  // 23:30 UTC on 2026-10-24 is already 2026-10-25 in Stockholm.
  EXPECT_EQ(UtcDateOf(At(2026, 10, 24, 23, 30)), (CivilDate{2026, 10, 24}));
}

TEST(EpochMicros, RoundTrips) {
  TimePoint t = At(2026, 11, 28, 21, 0, 0) + microseconds{123456};
  EXPECT_EQ(FromEpochMicros(ToEpochMicros(t)), t);
  EXPECT_EQ(ToEpochMicros(TimePoint{}), 0);
}

TEST(FakeClock, OnlyMovesWhenTold) {
  FakeClock clock(At(2026, 1, 1));
  EXPECT_EQ(UtcDateOf(clock.Now()), (CivilDate{2026, 1, 1}));
  clock.Advance(hours{24});
  EXPECT_EQ(UtcDateOf(clock.Now()), (CivilDate{2026, 1, 2}));
  clock.Set(At(2024, 2, 29));
  EXPECT_EQ(UtcDateOf(clock.Now()), (CivilDate{2024, 2, 29}));
}

}  // namespace
}  // namespace opennrm
