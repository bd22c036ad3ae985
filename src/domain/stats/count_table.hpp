// A two-way table of counts BEFORE statistical disclosure control: row and
// column categories, the interior cells and the margins. Only the module in
// disclosure_control.hpp turns it into something that may leave the product.
//
// A count is optional: nullopt is "unknown" (blank), 0 is "known to be none";
// the EU data collection keeps the two apart and so do we.
//
// Margins are given, not derived. When a dimension is multi-valued (one
// victim, several forms of exploitation) the cells of a line do not add up
// to its total: `rows_add_up` says whether the cells of every row add up to
// its row total, which means the column dimension counts everyone once, and
// so the column totals add up to the grand total (the margin row is one more
// row that adds up); `columns_add_up` the same for columns (and so the row
// totals add up to the grand total). Only lines that add up are equations an
// attacker (and complementary suppression) can use.
// A value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace opennrm::stats {

using Count = std::optional<long long>;  // nullopt: unknown (blank)

struct CountTable {
  std::vector<std::string> rows;          // category keys, e.g. "nord", "woman"
  std::vector<std::string> columns;       // category keys
  std::vector<std::vector<Count>> cells;  // [row][column]
  std::vector<Count> row_totals;          // one per row
  std::vector<Count> column_totals;       // one per column
  Count total;
  bool rows_add_up = true;     // sum over the columns of a row == its row total
  bool columns_add_up = true;  // sum over the rows of a column == its column total
};

// A table of rows x columns, every cell and margin a known 0.
CountTable ZeroTable(std::vector<std::string> rows, std::vector<std::string> columns,
                     bool rows_add_up = true, bool columns_add_up = true);

// The shape holds together: cells.size() == rows.size(), every row has
// columns.size() cells, one total per row and column, keys unique and not
// empty, counts not negative (nor above 10^12), and a line that adds up does
// add up when all of its counts are known. Rules: "shape", "required",
// "unique", "negative", "range", "adds_up". Fails (kInvalid, field "table") naming the first
// broken rule.
Status CheckTable(const CountTable& table);

}  // namespace opennrm::stats
