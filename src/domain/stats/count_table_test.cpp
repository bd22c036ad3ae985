#include "domain/stats/count_table.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace opennrm::stats {
namespace {

// nord: 12 woman, 20 man; syd: 0 woman, 15 man.
CountTable Valid() {
  CountTable t = ZeroTable({"nord", "syd"}, {"woman", "man"});
  t.cells = {{12LL, 20LL}, {0LL, 15LL}};
  t.row_totals = {32LL, 15LL};
  t.column_totals = {12LL, 35LL};
  t.total = 47LL;
  return t;
}

std::string RuleOf(const Status& st) {
  if (st || st.error().fields.empty()) return "";
  EXPECT_EQ(st.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(st.error().fields[0].field, "table");
  return st.error().fields[0].rule;
}

TEST(CountTable, ZeroTableIsKnownZerosEverywhere) {
  const CountTable t = ZeroTable({"a", "b", "c"}, {"x", "y"}, true, false);
  ASSERT_EQ(t.cells.size(), 3u);
  for (const auto& row : t.cells) EXPECT_EQ(row, (std::vector<Count>{0LL, 0LL}));
  EXPECT_EQ(t.row_totals, (std::vector<Count>{0LL, 0LL, 0LL}));
  EXPECT_EQ(t.column_totals, (std::vector<Count>{0LL, 0LL}));
  EXPECT_EQ(t.total, Count(0));
  EXPECT_TRUE(t.rows_add_up);
  EXPECT_FALSE(t.columns_add_up);
  EXPECT_TRUE(CheckTable(t));
}

TEST(CountTable, AValidTablePasses) { EXPECT_TRUE(CheckTable(Valid())); }

TEST(CountTable, CatchesEveryShapeError) {
  const std::vector<std::pair<std::string, std::function<void(CountTable&)>>> breaks = {
      {"shape", [](CountTable& t) { t.cells.pop_back(); }},
      {"shape", [](CountTable& t) { t.cells[1].push_back(3LL); }},
      {"shape", [](CountTable& t) { t.cells[0].pop_back(); }},
      {"shape", [](CountTable& t) { t.row_totals.push_back(0LL); }},
      {"shape", [](CountTable& t) { t.column_totals.pop_back(); }},
      {"shape", [](CountTable& t) { t.rows.push_back("mitt"); }},
      {"required", [](CountTable& t) { t.rows[1] = ""; }},
      {"required", [](CountTable& t) { t.columns[0] = ""; }},
      {"unique", [](CountTable& t) { t.rows[1] = "nord"; }},
      {"unique", [](CountTable& t) { t.columns[1] = "woman"; }},
      {"negative", [](CountTable& t) { t.cells[1][0] = -1LL; }},
      {"negative", [](CountTable& t) { t.row_totals[0] = -32LL; }},
      {"negative", [](CountTable& t) { t.total = -1LL; }},
      {"range", [](CountTable& t) { t.column_totals[0] = 2'000'000'000'000LL; }},
      {"adds_up", [](CountTable& t) { t.row_totals[0] = 33LL; }},
      {"adds_up", [](CountTable& t) { t.column_totals[1] = 36LL; }},
      {"adds_up", [](CountTable& t) { t.cells[0][0] = 13LL; }},
      {"adds_up", [](CountTable& t) { t.total = 48LL; }},
  };
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    CountTable t = Valid();
    breaks[i].second(t);
    EXPECT_EQ(RuleOf(CheckTable(t)), breaks[i].first) << "break " << i;
  }
}

TEST(CountTable, ALineOnlyHasToAddUpWhenItAddsUpAndIsKnown) {
  CountTable t = Valid();
  t.rows_add_up = false;   // one victim, several forms: a row's cells overcount
  t.row_totals[0] = 28LL;  // 8 victims in nord with both forms
  t.total = 43LL;          // the row totals still add up, the column totals need not
  EXPECT_TRUE(CheckTable(t));
  t.total = 47LL;
  EXPECT_EQ(RuleOf(CheckTable(t)), "adds_up");

  CountTable blank = Valid();
  blank.cells[0][0] = std::nullopt;  // unknown: row nord and column woman cannot be checked
  blank.row_totals[0] = 99LL;
  EXPECT_EQ(RuleOf(CheckTable(blank)), "adds_up");  // 99 + 15 is not the total 47
  blank.total = std::nullopt;
  EXPECT_TRUE(CheckTable(blank));
}

}  // namespace
}  // namespace opennrm::stats
