#include "domain/stats/captions.hpp"

#include <gtest/gtest.h>

namespace opennrm::stats {
namespace {

ProtectedCell Shown(long long v) { return {CellStatus::kShown, v, HiddenBecause::kNotHidden}; }
ProtectedCell Hidden() {
  return {CellStatus::kSuppressed, std::nullopt, HiddenBecause::kNotHidden};
}
ProtectedCell Blank() { return {}; }

TEST(Captions, HeadlineNamesOnlyAPublishedTotal) {
  auto c = HeadlineCaption(2025, Shown(1234));
  EXPECT_EQ(c.en, "In 2025, 1,234 presumed victims of trafficking were identified.");
  EXPECT_NE(c.sv.find("1\u00a0234"), std::string::npos);
  auto hidden = HeadlineCaption(2025, Hidden());
  EXPECT_NE(hidden.en.find("hidden"), std::string::npos);
  EXPECT_EQ(HeadlineCaption(2025, Blank()).en, "The figure for 2025 is not known.");
}

TEST(Captions, LargestIsClaimedOnlyWhenNoHiddenValueCouldBeLarger) {
  const std::vector<std::string> keys{"woman", "man", "girl"};
  // Shown 40 and 30 of 80: the hidden one is 10 at most.
  EXPECT_EQ(LargestKey(keys, {Shown(40), Shown(30), Hidden()}, Shown(80), true), "woman");
  // Hidden ones could hold 45 (a complementary cell can be large).
  EXPECT_FALSE(LargestKey(keys, {Shown(40), Hidden(), Hidden()}, Shown(85), true));
  // Without a published total, or lines that do not add up, nothing hidden is bounded.
  EXPECT_FALSE(LargestKey(keys, {Shown(40), Shown(30), Hidden()}, Hidden(), true));
  EXPECT_FALSE(LargestKey(keys, {Shown(40), Shown(30), Hidden()}, Shown(80), false));
  // A tie is no largest.
  EXPECT_FALSE(LargestKey(keys, {Shown(40), Shown(40), Shown(0)}, Shown(80), true));
  EXPECT_EQ(LargestKey(keys, {Shown(10), Shown(40), Blank()}, Blank(), false), "man");
}

TEST(Captions, LargestGroupOverColumnTotals) {
  ProtectedTable t;
  t.rows = {"nord"};
  t.columns = {"woman", "man"};
  t.cells = {{Shown(30), Shown(12)}};
  t.row_totals = {Shown(42)};
  t.column_totals = {Shown(30), Shown(12)};
  t.total = Shown(42);
  auto c = LargestGroupCaption(t, true, {});
  EXPECT_EQ(c.en, "The largest group is women.");
  EXPECT_EQ(c.sv, "Den största gruppen är kvinnor.");
  t.column_totals = {Shown(30), Hidden()};
  t.total = Shown(70);  // the hidden one could be 40
  EXPECT_EQ(LargestGroupCaption(t, true, {}).en,
            "The published figures do not show which group is largest.");
}

TEST(Captions, AreasCountShownAndHiddenNeverTheirValues) {
  ProtectedTable t;
  t.rows = {"unknown", "25", "22", "01"};
  t.columns = {"total"};
  t.cells = {{Shown(3)}, {Shown(14)}, {Hidden()}, {Shown(0)}};
  t.row_totals = {Shown(3), Shown(14), Hidden(), Shown(0)};
  t.column_totals = {Hidden()};
  t.total = Hidden();
  std::vector<ProtectedRate> rates{{CellStatus::kShown, 1.0},
                                   {CellStatus::kShown, 5.5},
                                   {CellStatus::kSuppressed, std::nullopt},
                                   {CellStatus::kShown, 0.0}};
  Labels names{{"25", {"Norrbottens län", "Norrbotten County"}}};
  auto c = AreasCaption(t, "county", rates, names);
  EXPECT_EQ(c.en,
            "Presumed victims are shown for 1 of 3 counties. 1 county is hidden by statistical "
            "disclosure control.");
  // A hidden rate could be the highest: none is named.
  EXPECT_EQ(c.en.find("Norrbotten"), std::string::npos);
  rates[2] = {CellStatus::kShown, 2.0};
  auto named = AreasCaption(t, "county", rates, names);
  EXPECT_NE(named.en.find("Norrbotten County (5.5)"), std::string::npos);
  EXPECT_NE(named.sv.find("Norrbottens län (5,5)"), std::string::npos);
}

TEST(Captions, SharesAndMedianFromPublishedValuesOnly) {
  EXPECT_EQ(ShareCaption("police_report", {CellStatus::kShown, 41.25}, {}).en,
            "41.2% of presumed victims: police report.");
  EXPECT_EQ(ShareCaption("police_report", {CellStatus::kSuppressed, std::nullopt}, {}).en, "");
  EXPECT_NE(MedianCaption(std::string("8_30"), {}).en.find("8–30 days"), std::string::npos);
  EXPECT_NE(MedianCaption(std::nullopt, {}).en.find("cannot be given"), std::string::npos);
  EXPECT_EQ(Join({{"a", "b"}, {}, {"c", "d"}}), (Caption{"a c", "b d"}));
}

}  // namespace
}  // namespace opennrm::stats
