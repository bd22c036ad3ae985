#include "domain/stats/sdc_grid.hpp"

#include <tuple>

namespace opennrm::stats::sdc {

Grid::Grid(const CountTable& raw) : row_keys_(raw.rows), column_keys_(raw.columns) {
  const int n_rows = static_cast<int>(raw.rows.size());
  const int n_columns = static_cast<int>(raw.columns.size());
  columns_ = n_columns + 1;
  entries_.assign(n_rows + 1, std::vector<Entry>(columns_));
  for (int r = 0; r < n_rows; ++r) {
    for (int c = 0; c < n_columns; ++c) entries_[r][c].raw = raw.cells[r][c];
    entries_[r][n_columns].raw = raw.row_totals[r];
  }
  for (int c = 0; c < n_columns; ++c) entries_[n_rows][c].raw = raw.column_totals[c];
  entries_[n_rows][n_columns].raw = raw.total;

  // A row that adds up, the margin row included: its cells sum to its last.
  if (raw.rows_add_up) {
    for (int r = 0; r <= n_rows; ++r) {
      std::vector<Position> line;
      for (int c = 0; c < columns_; ++c) line.push_back({r, c});
      lines_.push_back(std::move(line));
    }
  }
  if (raw.columns_add_up) {
    for (int c = 0; c < columns_; ++c) {
      std::vector<Position> line;
      for (int r = 0; r <= n_rows; ++r) line.push_back({r, c});
      lines_.push_back(std::move(line));
    }
  }
  both_add_up_ = raw.rows_add_up && raw.columns_add_up;
}

void Grid::Hide(Position p, HiddenBecause because) {
  Entry& e = entries_[p.row][p.column];
  if (!e.raw || e.hidden) return;
  e.hidden = true;
  e.because = because;
}

std::optional<Position> Grid::Find(const CellKey& key) const {
  auto index = [](const std::vector<std::string>& keys,
                  const std::string& k) -> std::optional<int> {
    if (k.empty()) return static_cast<int>(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == k) return static_cast<int>(i);
    }
    return std::nullopt;
  };
  const auto r = index(row_keys_, key.row);
  const auto c = index(column_keys_, key.column);
  if (!r || !c) return std::nullopt;
  return Position{*r, *c};
}

CellKey Grid::KeyOf(Position p) const {
  return CellKey{p.row == margin_row() ? std::string() : row_keys_[p.row],
                 p.column == margin_column() ? std::string() : column_keys_[p.column]};
}

std::optional<Position> BestComplement(const Grid& grid, const std::vector<Position>& candidates) {
  std::optional<Position> best;
  auto rank = [&grid](Position p) {
    const long long count = *grid.at(p).raw;
    return std::make_tuple(count == 0, grid.IsMargin(p), count, p.row, p.column);
  };
  for (const Position p : candidates) {
    if (!grid.IsShown(p)) continue;
    if (!best || rank(p) < rank(*best)) best = p;
  }
  return best;
}

}  // namespace opennrm::stats::sdc
