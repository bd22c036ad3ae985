#include "domain/stats/disclosure_control.hpp"

#include <cmath>
#include <cstdlib>

#include "domain/stats/sdc_complementary.hpp"
#include "domain/stats/sdc_grid.hpp"

namespace opennrm::stats {

namespace {

using sdc::Grid;
using sdc::Position;

constexpr int kMaxThreshold = 1000;
constexpr int kMaxRoundingBase = 100;

// Nearest multiple of `base`, halves up. A known positive count never
// rounds to 0: 0 means "known to be none".
long long RoundToBase(long long count, int base) {
  if (base <= 1 || count == 0) return count;
  const long long rounded = (count + base / 2) / base * base;
  return rounded == 0 ? base : rounded;
}

const ProtectedCell* CellAt(const ProtectedTable& table, const CellKey& key) {
  auto index = [](const std::vector<std::string>& keys, const std::string& k) -> long {
    if (k.empty()) return static_cast<long>(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == k) return static_cast<long>(i);
    }
    return -1;
  };
  const long r = index(table.rows, key.row);
  const long c = index(table.columns, key.column);
  if (r < 0 || c < 0) return nullptr;
  const auto n_rows = static_cast<long>(table.rows.size());
  const auto n_columns = static_cast<long>(table.columns.size());
  if (r == n_rows && c == n_columns) return &table.total;
  if (r == n_rows)
    return c < static_cast<long>(table.column_totals.size()) ? &table.column_totals[c] : nullptr;
  if (r >= static_cast<long>(table.cells.size())) return nullptr;
  if (c == n_columns)
    return r < static_cast<long>(table.row_totals.size()) ? &table.row_totals[r] : nullptr;
  return c < static_cast<long>(table.cells[r].size()) ? &table.cells[r][c] : nullptr;
}

void SuppressBelowThreshold(Grid& grid, const SdcPolicy& policy) {
  for (int r = 0; r < grid.rows(); ++r) {
    for (int c = 0; c < grid.columns(); ++c) {
      const Count& count = grid.at({r, c}).raw;
      if (count && *count >= 1 && *count < policy.threshold) {
        grid.Hide({r, c}, HiddenBecause::kBelowThreshold);
      }
    }
  }
}

// Once hidden, always hidden; and no shown value may differ from the one
// shown before by a small count.
void FollowEarlierRelease(Grid& grid, const SdcPolicy& policy, const ProtectedTable& earlier) {
  for (int r = 0; r < grid.rows(); ++r) {
    for (int c = 0; c < grid.columns(); ++c) {
      const Count& count = grid.at({r, c}).raw;
      const ProtectedCell* before = CellAt(earlier, grid.KeyOf({r, c}));
      if (!count || !before) continue;
      if (before->status == CellStatus::kSuppressed) {
        grid.Hide({r, c}, HiddenBecause::kEarlierRelease);
      } else if (before->status == CellStatus::kShown && before->value) {
        const long long change =
            std::llabs(RoundToBase(*count, policy.rounding_base) - *before->value);
        if (change >= 1 && change < policy.threshold) {
          grid.Hide({r, c}, HiddenBecause::kEarlierRelease);
        }
      }
    }
  }
}

ProtectedCell Publish(const sdc::Entry& entry, const SdcPolicy& policy) {
  if (!entry.raw) return ProtectedCell{};
  if (entry.hidden) return ProtectedCell{CellStatus::kSuppressed, std::nullopt, entry.because};
  return ProtectedCell{CellStatus::kShown, RoundToBase(*entry.raw, policy.rounding_base),
                       HiddenBecause::kNotHidden};
}

}  // namespace

Status CheckPolicy(const SdcPolicy& policy, int minimum_threshold) {
  Problems problems;
  if (policy.threshold < minimum_threshold) {
    problems.Add("threshold", "below_minimum",
                 "The threshold is below the configured minimum of " +
                     std::to_string(minimum_threshold) + ".");
  } else if (policy.threshold < 1 || policy.threshold > kMaxThreshold) {
    problems.Add("threshold", "range", "The threshold must be from 1 to 1000.");
  }
  if (policy.rounding_base < 1 || policy.rounding_base > kMaxRoundingBase) {
    problems.Add("rounding_base", "range", "The rounding base must be from 1 to 100.");
  }
  return problems.ToStatus("The disclosure control policy breaks one or more rules.");
}

