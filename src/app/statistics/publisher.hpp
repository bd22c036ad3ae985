// Turns the raw tables of one release into published tables (issue 7 item
// 3): the ONLY way counts become publishable is stats::Protect
// (domain/stats/disclosure_control.hpp), here, with the configured policy
// (official crime statistics with threshold 1: nothing suppressed, 0 and
// unknown kept apart).
//
// - Consistency inside the release (release_consistency.hpp): every table is
//   protected, then protected again with `forced` = the cells the other
//   tables need hidden, until no table needs more. Forced cells only grow,
//   so this ends; it normally settles in two or three rounds.
// - A revision (the year published before): each table is protected with
//   the same table of the year's last release as `earlier`, so a cell once
//   hidden stays hidden and a cell that changed by less than the threshold
//   is hidden (the two releases cannot be subtracted).
// - Rates per 100,000 inhabitants for geography rows, from the PUBLISHED
//   row total (stats::RateOf) and the population of the area (a county's
//   figure, a region's the sum of its counties), the latest figure of a year
//   not after the release's year; none: unknown. Two decimals.
// - Shares in percent (stats::ShareOf) of every column against the table's
//   share base, row by row, from published cells only. One decimal.
// Pure; thread-safe.
#pragma once

#include <vector>

#include "app/statistics/release_tables.hpp"
#include "domain/geo/geography.hpp"
#include "domain/stats/disclosure_control.hpp"
#include "ports/statistics_release_repository.hpp"

namespace opennrm::app::statistics {

struct ReleaseToProtect {
  int year = 0;
  stats::SdcPolicy policy;                     // the configured policy
  std::vector<RawTable> tables;                // (id, series) unique
  std::vector<ports::PublishedTable> earlier;  // the year's last release; empty for the first
};

// The published tables, in the order of `tables`. kInternal when a raw
// table does not hold together (stats::CheckTable: a bug in its builder) or
// two share an id and series.
Result<std::vector<ports::PublishedTable>> ProtectRelease(const ReleaseToProtect& in,
                                                          const geo::Geography& geography);

// The population of a police region (sum of its counties) or county on
// record for a year not after `year`; nullopt when unknown.
std::optional<double> PopulationOf(const geo::Geography& geography, const std::string& level,
                                   const std::string& code, int year);

}  // namespace opennrm::app::statistics
