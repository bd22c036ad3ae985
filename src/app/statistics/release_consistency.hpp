// Consistency of the hidden cells ACROSS the tables of one release (issue 7
// item 3). stats::Protect makes each table safe on its own; tables of the
// same release are linked by equations an attacker can use too:
// - Shared margins: two tables with the same rows and the same raw row
//   totals (victims per police region by gender and by age) publish the same
//   margin; a margin hidden in one must be hidden in all, else the other
//   table shows it and the first table's hidden cells can be solved. The
//   same for column totals, and for the grand total of a series.
// - Regions and their counties: a region's count in a column is the sum of
//   its counties' counts (the "unknown" region of the "unknown" county).
//   When exactly one county cell of a region is hidden and the region's cell
//   is shown, the county is the difference: the region's cell is hidden too.
//   When the region's cell is hidden and all its counties are shown, the
//   region is their sum: the smallest non-zero county cell is hidden too.
// MoreToHide says which further cells each table must hide; the publisher
// protects again with them `forced` until nothing more is needed. Pure;
// thread-safe.
#pragma once

#include <vector>

#include "app/statistics/release_tables.hpp"
#include "domain/geo/geography.hpp"
#include "domain/stats/disclosure_control.hpp"

namespace opennrm::app::statistics {

// For each table (same order as `raw` and `published`), the cells and
// margins it shows but must hide for the release to hold together.
// Official tables (threshold 1) take no part. REQUIRES: raw.size() ==
// published.size(), published[i] = Protect(raw[i].counts, ...).
std::vector<std::vector<stats::CellKey>> MoreToHide(
    const std::vector<const RawTable*>& raw, const std::vector<stats::ProtectedTable>& published,
    const geo::Geography& geography);

}  // namespace opennrm::app::statistics
