#include "domain/stats/disclosure_control.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/stats/count_table.hpp"

namespace opennrm::stats {
namespace {

// rows: police regions; columns: gender categories.
CountTable Table(std::vector<std::vector<Count>> cells, bool rows_add_up = true,
                 bool columns_add_up = true) {
  std::vector<std::string> rows, columns;
  for (std::size_t r = 0; r < cells.size(); ++r) rows.push_back("region" + std::to_string(r));
  for (std::size_t c = 0; c < cells[0].size(); ++c) columns.push_back("g" + std::to_string(c));
  CountTable t = ZeroTable(rows, columns, rows_add_up, columns_add_up);
  t.cells = cells;
  long long total = 0;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    long long sum = 0;
    for (const auto& c : cells[r]) sum += c.value_or(0);
    t.row_totals[r] = sum;
    total += sum;
  }
  for (std::size_t c = 0; c < cells[0].size(); ++c) {
    long long sum = 0;
    for (const auto& row : cells) sum += row[c].value_or(0);
    t.column_totals[c] = sum;
  }
  t.total = total;
  return t;
}

ProtectedCell Shown(long long v) { return {CellStatus::kShown, v, HiddenBecause::kNotHidden}; }
ProtectedCell Hidden() {
  return {CellStatus::kSuppressed, std::nullopt, HiddenBecause::kComplementary};
}

TEST(DisclosurePolicy, ThresholdAndBaseWithinTheirLimits) {
  EXPECT_TRUE(CheckPolicy(SdcPolicy{}, 11));
  EXPECT_TRUE(CheckPolicy(SdcPolicy{11, 5}, 5));
  EXPECT_TRUE(CheckPolicy(SdcPolicy{1000, 100}, 1));

  const auto below = CheckPolicy(SdcPolicy{10, 1}, 11);
  ASSERT_FALSE(below);
  EXPECT_EQ(below.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(below.error().fields.size(), 1u);
  EXPECT_EQ(below.error().fields[0].field, "threshold");
  EXPECT_EQ(below.error().fields[0].rule, "below_minimum");

  for (const SdcPolicy bad : {SdcPolicy{1001, 1}, SdcPolicy{0, 1}}) {
    const auto st = CheckPolicy(bad, 0);
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().fields[0].field, "threshold");
    EXPECT_EQ(st.error().fields[0].rule, "range");
  }
  for (const int base : {0, -5, 101}) {
    const auto st = CheckPolicy(SdcPolicy{11, base}, 11);
    ASSERT_FALSE(st);
    ASSERT_EQ(st.error().fields.size(), 1u);
    EXPECT_EQ(st.error().fields[0].field, "rounding_base");
    EXPECT_EQ(st.error().fields[0].rule, "range");
  }
  const auto both = CheckPolicy(SdcPolicy{3, 0}, 11);
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().fields.size(), 2u);
}

TEST(DisclosureControl, StatusWords) {
  EXPECT_EQ(ToString(CellStatus::kShown), "shown");
  EXPECT_EQ(ToString(CellStatus::kUnknown), "unknown");
  EXPECT_EQ(ToString(CellStatus::kSuppressed), "suppressed");
}

TEST(DisclosureControl, SmallCellsAndMarginsAreSuppressedWithTheirComplements) {
  // region0: 3 + 4 = 7 (a small margin too); region1: 20 + 30; region2: 15 + 12.
  const ProtectedTable t = Protect(Table({{3LL, 4LL}, {20LL, 30LL}, {15LL, 12LL}}), SdcPolicy{});
  EXPECT_EQ(t.cells[0][0].because, HiddenBecause::kBelowThreshold);
  EXPECT_EQ(t.cells[0][1].because, HiddenBecause::kBelowThreshold);
  EXPECT_EQ(t.row_totals[0].because, HiddenBecause::kBelowThreshold);
  EXPECT_EQ(t.row_totals[0].status, CellStatus::kSuppressed);
  EXPECT_FALSE(t.row_totals[0].value);
  // Columns g0 and g1 and the margin column each hold one hidden value:
  // the smallest non-zero interior cell of each column is added (15, 12),
  // and for the margin column the smallest row total (region2's 27).
  EXPECT_EQ(t.cells[2][1].because, HiddenBecause::kComplementary);
  EXPECT_EQ(t.cells[2][0].because, HiddenBecause::kComplementary);
  EXPECT_EQ(t.row_totals[2].because, HiddenBecause::kComplementary);  // region2 total
  EXPECT_EQ(t.cells[1][0], Shown(20));
  EXPECT_EQ(t.cells[1][1], Shown(30));
  EXPECT_EQ(t.column_totals[0], Shown(38));
  EXPECT_EQ(t.total, Shown(84));
  const std::vector<CellKey> expected = {{"region0", "g0"}, {"region0", "g1"}, {"region0", ""},
                                         {"region2", "g0"}, {"region2", "g1"}, {"region2", ""}};
  EXPECT_EQ(HiddenCells(t), expected);
}

