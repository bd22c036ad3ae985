// JSON and CSV of published statistics (docs/design/statistics-api.md): a
// published table with its cells, margins, rates and shares; the
// publications, the release log and the catalogue. Only published values
// are written: a hidden cell says "suppressed" and never why (the reason
// would tell which hidden cells are the small ones). Labels are not
// written: the web app translates the keys. Pure; thread-safe.
#pragma once

#include <string>

#include "app/statistics/publications.hpp"
#include "app/statistics/release_view.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

// {"status":"shown","value":n} | {"status":"suppressed"} | {"status":"unknown"}.
Json StatisticsCellJson(const stats::ProtectedCell& cell);
// The same with a decimal value (a rate or a share).
Json StatisticsRateJson(const stats::ProtectedRate& rate);

// PublishedTable (docs/api/openapi.yaml) of a stored release, cut to an area.
Json PublishedTableJson(const ports::ReleaseRecord& release, const app::statistics::Area& area,
                        const ports::PublishedTable& table);

// The table as CSV: a header `<row dimension>,<column keys...>,total`, one
// line per row (its key, its cells, its row total), then a `total` line of
// the column totals and the grand total. ".." suppressed, empty unknown,
// numbers otherwise (0: known to be none). UTF-8, CRLF line ends (RFC 4180).
std::string PublishedTableCsv(const ports::PublishedTable& table);

// The file name of a table's CSV: "<id>-<year>-<series>-<area>.csv" with
// '/' as '-' (ASCII only).
std::string PublishedTableFileName(const ports::ReleaseRecord& release,
                                   const app::statistics::Area& area,
                                   const ports::PublishedTable& table);

// {"year","release","published_at","published_by_organisation","releases":[{"number","published_at","tables"}]}
Json PublishedYearJson(const app::statistics::PublishedYear& year);
// {"year","number","published_at","tables","by_organisation"}
Json ReleaseRecordJson(const ports::ReleaseRecord& release);
// {"tables":[{"id","group","rows","columns"}],"series","dimensions","policy":{...}}
Json CatalogueJson(const app::statistics::Catalogue& catalogue);

}  // namespace opennrm::http
