// Test-only: seeded synthetic tables with the whole truth behind them, and
// the naive protection (primary suppression only) that the attacks of
// sdc_attack_test_support.hpp are shown to beat. Included only by tests.
// Thread-compatible.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "domain/stats/count_table.hpp"
#include "domain/stats/disclosure_control.hpp"

namespace opennrm::stats::sdc_attack {

// The published cell at grid position (r, c).
inline const ProtectedCell& CellOf(const ProtectedTable& t, int r, int c) {
  const int n_rows = static_cast<int>(t.rows.size());
  const int n_columns = static_cast<int>(t.columns.size());
  if (r == n_rows) return c == n_columns ? t.total : t.column_totals[c];
  return c == n_columns ? t.row_totals[r] : t.cells[r][c];
}

// The naive protection the attacks are shown to beat: primary suppression
// only, nothing complementary, no rounding.
inline ProtectedTable PrimaryOnly(const CountTable& raw, const SdcPolicy& policy) {
  auto publish = [&policy](const Count& count) {
    if (!count) return ProtectedCell{};
    if (*count >= 1 && *count < policy.threshold) {
      return ProtectedCell{CellStatus::kSuppressed, std::nullopt, HiddenBecause::kBelowThreshold};
    }
    return ProtectedCell{CellStatus::kShown, *count, HiddenBecause::kNotHidden};
  };
  ProtectedTable t;
  t.rows = raw.rows;
  t.columns = raw.columns;
  t.rows_add_up = raw.rows_add_up;
  t.columns_add_up = raw.columns_add_up;
  t.policy = policy;
  for (const auto& row : raw.cells) {
    t.cells.emplace_back();
    for (const auto& cell : row) t.cells.back().push_back(publish(cell));
  }
  for (const auto& count : raw.row_totals) t.row_totals.push_back(publish(count));
  for (const auto& count : raw.column_totals) t.column_totals.push_back(publish(count));
  t.total = publish(raw.total);
  return t;
}

// A synthetic table and the whole truth behind it (the values of its blanks
// included, which the strongest attacker is given).
struct Synthetic {
  CountTable raw;
  std::vector<std::vector<long long>> truth;  // grid of every value
};

enum class Additivity { kBoth, kRowsOnly, kColumnsOnly };

inline long long Draw(std::mt19937& rng, long long lo, long long hi) {
  return lo + static_cast<long long>(rng() % static_cast<std::uint32_t>(hi - lo + 1));
}

// Small tables of small counts: about a third zeros, a third 1..10.
inline long long DrawCount(std::mt19937& rng) {
  const long long kind = Draw(rng, 0, 8);
  if (kind < 3) return 0;
  if (kind < 6) return Draw(rng, 1, 10);
  return Draw(rng, 11, 60);
}

// The count in s.raw at grid position (r, c).
inline Count& RawAt(Synthetic& s, std::size_t r, std::size_t c) {
  const std::size_t R = s.raw.rows.size(), C = s.raw.columns.size();
  if (r == R) return c == C ? s.raw.total : s.raw.column_totals[c];
  return c == C ? s.raw.row_totals[r] : s.raw.cells[r][c];
}

// Copies the truth into s.raw, keeping its blanks blank.
inline void CopyTruth(Synthetic& s) {
  for (std::size_t r = 0; r < s.truth.size(); ++r) {
    for (std::size_t c = 0; c < s.truth[r].size(); ++c) {
      if (Count& to = RawAt(s, r, c)) to = s.truth[r][c];
    }
  }
}

// Margins from the cells. Along a direction that does not add up, the
// dimension counts some people twice, so the margin is below its line's sum
// (but not below its largest cell).
inline void Settle(Synthetic& s, Additivity how, std::mt19937& rng) {
  auto& g = s.truth;
  const std::size_t R = g.size() - 1, C = g[0].size() - 1;
  auto margin = [&rng](long long sum, long long largest, bool overlaps) {
    return overlaps ? sum - Draw(rng, 0, (sum - largest) / 2) : sum;
  };
  long long by_rows = 0, by_columns = 0;
  for (std::size_t r = 0; r < R; ++r) {
    long long sum = 0, largest = 0;
    for (std::size_t c = 0; c < C; ++c) sum += g[r][c], largest = std::max(largest, g[r][c]);
    g[r][C] = margin(sum, largest, how == Additivity::kColumnsOnly);
    by_rows += g[r][C];
  }
  for (std::size_t c = 0; c < C; ++c) {
    long long sum = 0, largest = 0;
    for (std::size_t r = 0; r < R; ++r) sum += g[r][c], largest = std::max(largest, g[r][c]);
    g[R][c] = margin(sum, largest, how == Additivity::kRowsOnly);
    by_columns += g[R][c];
  }
  g[R][C] = how == Additivity::kRowsOnly ? by_columns : by_rows;
  CopyTruth(s);
}

// `delta` more people in cell (r, c): the cell, its two margins and the
// grand total all move by it.
inline void Change(Synthetic& s, std::size_t r, std::size_t c, long long delta) {
  const std::size_t R = s.truth.size() - 1, C = s.truth[0].size() - 1;
  s.truth[r][c] += delta;
  s.truth[r][C] += delta;
  s.truth[R][c] += delta;
  s.truth[R][C] += delta;
  CopyTruth(s);
}

// A seeded random table: `rows` x `columns`, counts from DrawCount, a blank
// now and then.
inline Synthetic RandomTable(std::mt19937& rng, int rows, int columns, Additivity how) {
  Synthetic s;
  std::vector<std::string> row_keys, column_keys;
  for (int r = 0; r < rows; ++r) row_keys.push_back("r" + std::to_string(r));
  for (int c = 0; c < columns; ++c) column_keys.push_back("c" + std::to_string(c));
  s.raw = ZeroTable(row_keys, column_keys, how != Additivity::kColumnsOnly,
                    how != Additivity::kRowsOnly);
  s.truth.assign(rows + 1, std::vector<long long>(columns + 1, 0));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) s.truth[r][c] = DrawCount(rng);
  }
  Settle(s, how, rng);
  if (Draw(rng, 0, 9) == 0) {  // a blank: known to nobody
    RawAt(s, static_cast<std::size_t>(Draw(rng, 0, rows)),
          static_cast<std::size_t>(Draw(rng, 0, columns))) = std::nullopt;
  }
  return s;
}

}  // namespace opennrm::stats::sdc_attack
