#include "domain/cases/partial_date.hpp"

#include <gtest/gtest.h>

namespace opennrm::cases {
namespace {

TEST(PartialDate, ParsesThreePrecisions) {
  auto y = ParsePartialDate("2007");
  ASSERT_TRUE(y);
  EXPECT_EQ(PrecisionOf(*y), DatePrecision::kYear);
  EXPECT_EQ(Earliest(*y), (CivilDate{2007, 1, 1}));
  EXPECT_EQ(Latest(*y), (CivilDate{2007, 12, 31}));

  auto m = ParsePartialDate("2008-02");
  ASSERT_TRUE(m);
  EXPECT_EQ(PrecisionOf(*m), DatePrecision::kMonth);
  EXPECT_EQ(Earliest(*m), (CivilDate{2008, 2, 1}));
  EXPECT_EQ(Latest(*m), (CivilDate{2008, 2, 29}));  // leap year
  EXPECT_EQ(Latest(*ParsePartialDate("2026-02")), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(Latest(*ParsePartialDate("2026-04")), (CivilDate{2026, 4, 30}));

  auto d = ParsePartialDate("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(PrecisionOf(*d), DatePrecision::kDay);
  EXPECT_EQ(Earliest(*d), Latest(*d));
}

TEST(PartialDate, FormatsWhatItParses) {
  for (const char* text : {"1999", "2026-12", "2024-02-29", "1900-01-01"}) {
    auto d = ParsePartialDate(text);
    ASSERT_TRUE(d) << text;
    EXPECT_EQ(FormatPartialDate(*d), text);
  }
}

TEST(PartialDate, RefusesInvalidText) {
  for (const char* bad : {"", "26", "20261", "2026-", "2026-13", "2026-00", "2026-1", "2026-02-30",
                          "2025-02-29", "2026-04-31", "2026-01-00", "1899", "3000-01", "2026/01/01",
                          "2026-01-01T00", "abcd", "-202"}) {
    EXPECT_FALSE(ParsePartialDate(bad)) << bad;
  }
}

TEST(PartialDate, ValidityOfBuiltValues) {
  EXPECT_TRUE(IsValid(PartialDate{2026, 0, 0}));
  EXPECT_FALSE(IsValid(PartialDate{2026, 0, 5}));  // a day without a month
  EXPECT_FALSE(IsValid(PartialDate{2026, 13, 0}));
  EXPECT_FALSE(IsValid(PartialDate{0, 0, 0}));
  EXPECT_TRUE(IsValid(DayOf(CivilDate{2026, 3, 15})));
}

}  // namespace
}  // namespace opennrm::cases
