// Reading published statistics (issue 7 item 3): every view and export is a
// read of a STORED release (publications.hpp), never of live records, so
// what the statistician sees is exactly what was published and can be
// compared with earlier releases.
//
// Rules, written down:
// - Only statistics.read (access policy) reads; everything else is kForbidden
//   and audited as denied. An API token may read when scoped to it.
// - A year that has no release is kNotFound, exactly like an unknown table:
//   the reader learns nothing of unpublished years.
// - Area: "national" (the stored table), "police_region/<id>" or
//   "county/<code>": the rows of that area cut from the stored national
//   table — the region's own row, or the rows of its counties, or the
//   county's row — with their cells, row totals and rates as published.
//   Column totals of a cut are the area's own published row when it is one
//   row, else the sum of the rows when every one is shown (suppressed when
//   any is hidden, unknown when any is unknown): nothing that the national
//   table does not already show. An area is never aggregated afresh, so two
//   areas can never be subtracted to reveal a small count. A municipality is
//   kInvalid `area`/`finer_than_county`; an unknown code `area`/
//   `unknown_code`; a table whose rows are not a geography can only be read
//   nationally (`area`/`not_by_area`).
// - Threshold: the policy is the one configured when the release was
//   published; a request for any other threshold is refused
//   (`threshold`/`below_minimum` below the configured minimum, else
//   `threshold`/`not_configured`): stored tables cannot be re-protected
//   without the raw counts, which a view never reads.
// - Every read is audited before the answer (purpose "statistics"; the
//   object is the table and year, never a person); an export as
//   "statistics.exported".
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "ports/statistics_release_repository.hpp"

namespace opennrm::app::statistics {

struct Area {
  std::string level = "national";  // "national", "police_region" or "county"
  std::string code;                // "" for national
  bool operator==(const Area&) const = default;
};

// "national", "police_region/<id>" or "county/<code>" (empty: national).
// kInvalid naming `area`: "finer_than_county" (municipality/...),
// "unknown_code" (a region or county the geography lacks), "format".
Result<Area> ParseArea(const Context& ctx, std::string_view text);
std::string ToString(const Area& area);  // "national", "police_region/nord", "county/25"

struct TableRequest {
  std::string id;  // "victims.police_region.gender"
  int year = 0;
  std::string series = "regional_coordinator";  // ignored by tables without a series
  std::string area;                             // as ParseArea reads it
  std::optional<int> release;                   // none: the latest of the year
  std::optional<long long> threshold;           // a requested threshold (refused unless configured)
  bool export_csv = false;                      // audited as an export
};

struct TableView {
  ports::ReleaseRecord release;
  Area area;
  ports::PublishedTable table;  // cut to the area
};

// One published table. kNotFound (unpublished year, unknown release or
// table); kInvalid (area, threshold, year outside 1990..9999, series);
// kForbidden.
Result<TableView> ReadPublishedTable(const Context& ctx, const Caller& caller,
                                     const TableRequest& request, const ClientInfo& client);

// ---- For other statistics use cases that authorise and audit themselves
// ---- (the annual report, the indicators' trend). No audit, no access check.

// Ok() when the caller may read published statistics; kForbidden otherwise
// (not audited here).
Status RequireStatisticsRead(const Caller& caller);

// The release `number` of `year`, or its latest when none; nullopt when the
// year (or that release) is not published.
Result<std::optional<ports::ReleaseRecord>> FindRelease(ports::UnitOfWork& uow, int year,
                                                        std::optional<int> number = std::nullopt);

// A stored table of a release: with `series`, or the release-wide one
// (series "") when the table has none. nullopt when there is no such table.
Result<std::optional<ports::PublishedTable>> StoredTable(ports::UnitOfWork& uow,
                                                         const ports::ReleaseRecord& release,
                                                         const std::string& id,
                                                         const std::string& series);

// The rows of `area` cut from a stored national table (see the rules above).
// kInvalid `area`/`not_by_area` for a table without geography rows and an
// area other than national.
Result<ports::PublishedTable> CutToArea(const Context& ctx, const ports::PublishedTable& table,
                                        const Area& area);

// Audits a read (or an export) of published tables (no person in it).
Status AuditStatisticsRead(const Context& ctx, const Caller& caller, const std::string& action,
                           int year, const std::vector<std::string>& table_ids,
                           const ClientInfo& client);

}  // namespace opennrm::app::statistics
