// The main-challenge indicators as read (issue 7 item 4; GET
// /statistics/indicators): the published indicators table of a year (by
// police region, or by county for a county area, cut to the area as
// release_view.hpp cuts) and the trend — the headline of every published
// year (the regional coordinators' series, its latest release) with its rate
// per 100,000 inhabitants, read from the STORED releases only. The builder
// of the raw tables is IndicatorTables (release_tables.hpp).
// statistics.read; audited before the answer. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "app/statistics/release_view.hpp"

namespace opennrm::app::statistics {

struct TrendPoint {
  int year = 0;
  stats::ProtectedCell victims;     // the area's published total
  stats::ProtectedRate per_100000;  // as published (national: from the country's population)
};

struct IndicatorsView {
  ports::ReleaseRecord release;
  Area area;
  ports::PublishedTable indicators;  // "indicators.police_region" or "indicators.county", cut
  std::vector<TrendPoint> trend;     // oldest year first
};

struct IndicatorsRequest {
  std::optional<int> year;  // none: the latest published year
  std::string area;         // as ParseArea reads it
  std::string series = "regional_coordinator";
};

// kInvalid (`year`/`range`, `area`/..., `series`/`unknown_code`); kNotFound
// (the year, or no year at all, is published); kForbidden.
Result<IndicatorsView> ReadIndicators(const Context& ctx, const Caller& caller,
                                      const IndicatorsRequest& request, const ClientInfo& client);

}  // namespace opennrm::app::statistics
