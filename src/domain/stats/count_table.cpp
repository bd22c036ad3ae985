#include "domain/stats/count_table.hpp"

#include <set>
#include <utility>

namespace opennrm::stats {

namespace {

// Above this a count is not a count of people: it keeps every line's sum
// far from overflow.
constexpr long long kMaxCount = 1'000'000'000'000LL;

Status Broken(std::string rule, std::string detail) {
  return Invalid("table", std::move(rule), std::move(detail));
}

Status CheckKeys(const std::vector<std::string>& keys, const char* what) {
  std::set<std::string> seen;
  for (const auto& key : keys) {
    if (key.empty()) return Broken("required", std::string("A ") + what + " key is empty.");
    if (!seen.insert(key).second) {
      return Broken("unique", std::string("The ") + what + " key '" + key + "' is repeated.");
    }
  }
  return Ok();
}

Status CheckCount(const Count& count) {
  if (count && *count < 0) return Broken("negative", "A count is negative.");
  if (count && *count > kMaxCount) return Broken("range", "A count is implausibly large.");
  return Ok();
}

// The sum of `parts` equals `total` when every one of them is known.
bool AddsUp(const std::vector<Count>& parts, const Count& total) {
  if (!total) return true;
  long long sum = 0;
  for (const auto& part : parts) {
    if (!part) return true;
    sum += *part;
  }
  return sum == *total;
}

Status CheckLines(const CountTable& t) {
  const std::size_t n_rows = t.rows.size();
  const std::size_t n_columns = t.columns.size();
  if (t.rows_add_up) {
    for (std::size_t r = 0; r < n_rows; ++r) {
      if (!AddsUp(t.cells[r], t.row_totals[r])) {
        return Broken("adds_up",
                      "The cells of row '" + t.rows[r] + "' do not add up to its total.");
      }
    }
    if (!AddsUp(t.column_totals, t.total)) {
      return Broken("adds_up", "The column totals do not add up to the grand total.");
    }
  }
  if (t.columns_add_up) {
    for (std::size_t c = 0; c < n_columns; ++c) {
      std::vector<Count> column;
      for (std::size_t r = 0; r < n_rows; ++r) column.push_back(t.cells[r][c]);
      if (!AddsUp(column, t.column_totals[c])) {
        return Broken("adds_up",
                      "The cells of column '" + t.columns[c] + "' do not add up to its total.");
      }
    }
    if (!AddsUp(t.row_totals, t.total)) {
      return Broken("adds_up", "The row totals do not add up to the grand total.");
    }
  }
  return Ok();
}

}  // namespace

CountTable ZeroTable(std::vector<std::string> rows, std::vector<std::string> columns,
                     bool rows_add_up, bool columns_add_up) {
  CountTable t;
  t.cells.assign(rows.size(), std::vector<Count>(columns.size(), 0LL));
  t.row_totals.assign(rows.size(), 0LL);
  t.column_totals.assign(columns.size(), 0LL);
  t.total = 0LL;
  t.rows = std::move(rows);
  t.columns = std::move(columns);
  t.rows_add_up = rows_add_up;
  t.columns_add_up = columns_add_up;
  return t;
}

Status CheckTable(const CountTable& t) {
  if (t.cells.size() != t.rows.size()) {
    return Broken("shape", "The table has a different number of rows of cells than row keys.");
  }
  for (std::size_t r = 0; r < t.cells.size(); ++r) {
    if (t.cells[r].size() != t.columns.size()) {
      return Broken("shape", "Row '" + t.rows[r] + "' does not have one cell per column.");
    }
  }
  if (t.row_totals.size() != t.rows.size()) {
    return Broken("shape", "The table does not have one total per row.");
  }
  if (t.column_totals.size() != t.columns.size()) {
    return Broken("shape", "The table does not have one total per column.");
  }
  if (auto st = CheckKeys(t.rows, "row"); !st) return st;
  if (auto st = CheckKeys(t.columns, "column"); !st) return st;
  for (const auto& row : t.cells) {
    for (const auto& cell : row) {
      if (auto st = CheckCount(cell); !st) return st;
    }
  }
  for (const auto& count : t.row_totals) {
    if (auto st = CheckCount(count); !st) return st;
  }
  for (const auto& count : t.column_totals) {
    if (auto st = CheckCount(count); !st) return st;
  }
  if (auto st = CheckCount(t.total); !st) return st;
  return CheckLines(t);
}

}  // namespace opennrm::stats
