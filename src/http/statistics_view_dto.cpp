#include "http/statistics_view_dto.hpp"

#include "http/organisation_dto.hpp"
#include "http/statistics_csv.hpp"
#include "http/statistics_dto.hpp"

namespace opennrm::http {

namespace {

// The lines of one table, each led by `lead` (the table id, or section and id).
std::string TableLines(const std::vector<std::string>& lead, const stats::ProtectedTable& t) {
  std::string out;
  auto add = [&](const std::string& row, const std::string& column, const stats::ProtectedCell& c) {
    std::vector<std::string> fields = lead;
    fields.push_back(row);
    fields.push_back(column);
    fields.push_back(StatisticsCsvCell(c));
    out += StatisticsCsvLine(fields);
  };
  for (size_t r = 0; r < t.rows.size(); ++r) {
    for (size_t c = 0; c < t.columns.size(); ++c) add(t.rows[r], t.columns[c], t.cells[r][c]);
    add(t.rows[r], "total", t.row_totals[r]);
  }
  for (size_t c = 0; c < t.columns.size(); ++c) add("total", t.columns[c], t.column_totals[c]);
  add("total", "total", t.total);
  return out;
}

Json ReleaseJson(const ports::ReleaseRecord& r) {
  return Json{{"number", r.number}, {"published_at", IsoTimestamp(r.published_at_us)}};
}

Json CountOrNull(const stats::Count& c) { return c ? Json(*c) : Json(nullptr); }

Json Counts(const std::vector<stats::Count>& counts) {
  Json a = Json::array();
  for (const auto& c : counts) a.push_back(CountOrNull(c));
  return a;
}

}  // namespace

Json IndicatorsJson(const app::statistics::IndicatorsView& view) {
  Json trend = Json::array();
  for (const auto& p : view.trend) {
    trend.push_back(Json{{"year", p.year},
                         {"victims", StatisticsCellJson(p.victims)},
                         {"per_100000", StatisticsRateJson(p.per_100000)}});
  }
  return Json{{"year", view.release.year},
              {"area", app::statistics::ToString(view.area)},
              {"release", ReleaseJson(view.release)},
              {"indicators", PublishedTableJson(view.release, view.area, view.indicators)},
              {"trend", std::move(trend)}};
}

Json TableGroupJson(const app::statistics::GroupView& view) {
  Json tables = Json::array();
  for (const auto& t : view.tables) tables.push_back(PublishedTableJson(view.release, {}, t));
  return Json{{"year", view.release.year},
              {"release", ReleaseJson(view.release)},
              {"tables", std::move(tables)}};
}

std::string LongCsv(const std::vector<ports::PublishedTable>& tables) {
  std::string out = StatisticsCsvLine({"table", "row", "column", "value"});
  for (const auto& t : tables) out += TableLines({t.id}, t.table);
  return out;
}

Json AnnualReportJson(const app::statistics::AnnualReport& report) {
  Json sections = Json::array();
  for (const auto& s : report.sections) {
    sections.push_back(Json{{"id", s.id},
                            {"caption", Json{{"sv", s.caption.sv}, {"en", s.caption.en}}},
                            {"table", PublishedTableJson(report.release, {}, s.table)}});
  }
  return Json{{"year", report.release.year},
              {"series", report.series},
              {"release", ReleaseJson(report.release)},
              {"sections", std::move(sections)}};
}

std::string AnnualReportCsv(const app::statistics::AnnualReport& report) {
  std::string out = StatisticsCsvLine({"section", "table", "row", "column", "value"});
  for (const auto& s : report.sections) out += TableLines({s.id, s.table.id}, s.table.table);
  return out;
}

Json OwnTableJson(const app::statistics::OwnTable& t) {
  Json cells = Json::array();
  for (const auto& row : t.counts.cells) cells.push_back(Counts(row));
  return Json{{"not_for_publication", true},
              {"organisation", t.organisation},
              {"from", FormatIsoDate(t.from)},
              {"to", FormatIsoDate(t.to)},
              {"rows", Json{{"dimension", t.rows}, {"keys", t.counts.rows}}},
              {"columns", Json{{"dimension", t.columns}, {"keys", t.counts.columns}}},
              {"cells", std::move(cells)},
              {"row_totals", Counts(t.counts.row_totals)},
              {"column_totals", Counts(t.counts.column_totals)},
              {"total", CountOrNull(t.counts.total)}};
}

}  // namespace opennrm::http
