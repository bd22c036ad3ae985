// JSON and CSV of the statistics views (docs/design/statistics-api.md): the
// indicators with their trend, groups of published tables (hotline, EU), the
// EU layout as one long CSV, the annual report, and own figures (exact,
// marked not for publication; never written as CSV). Published tables are
// written by statistics_dto.hpp. Pure; thread-safe.
#pragma once

#include <string>

#include "app/statistics/annual_report.hpp"
#include "app/statistics/indicator_tables.hpp"
#include "app/statistics/own_figures.hpp"
#include "app/statistics/release_groups.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

// {"year","area","release":{...},"indicators":PublishedTable,"trend":[{"year","victims","per_100000"}]}
Json IndicatorsJson(const app::statistics::IndicatorsView& view);

// {"year","release":{...},"tables":[PublishedTable...]}
Json TableGroupJson(const app::statistics::GroupView& view);

// One long CSV of every table: `table,row,column,value`, then for each
// table its cells, its row totals (column "total"), its column totals (row
// "total") and its grand total. ".." suppressed, empty unknown, 0 none.
// CRLF line ends (RFC 4180).
std::string LongCsv(const std::vector<ports::PublishedTable>& tables);

// {"year","series","release":{...},"sections":[{"id","caption":{"sv","en"},"table":PublishedTable}]}
Json AnnualReportJson(const app::statistics::AnnualReport& report);
// `section,table,row,column,value` over every section's table (as LongCsv).
std::string AnnualReportCsv(const app::statistics::AnnualReport& report);

// {"not_for_publication":true,"organisation","from","to","rows":{"dimension","keys"},
//  "columns":{...},"cells":[[n|null]],"row_totals","column_totals","total"}
Json OwnTableJson(const app::statistics::OwnTable& table);

}  // namespace opennrm::http
