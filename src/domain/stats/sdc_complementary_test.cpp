#include "domain/stats/sdc_complementary.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/stats/count_table.hpp"
#include "domain/stats/disclosure_control.hpp"
#include "domain/stats/sdc_grid.hpp"

namespace opennrm::stats::sdc {
namespace {

// A table whose margins are the sums of its cells.
CountTable Summed(std::vector<std::vector<long long>> cells, bool rows_add_up = true,
                  bool columns_add_up = true) {
  std::vector<std::string> rows, columns;
  for (std::size_t r = 0; r < cells.size(); ++r) rows.push_back("r" + std::to_string(r));
  for (std::size_t c = 0; c < cells[0].size(); ++c) columns.push_back("c" + std::to_string(c));
  CountTable t = ZeroTable(rows, columns, rows_add_up, columns_add_up);
  long long total = 0;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    long long sum = 0;
    for (std::size_t c = 0; c < cells[r].size(); ++c) {
      t.cells[r][c] = cells[r][c];
      sum += cells[r][c];
      *t.column_totals[c] += cells[r][c];
    }
    t.row_totals[r] = sum;
    total += sum;
  }
  t.total = total;
  return t;
}

bool IsHidden(const Grid& g, int r, int c) { return g.at({r, c}).hidden; }

TEST(SdcComplementary, CycleRuleClosesTheBridgeBetweenTwoHiddenBlocks) {
  // Two hidden 2x2 blocks joined by one hidden cell (r1, c2): every line
  // holds two or more hidden values, yet (r1, c2) is pinned down (row r1
  // plus rows r0 minus columns c0, c1).
  Grid g(Summed({{40, 50, 60, 70}, {45, 55, 65, 75}, {80, 90, 31, 32}, {85, 95, 33, 34}}));
  for (const Position p :
       {Position{0, 0}, Position{0, 1}, Position{1, 0}, Position{1, 1}, Position{2, 2},
        Position{2, 3}, Position{3, 2}, Position{3, 3}, Position{1, 2}}) {
    g.Hide(p, HiddenBecause::kForced);
  }
  ASSERT_EQ(FirstBridge(g), (Position{1, 2}));
  SuppressComplementary(g);
  EXPECT_FALSE(FirstBridge(g));
  // The smallest shown interior cell joining the two sides is (r0, c2): 60.
  EXPECT_TRUE(IsHidden(g, 0, 2));
  EXPECT_EQ(g.at({0, 2}).because, HiddenBecause::kComplementary);
  EXPECT_FALSE(IsHidden(g, 0, 3));
  EXPECT_FALSE(IsHidden(g, 2, 0));
  EXPECT_FALSE(IsHidden(g, 4, 4));  // no margin was needed
}

TEST(SdcComplementary, OnlyTheDirectionThatAddsUpIsUsed) {
  // Columns do not add up (one person, several row categories): only rows
  // are equations, so a hidden cell needs a partner in its row only.
  Grid g(Summed({{3, 20, 30}, {40, 50, 60}}, /*rows_add_up=*/true, /*columns_add_up=*/false));
  g.Hide({0, 0}, HiddenBecause::kBelowThreshold);
  SuppressComplementary(g);
  EXPECT_TRUE(IsHidden(g, 0, 1));  // 20, the smallest other cell of row r0
  int hidden = 0;
  for (int r = 0; r < g.rows(); ++r) {
    for (int c = 0; c < g.columns(); ++c) hidden += IsHidden(g, r, c) ? 1 : 0;
  }
  EXPECT_EQ(hidden, 2);
}

TEST(SdcComplementary, AZeroOnlyWhenNothingElseIsLeft) {
  Grid g(Summed({{3, 0, 0}, {40, 50, 60}}, true, false));
  g.Hide({0, 0}, HiddenBecause::kBelowThreshold);
  SuppressComplementary(g);
  EXPECT_FALSE(IsHidden(g, 0, 1));
  EXPECT_TRUE(IsHidden(g, 0, 3));  // the row total, a margin, before a zero cell

  CountTable raw = Summed({{3, 0}, {40, 50}}, true, false);
  raw.row_totals[0] = std::nullopt;  // unknown: it cannot be hidden nor protect
  Grid only_zero(raw);
  only_zero.Hide({0, 0}, HiddenBecause::kBelowThreshold);
  SuppressComplementary(only_zero);
  EXPECT_TRUE(IsHidden(only_zero, 0, 1));
  EXPECT_EQ(only_zero.at({0, 1}).because, HiddenBecause::kComplementary);
  EXPECT_FALSE(only_zero.at({0, 2}).hidden);  // still unknown, never hidden
}

TEST(SdcComplementary, AnUnknownProtectsNothing) {
  CountTable raw = Summed({{3, 20, 30}, {40, 50, 60}}, true, false);
  raw.cells[0][2] = std::nullopt;
  Grid g(raw);
  g.Hide({0, 0}, HiddenBecause::kBelowThreshold);
  SuppressComplementary(g);
  EXPECT_TRUE(IsHidden(g, 0, 1));
  EXPECT_FALSE(IsHidden(g, 0, 2));
}

TEST(SdcComplementary, WhenNothingCanCloseAGapEverythingKnownIsHidden) {
  CountTable raw = Summed({{3, 20}}, true, false);
  raw.cells[0][1] = std::nullopt;
  raw.row_totals[0] = std::nullopt;
  Grid g(raw);
  g.Hide({0, 0}, HiddenBecause::kBelowThreshold);
  SuppressComplementary(g);
  EXPECT_TRUE(IsHidden(g, 1, 0));  // the column total
  EXPECT_TRUE(IsHidden(g, 1, 2));  // the grand total
}

TEST(SdcComplementary, GridNamesMarginsByEmptyKeys) {
  const Grid g(Summed({{1, 2}, {3, 4}}));
  EXPECT_EQ(g.Find({"", ""}), (Position{2, 2}));
  EXPECT_EQ(g.Find({"r1", ""}), (Position{1, 2}));
  EXPECT_EQ(g.Find({"", "c0"}), (Position{2, 0}));
  EXPECT_FALSE(g.Find({"r9", "c0"}));
  EXPECT_EQ(g.KeyOf({2, 1}), (CellKey{"", "c1"}));
  EXPECT_TRUE(g.IsMargin({0, 2}));
  EXPECT_FALSE(g.IsMargin({1, 1}));
  EXPECT_EQ(g.lines().size(), 6u);
}

}  // namespace
}  // namespace opennrm::stats::sdc
