// The working form of a table inside statistical disclosure control: the
// interior cells and the margins in one (rows + 1) x (columns + 1) grid whose
// last row holds the column totals, last column the row totals and corner
// the grand total; and the lines over it that add up. Seen this way the
// margins are one more row and column, and every line is a row or a column
// of the grid. Internal to disclosure_control.cpp and its tests.
// A value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/stats/count_table.hpp"
#include "domain/stats/disclosure_control.hpp"

namespace opennrm::stats::sdc {

struct Position {
  int row = 0;
  int column = 0;
  bool operator==(const Position&) const = default;
};

struct Entry {
  Count raw;  // nullopt: unknown; never hidden, never chosen
  bool hidden = false;
  HiddenBecause because = HiddenBecause::kNotHidden;
};

class Grid {
 public:
  // REQUIRES: CheckTable(raw) passed.
  explicit Grid(const CountTable& raw);

  int rows() const { return static_cast<int>(entries_.size()); }  // with the margin row
  int columns() const { return columns_; }                        // with the margin column
  int margin_row() const { return rows() - 1; }
  int margin_column() const { return columns_ - 1; }
  bool IsMargin(Position p) const { return p.row == margin_row() || p.column == margin_column(); }

  const Entry& at(Position p) const { return entries_[p.row][p.column]; }
  // Known and not hidden.
  bool IsShown(Position p) const { return at(p).raw && !at(p).hidden; }
  // Hides a known count (first reason wins); an unknown stays unknown.
  void Hide(Position p, HiddenBecause because);

  // The lines that add up, each a row or a column of the grid.
  const std::vector<std::vector<Position>>& lines() const { return lines_; }
  bool both_add_up() const { return both_add_up_; }

  // By keys: row "" is the margin row, column "" the margin column.
  std::optional<Position> Find(const CellKey& key) const;
  CellKey KeyOf(Position p) const;

 private:
  std::vector<std::string> row_keys_;
  std::vector<std::string> column_keys_;
  int columns_ = 0;
  std::vector<std::vector<Entry>> entries_;
  std::vector<std::vector<Position>> lines_;
  bool both_add_up_ = false;
};

// The complementary cell to hide among `candidates`: shown ones only,
// a non-zero count before a zero, an interior cell before a margin, the
// smaller count, then the first in grid order (the table's row order, then
// its column order). nullopt when none is shown.
std::optional<Position> BestComplement(const Grid& grid, const std::vector<Position>& candidates);

}  // namespace opennrm::stats::sdc
