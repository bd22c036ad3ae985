// Statistical disclosure control (GLOSSARY.md; issue 7 item 3): the ONE
// module every published table, every export and everything the
// statistician role sees passes through. Pure functions; thread-safe.
//
// What Protect does to a CountTable, in this order:
//  1. Unknown counts stay unknown (blank); a known 0 is shown as 0.
//  2. Primary suppression: a known count from 1 to threshold-1, in a cell
//     or a margin, is suppressed.
//  3. Earlier release of the same table (same id, period and area), matched
//     by row and column keys: a cell or margin suppressed there stays
//     suppressed ("once hidden, always hidden"); a cell shown there whose
//     value as it would be shown now (rounded) differs from the one shown
//     there by 1 to threshold-1 is suppressed (the difference of the two
//     releases would otherwise show a small count).
//  4. `forced`: cells the caller needs hidden for consistency with another
//     table of the same release (e.g. the shared per-area margin).
//  5. Complementary suppression until stable, on the lines that add up:
//     - no line (a row with its row total, a column with its column total,
//       the row totals with the grand total, the column totals with the
//       grand total) may hold exactly one hidden value;
//     - when both directions add up, the hidden cells must also not be
//       recoverable by combining lines: seen as a bipartite graph (rows and
//       columns, the margins as one more row and column) whose edges are the
//       hidden cells, every hidden cell lies on a cycle;
//     - a complementary cell is chosen among the shown cells of the line
//       (for a cycle: among those joining the two sides of the hidden cell),
//       interior cells before margins, smallest non-zero count first, then
//       the first in the table's row, then column order; a zero only when
//       nothing else is left; if nothing is left, every known value is
//       hidden;
//     - an unknown count protects nothing: it counts as if it were shown.
//     Deterministic: the same input gives the same pattern.
//  6. Rounding (base > 1): every shown value, cells and margins alike, is
//     rounded to the nearest multiple of the base (halves up), independently;
//     0 stays 0 and a positive count is never shown as 0.
//
// A rate or a share is computed from the PUBLISHED numerator (rounded,
// never the raw count), and is suppressed when its numerator (or a share's
// denominator) is not shown, so it can never reveal more than the count.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/stats/count_table.hpp"

namespace opennrm::stats {

struct SdcPolicy {
  int threshold = 11;     // counts 1..threshold-1 are suppressed
  int rounding_base = 1;  // 1: no rounding
};

// Configuration limits: threshold in [minimum_threshold, 1000], base in
// [1, 100]. Fails (kInvalid) naming "threshold" / "rounding_base" and the rule
// ("below_minimum", "range").
Status CheckPolicy(const SdcPolicy& policy, int minimum_threshold);

enum class CellStatus { kShown, kUnknown, kSuppressed };
std::string_view ToString(CellStatus status);  // "shown", "unknown", "suppressed"

// Why a cell is hidden. Internal only: NEVER serialised into anything that
// leaves the product (it would tell which hidden cells are the small ones).
enum class HiddenBecause { kNotHidden, kBelowThreshold, kEarlierRelease, kForced, kComplementary };

struct ProtectedCell {
  CellStatus status = CellStatus::kUnknown;
  std::optional<long long> value;  // set only when kShown (after rounding)
  HiddenBecause because = HiddenBecause::kNotHidden;
  bool operator==(const ProtectedCell&) const = default;
};

struct ProtectedTable {
  std::vector<std::string> rows;
  std::vector<std::string> columns;
  std::vector<std::vector<ProtectedCell>> cells;  // [row][column]
  std::vector<ProtectedCell> row_totals;
  std::vector<ProtectedCell> column_totals;
  ProtectedCell total;
  bool rows_add_up = true;
  bool columns_add_up = true;
  SdcPolicy policy;
};

// Names a cell or margin by keys: row "" is the column-totals row, column
// "" the row-totals column; both "" the grand total.
struct CellKey {
  std::string row;
  std::string column;
  bool operator==(const CellKey&) const = default;
};

// The protected table. REQUIRES: CheckTable(raw) and CheckPolicy(policy, 1)
// passed. `earlier` is the last release of the same table, period and area
// (its rows and columns may differ: only keys present in both are compared).
ProtectedTable Protect(const CountTable& raw, const SdcPolicy& policy,
                       const ProtectedTable* earlier = nullptr,
                       const std::vector<CellKey>& forced = {});

// Which hidden cells and margins of `table` (not unknown ones), by key.
std::vector<CellKey> HiddenCells(const ProtectedTable& table);

struct ProtectedRate {
  CellStatus status = CellStatus::kUnknown;
  std::optional<double> value;  // set only when kShown
  bool operator==(const ProtectedRate&) const = default;
};

// numerator / denominator * per (e.g. per 100,000 inhabitants), from the
// published numerator. Suppressed when the numerator is suppressed; unknown
// when it is unknown or the denominator is missing or not positive.
ProtectedRate RateOf(const ProtectedCell& numerator, std::optional<double> denominator, double per);

// A share in percent of two published counts (e.g. cases with a police
// report among all cases): suppressed when either is suppressed; unknown
// when either is unknown or the denominator is 0.
ProtectedRate ShareOf(const ProtectedCell& numerator, const ProtectedCell& denominator);

}  // namespace opennrm::stats
