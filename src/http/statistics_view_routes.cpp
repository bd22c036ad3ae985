// The statistics views (issue 7 items 4-7; docs/design/statistics-api.md):
// the indicators with their trend, the hotline tables, the EU layout (JSON
// and one long CSV), the annual report (JSON, and CSV and JSON exports) —
// all read from the stored releases — and the own figures (exact, not for
// publication, never exported). Thin: parse, call the use case, map.
#include "app/statistics/eu_tables.hpp"
#include "app/statistics/hotline_own.hpp"
#include "app/statistics/hotline_tables.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/json_body.hpp"
#include "http/note_dto.hpp"
#include "http/problem.hpp"
#include "http/statistics_view_dto.hpp"

namespace opennrm::http {

namespace {

std::optional<int> YearOf(const Request& req, Problems& p) {
  if (!req.Query("year")) return std::nullopt;
  return static_cast<int>(req.IntQuery("year", 0, 1990, 9999, p));
}

std::optional<CivilDate> DateOf(const Request& req, const std::string& name, Problems& p) {
  if (!req.Query(name)) return std::nullopt;
  return req.DateQuery(name, CivilDate{}, p);
}

Response File(std::string body, const std::string& content_type, const std::string& file_name) {
  Response r;
  r.content_type = content_type;
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", ContentDisposition(file_name));
  return r;
}

// The annual report as JSON (`format` ""), or an export ("csv", "json").
Response AnnualReport(const app::Context& ctx, const Request& req, const std::string& format) {
  Problems p;
  auto year = YearOf(req, p);
  if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
  auto report =
      app::statistics::ReadAnnualReport(ctx, CallerOf(req), year, !format.empty(), ClientOf(req));
  if (!report) return ProblemResponse(report.error(), req);
  const std::string name = "annual-report-" + std::to_string(report->release.year);
  if (format == "csv") {
    return File(AnnualReportCsv(*report), "text/csv; charset=utf-8", name + ".csv");
  }
  Json body = AnnualReportJson(*report);
  if (format == "json") return File(body.dump(), "application/json", name + ".json");
  return JsonAnswer(std::move(body));
}

Response Eu(const app::Context& ctx, const Request& req, bool csv) {
  Problems p;
  auto year = YearOf(req, p);
  if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
  auto view = app::statistics::ReadEu(ctx, CallerOf(req), year,
                                      req.Query("series").value_or("regional_coordinator"), csv,
                                      ClientOf(req));
  if (!view) return ProblemResponse(view.error(), req);
  if (!csv) return JsonAnswer(TableGroupJson(*view));
  return File(LongCsv(view->tables), "text/csv; charset=utf-8",
              "eu-" + std::to_string(view->release.year) + ".csv");
}

}  // namespace

void AddStatisticsViewRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"GET",
              "/api/v1/statistics/indicators",
              [c](const Request& req) {
                Problems p;
                app::statistics::IndicatorsRequest q;
                q.year = YearOf(req, p);
                q.area = req.Query("area").value_or("national");
                q.series = req.Query("series").value_or("regional_coordinator");
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto v = app::statistics::ReadIndicators(*c, CallerOf(req), q, ClientOf(req));
                if (!v) return ProblemResponse(v.error(), req);
                return JsonAnswer(IndicatorsJson(*v));
              },
              0,
              {"year", "area", "series"}});

  router.Add({"GET",
              "/api/v1/statistics/hotline",
              [c](const Request& req) {
                Problems p;
                auto year = YearOf(req, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto v = app::statistics::ReadHotline(*c, CallerOf(req), year, ClientOf(req));
                if (!v) return ProblemResponse(v.error(), req);
                return JsonAnswer(TableGroupJson(*v));
              },
              0,
              {"year"}});

  router.Add({"GET",
              "/api/v1/statistics/eu",
              [c](const Request& req) { return Eu(*c, req, false); },
              0,
              {"year", "series"}});
  router.Add({"GET",
              "/api/v1/statistics/eu.csv",
              [c](const Request& req) { return Eu(*c, req, true); },
              0,
              {"year", "series"}});

  router.Add({"GET",
              "/api/v1/statistics/annual-report",
              [c](const Request& req) { return AnnualReport(*c, req, ""); },
              0,
              {"year"}});
  router.Add({"GET",
              "/api/v1/statistics/annual-report.csv",
              [c](const Request& req) { return AnnualReport(*c, req, "csv"); },
              0,
              {"year"}});
  router.Add({"GET",
              "/api/v1/statistics/annual-report.json",
              [c](const Request& req) { return AnnualReport(*c, req, "json"); },
              0,
              {"year"}});

  router.Add({"GET",
              "/api/v1/statistics/own",
              [c](const Request& req) {
                Problems p;
                app::statistics::OwnRequest q;
                q.from = DateOf(req, "from", p);
                q.to = DateOf(req, "to", p);
                q.rows = req.Query("rows").value_or("");
                q.columns = req.Query("columns").value_or("");
                q.format = req.Query("format").value_or("");
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto t = app::statistics::ReadOwnFigures(*c, CallerOf(req), q, ClientOf(req));
                if (!t) return ProblemResponse(t.error(), req);
                return JsonAnswer(OwnTableJson(*t));
              },
              0,
              {"from", "to", "rows", "columns", "format"}});

  router.Add({"GET",
              "/api/v1/statistics/hotline/own",
              [c](const Request& req) {
                Problems p;
                app::statistics::HotlineOwnRequest q;
                q.from = DateOf(req, "from", p);
                q.to = DateOf(req, "to", p);
                q.by = req.Query("by").value_or("month");
                q.format = req.Query("format").value_or("");
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto t = app::statistics::ReadHotlineOwn(*c, CallerOf(req), q, ClientOf(req));
                if (!t) return ProblemResponse(t.error(), req);
                return JsonAnswer(OwnTableJson(*t));
              },
              0,
              {"from", "to", "by", "format"}});
}

}  // namespace opennrm::http
