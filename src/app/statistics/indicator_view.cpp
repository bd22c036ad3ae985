// ReadIndicators (indicator_tables.hpp).
#include "app/auth/internal.hpp"
#include "app/statistics/indicator_tables.hpp"
#include "app/statistics/release_groups.hpp"
#include "domain/stats/table_catalogue.hpp"

namespace opennrm::app::statistics {

using namespace auth_internal;

namespace {

constexpr const char* kAction = "statistics.indicators_read";

// The country's population: the sum over counties; nullopt when any is missing.
std::optional<double> NationalPopulation(const geo::Geography& g) {
  double sum = 0;
  for (const auto& c : g.counties()) {
    if (!c.population) return std::nullopt;
    sum += static_cast<double>(c.population->count);
  }
  return sum > 0 ? std::optional<double>(sum) : std::nullopt;
}

// The area's headline of a (cut) indicators table: its one row, or the
// national total.
TrendPoint PointOf(int year, const ports::PublishedTable& cut, const Area& area,
                   std::optional<double> population) {
  TrendPoint p;
  p.year = year;
  if (area.level == "national") {
    p.victims = cut.table.total;
    p.per_100000 = stats::RateOf(p.victims, population, 100000.0);
  } else if (cut.table.rows.size() == 1) {
    p.victims = cut.table.row_totals[0];
    if (!cut.rates_per_100000.empty()) p.per_100000 = cut.rates_per_100000[0];
  } else {
    // A region read from the county table: the sum of its counties as cut.
    p.victims = cut.table.total;
  }
  return p;
}

}  // namespace

Result<IndicatorsView> ReadIndicators(const Context& ctx, const Caller& caller,
                                      const IndicatorsRequest& request, const ClientInfo& client) {
  if (auto st = AuthoriseRead(ctx, caller, kAction, client); !st) return tl::unexpected(st.error());
  if (request.year) {
    if (auto st = CheckViewYear(request.year); !st) return tl::unexpected(st.error());
  }
  if (!stats::IsReleaseSeries(request.series)) {
    return Invalid("series", "unknown_code", "A series is the kind of organisation that reported.");
  }
  auto area = ParseArea(ctx, request.area);
  if (!area) return tl::unexpected(area.error());
  const std::string id = area->level == "county" ? "indicators.county" : "indicators.police_region";
  const auto population = NationalPopulation(ctx.reference->geography);

  IndicatorsView view;
  view.area = *area;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto releases = (*uow)->statistics_releases().Releases(std::nullopt);
    if (!releases) return tl::unexpected(releases.error());
    // The latest release of each year (the log is by year, then number).
    std::vector<ports::ReleaseRecord> latest;
    for (const auto& r : *releases) {
      if (!latest.empty() && latest.back().year == r.year) {
        latest.back() = r;
      } else {
        latest.push_back(r);
      }
    }
    const int year = request.year ? *request.year : (latest.empty() ? 0 : latest.back().year);
    bool found = false;
    for (const auto& r : latest) {
      auto table = StoredTable(**uow, r, id, request.series);
      if (!table) return tl::unexpected(table.error());
      if (!*table) continue;
      auto cut = CutToArea(ctx, **table, *area);
      if (!cut) return tl::unexpected(cut.error());
      view.trend.push_back(PointOf(r.year, *cut, *area, population));
      if (r.year == year) {
        found = true;
        view.release = r;
        view.indicators = std::move(*cut);
      }
    }
    if (!found) return NotFound("The year is not published.");
  }
  if (auto st = AuditStatisticsRead(ctx, caller, kAction, view.release.year, {id}, client); !st) {
    return tl::unexpected(st.error());
  }
  return view;
}

}  // namespace opennrm::app::statistics
