#include "http/statistics_dto.hpp"

#include "http/organisation_dto.hpp"
#include "http/statistics_csv.hpp"

namespace opennrm::http {

namespace {

Json Cells(const std::vector<stats::ProtectedCell>& cells) {
  Json a = Json::array();
  for (const auto& c : cells) a.push_back(StatisticsCellJson(c));
  return a;
}

Json Rates(const std::vector<stats::ProtectedRate>& rates) {
  Json a = Json::array();
  for (const auto& r : rates) a.push_back(StatisticsRateJson(r));
  return a;
}

}  // namespace

namespace {

// A cell or a rate: shown with its value, suppressed (never why), or unknown.
template <typename Protected>
Json StatusJson(const Protected& p) {
  switch (p.status) {
    case stats::CellStatus::kShown:
      if (p.value) return Json{{"status", "shown"}, {"value", *p.value}};
      break;
    case stats::CellStatus::kSuppressed:
      return Json{{"status", "suppressed"}};
    case stats::CellStatus::kUnknown:
      break;
  }
  return Json{{"status", "unknown"}};
}

}  // namespace

Json StatisticsCellJson(const stats::ProtectedCell& cell) { return StatusJson(cell); }

Json StatisticsRateJson(const stats::ProtectedRate& rate) { return StatusJson(rate); }

Json PublishedTableJson(const ports::ReleaseRecord& release, const app::statistics::Area& area,
                        const ports::PublishedTable& p) {
  const auto& t = p.table;
  Json cells = Json::array();
  for (const auto& row : t.cells) cells.push_back(Cells(row));
  Json j{{"id", p.id},
         {"group", p.group},
         {"year", release.year},
         {"series", p.series},
         {"release",
          {{"number", release.number}, {"published_at", IsoTimestamp(release.published_at_us)}}},
         {"area", {{"level", area.level}, {"code", area.code}}},
         {"policy", {{"threshold", t.policy.threshold}, {"rounding_base", t.policy.rounding_base}}},
         {"rows", {{"dimension", p.row_dimension}, {"keys", t.rows}}},
         {"columns", {{"dimension", p.column_dimension}, {"keys", t.columns}}},
         {"cells", std::move(cells)},
         {"row_totals", Cells(t.row_totals)},
         {"column_totals", Cells(t.column_totals)},
         {"total", StatisticsCellJson(t.total)},
         {"rows_add_up", t.rows_add_up},
         {"columns_add_up", t.columns_add_up},
         {"official", p.official}};
  if (!p.geography.empty()) j["rates_per_100000"] = Rates(p.rates_per_100000);
  if (!p.share_base.empty()) {
    Json columns = Json::object();
    for (const auto& [column, shares] : p.shares) columns[column] = Rates(shares);
    j["shares"] = Json{{"base", p.share_base}, {"columns", std::move(columns)}};
  }
  return j;
}

std::string PublishedTableCsv(const ports::PublishedTable& p) {
  const auto& t = p.table;
  std::vector<std::string> header{p.row_dimension};
  header.insert(header.end(), t.columns.begin(), t.columns.end());
  header.push_back("total");
  std::string out = StatisticsCsvLine(header);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    std::vector<std::string> line{t.rows[r]};
    for (const auto& c : t.cells[r]) line.push_back(StatisticsCsvCell(c));
    line.push_back(StatisticsCsvCell(t.row_totals[r]));
    out += StatisticsCsvLine(line);
  }
  std::vector<std::string> totals{"total"};
  for (const auto& c : t.column_totals) totals.push_back(StatisticsCsvCell(c));
  totals.push_back(StatisticsCsvCell(t.total));
  out += StatisticsCsvLine(totals);
  return out;
}

std::string PublishedTableFileName(const ports::ReleaseRecord& release,
                                   const app::statistics::Area& area,
                                   const ports::PublishedTable& table) {
  std::string name = table.id + "-" + std::to_string(release.year);
  if (!table.series.empty()) name += "-" + table.series;
  name += "-" + app::statistics::ToString(area);
  for (char& ch : name) {
    const bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                       (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
    if (!plain) ch = '-';
  }
  return name + ".csv";
}

Json PublishedYearJson(const app::statistics::PublishedYear& y) {
  Json releases = Json::array();
  for (const auto& r : y.releases) {
    releases.push_back({{"number", r.number},
                        {"published_at", IsoTimestamp(r.published_at_us)},
                        {"tables", r.tables}});
  }
  return Json{{"year", y.year},
              {"release", y.latest.number},
              {"published_at", IsoTimestamp(y.latest.published_at_us)},
              {"published_by_organisation", y.latest.published_by_organisation},
              {"releases", std::move(releases)}};
}

Json ReleaseRecordJson(const ports::ReleaseRecord& r) {
  return Json{{"year", r.year},
              {"number", r.number},
              {"published_at", IsoTimestamp(r.published_at_us)},
              {"tables", r.tables},
              {"by_organisation", r.published_by_organisation}};
}

Json CatalogueJson(const app::statistics::Catalogue& c) {
  Json tables = Json::array();
  for (const auto& t : c.tables) {
    tables.push_back({{"id", t.id}, {"group", t.group}, {"rows", t.rows}, {"columns", t.columns}});
  }
  return Json{{"tables", std::move(tables)},
              {"series", c.series},
              {"dimensions", c.dimensions},
              {"policy",
               {{"threshold", c.policy.threshold},
                {"rounding_base", c.policy.rounding_base},
                {"minimum_threshold", c.minimum_threshold}}}};
}

}  // namespace opennrm::http