std::string_view ToString(CellStatus status) {
  switch (status) {
    case CellStatus::kShown:
      return "shown";
    case CellStatus::kUnknown:
      return "unknown";
    case CellStatus::kSuppressed:
      return "suppressed";
  }
  return "";
}

ProtectedTable Protect(const CountTable& raw, const SdcPolicy& policy,
                       const ProtectedTable* earlier, const std::vector<CellKey>& forced) {
  Grid grid(raw);
  SuppressBelowThreshold(grid, policy);
  if (earlier) FollowEarlierRelease(grid, policy, *earlier);
  for (const CellKey& key : forced) {
    if (auto p = grid.Find(key)) grid.Hide(*p, HiddenBecause::kForced);
  }
  sdc::SuppressComplementary(grid);

  ProtectedTable out;
  out.rows = raw.rows;
  out.columns = raw.columns;
  out.rows_add_up = raw.rows_add_up;
  out.columns_add_up = raw.columns_add_up;
  out.policy = policy;
  const int last_row = grid.margin_row();
  const int last_column = grid.margin_column();
  out.cells.resize(last_row);
  for (int r = 0; r < last_row; ++r) {
    for (int c = 0; c < last_column; ++c) out.cells[r].push_back(Publish(grid.at({r, c}), policy));
    out.row_totals.push_back(Publish(grid.at({r, last_column}), policy));
  }
  for (int c = 0; c < last_column; ++c) {
    out.column_totals.push_back(Publish(grid.at({last_row, c}), policy));
  }
  out.total = Publish(grid.at({last_row, last_column}), policy);
  return out;
}

std::vector<CellKey> HiddenCells(const ProtectedTable& table) {
  std::vector<CellKey> out;
  auto add = [&out](const ProtectedCell& cell, const std::string& row, const std::string& column) {
    if (cell.status == CellStatus::kSuppressed) out.push_back({row, column});
  };
  for (std::size_t r = 0; r < table.cells.size() && r < table.rows.size(); ++r) {
    for (std::size_t c = 0; c < table.cells[r].size() && c < table.columns.size(); ++c) {
      add(table.cells[r][c], table.rows[r], table.columns[c]);
    }
    if (r < table.row_totals.size()) add(table.row_totals[r], table.rows[r], "");
  }
  for (std::size_t c = 0; c < table.column_totals.size() && c < table.columns.size(); ++c) {
    add(table.column_totals[c], "", table.columns[c]);
  }
  add(table.total, "", "");
  return out;
}

ProtectedRate RateOf(const ProtectedCell& numerator, std::optional<double> denominator,
                     double per) {
  if (numerator.status == CellStatus::kSuppressed) return {CellStatus::kSuppressed, std::nullopt};
  if (numerator.status != CellStatus::kShown || !numerator.value) return {};
  if (!denominator || !(*denominator > 0) || !std::isfinite(*denominator)) return {};
  return {CellStatus::kShown, static_cast<double>(*numerator.value) / *denominator * per};
}

ProtectedRate ShareOf(const ProtectedCell& numerator, const ProtectedCell& denominator) {
  if (numerator.status == CellStatus::kSuppressed ||
      denominator.status == CellStatus::kSuppressed) {
    return {CellStatus::kSuppressed, std::nullopt};
  }
  if (numerator.status != CellStatus::kShown || !numerator.value) return {};
  if (denominator.status != CellStatus::kShown || !denominator.value || *denominator.value == 0) {
    return {};
  }
  return {CellStatus::kShown,
          static_cast<double>(*numerator.value) / static_cast<double>(*denominator.value) * 100.0};
}

}  // namespace opennrm::stats