TEST(DisclosureControl, TheSameInputGivesTheSamePattern) {
  const CountTable raw = Table({{3LL, 40LL, 12LL}, {20LL, 0LL, 30LL}, {15LL, 12LL, 2LL}});
  const ProtectedTable a = Protect(raw, SdcPolicy{});
  const ProtectedTable b = Protect(raw, SdcPolicy{});
  EXPECT_EQ(a.cells, b.cells);
  EXPECT_EQ(a.row_totals, b.row_totals);
  EXPECT_EQ(a.column_totals, b.column_totals);
  EXPECT_EQ(a.total, b.total);
}

TEST(DisclosureControl, KnownZeroIsShownAndUnknownStaysBlank) {
  CountTable raw = Table({{0LL, 40LL}, {std::nullopt, 30LL}});
  raw.column_totals[0] = std::nullopt;
  raw.row_totals[1] = std::nullopt;
  raw.total = std::nullopt;
  ASSERT_TRUE(CheckTable(raw));
  const ProtectedTable t = Protect(raw, SdcPolicy{11, 5});
  EXPECT_EQ(t.cells[0][0], Shown(0));
  EXPECT_EQ(t.cells[1][0], ProtectedCell{});
  EXPECT_EQ(t.cells[1][0].status, CellStatus::kUnknown);
  EXPECT_EQ(t.column_totals[0].status, CellStatus::kUnknown);
  EXPECT_EQ(t.total.status, CellStatus::kUnknown);
  EXPECT_EQ(t.cells[1][1], Shown(30));
  EXPECT_TRUE(HiddenCells(t).empty());
}

TEST(DisclosureControl, RoundsEveryShownValueToTheBaseHalvesUp) {
  CountTable raw = Table({{12LL, 13LL}, {0LL, 25LL}}, false, false);
  raw.row_totals = {27LL, 37LL};
  raw.column_totals = {12LL, 38LL};
  raw.total = 55LL;
  const ProtectedTable five = Protect(raw, SdcPolicy{11, 5});
  EXPECT_EQ(five.cells[0][0], Shown(10));
  EXPECT_EQ(five.cells[0][1], Shown(15));
  EXPECT_EQ(five.cells[1][0], Shown(0));
  EXPECT_EQ(five.cells[1][1], Shown(25));
  EXPECT_EQ(five.row_totals[0], Shown(25));
  EXPECT_EQ(five.row_totals[1], Shown(35));
  EXPECT_EQ(five.column_totals[1], Shown(40));
  EXPECT_EQ(five.total, Shown(55));
  const ProtectedTable ten = Protect(raw, SdcPolicy{11, 10});
  EXPECT_EQ(ten.cells[1][1], Shown(30));  // 25: the half goes up
  EXPECT_EQ(ten.cells[0][0], Shown(10));
  EXPECT_EQ(ten.total, Shown(60));
  EXPECT_EQ(ten.policy.rounding_base, 10);
  // Threshold 1 (official figures): nothing hidden, and a known 2 is never
  // shown as "known to be none".
  const ProtectedTable official = Protect(Table({{2LL, 0LL}}, false, false), SdcPolicy{1, 5});
  EXPECT_EQ(official.cells[0][0], Shown(5));
  EXPECT_EQ(official.cells[0][1], Shown(0));
}

TEST(DisclosureControl, OnceHiddenAlwaysHiddenAndNoSmallChangeShown) {
  const CountTable first_raw = Table({{3LL, 40LL}, {20LL, 30LL}, {50LL, 60LL}});
  const ProtectedTable first = Protect(first_raw, SdcPolicy{});
  ASSERT_EQ(first.cells[0][0].status, CellStatus::kSuppressed);
  // A year later region0/g0 has grown to 30; region2/g1 changed by 4,
  // region2/g0 by 15; a new region, listed first, shifts every row.
  CountTable raw = Table({{70LL, 80LL}, {30LL, 40LL}, {20LL, 30LL}, {65LL, 64LL}});
  raw.rows = {"new", "region0", "region1", "region2"};
  const ProtectedTable second = Protect(raw, SdcPolicy{}, &first);
  EXPECT_EQ(second.cells[1][0].because, HiddenBecause::kEarlierRelease);  // once hidden
  EXPECT_EQ(second.cells[3][1].because, HiddenBecause::kEarlierRelease);  // 60 -> 64
  EXPECT_EQ(second.cells[2][1].because, HiddenBecause::kEarlierRelease);  // once hidden
  EXPECT_EQ(second.row_totals[2], Shown(50));                             // unchanged
  EXPECT_NE(second.cells[3][0].because, HiddenBecause::kEarlierRelease);  // 50 -> 65
  EXPECT_EQ(second.cells[0][0].status, CellStatus::kShown);               // new row
}

TEST(DisclosureControl, ForcedCellsAreHidden) {
  const CountTable raw = Table({{30LL, 40LL}, {20LL, 30LL}});
  const ProtectedTable t =
      Protect(raw, SdcPolicy{}, nullptr, {{"region0", ""}, {"nowhere", "g0"}, {"", ""}});
  EXPECT_EQ(t.row_totals[0].because, HiddenBecause::kForced);
  EXPECT_EQ(t.total.because, HiddenBecause::kForced);
  // Row region0 then holds one hidden value: its smallest cell is added;
  // the margin row too: its smallest column total is added, closing a cycle.
  EXPECT_EQ(t.cells[0][0].because, HiddenBecause::kComplementary);
  EXPECT_EQ(t.column_totals[0].because, HiddenBecause::kComplementary);
  EXPECT_EQ(t.cells[0][1], Shown(40));
  EXPECT_EQ(t.cells[1][0], Shown(20));
  EXPECT_EQ(t.row_totals[1], Shown(50));
  EXPECT_EQ(HiddenCells(t).size(), 4u);
}

TEST(DisclosureControl, RateFromThePublishedNumeratorOnly) {
  const auto rate = RateOf(Shown(15), 300'000.0, 100'000.0);
  ASSERT_EQ(rate.status, CellStatus::kShown);
  EXPECT_DOUBLE_EQ(*rate.value, 5.0);
  EXPECT_EQ(RateOf(Hidden(), 300'000.0, 100'000.0), (ProtectedRate{CellStatus::kSuppressed, {}}));
  EXPECT_EQ(RateOf(Hidden(), std::nullopt, 100'000.0).status, CellStatus::kSuppressed);
  EXPECT_EQ(RateOf(ProtectedCell{}, 300'000.0, 100'000.0), ProtectedRate{});
  EXPECT_EQ(RateOf(Shown(15), std::nullopt, 100'000.0), ProtectedRate{});
  EXPECT_EQ(RateOf(Shown(15), 0.0, 100'000.0), ProtectedRate{});
  EXPECT_EQ(RateOf(Shown(15), -3.0, 100'000.0), ProtectedRate{});
  EXPECT_EQ(RateOf(Shown(0), 300'000.0, 100'000.0), (ProtectedRate{CellStatus::kShown, 0.0}));
}

TEST(DisclosureControl, ShareOfTwoPublishedCounts) {
  EXPECT_EQ(ShareOf(Shown(15), Shown(60)), (ProtectedRate{CellStatus::kShown, 25.0}));
  EXPECT_EQ(ShareOf(Hidden(), Shown(60)).status, CellStatus::kSuppressed);
  EXPECT_EQ(ShareOf(Shown(15), Hidden()).status, CellStatus::kSuppressed);
  EXPECT_EQ(ShareOf(Hidden(), ProtectedCell{}).status, CellStatus::kSuppressed);
  EXPECT_EQ(ShareOf(ProtectedCell{}, Shown(60)), ProtectedRate{});
  EXPECT_EQ(ShareOf(Shown(15), ProtectedCell{}), ProtectedRate{});
  EXPECT_EQ(ShareOf(Shown(0), Shown(0)), ProtectedRate{});
}

}  // namespace
}  // namespace opennrm::stats
