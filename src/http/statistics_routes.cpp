// Published statistics (issue 7 items 1, 3 and 9): the catalogue, the
// publications (GET, and POST to publish a year or a revision), one
// published table as JSON or CSV, and the release log. Thin: parse, call
// the use case, map the result. A table's CSV is the same route with ".csv"
// after the id (the router matches whole path segments; no table id ends
// in ".csv").
#include "app/statistics/publications.hpp"
#include "app/statistics/release_view.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/json_body.hpp"
#include "http/note_dto.hpp"
#include "http/organisation_dto.hpp"
#include "http/problem.hpp"
#include "http/statistics_dto.hpp"

namespace opennrm::http {

namespace {

constexpr std::string_view kCsvSuffix = ".csv";

bool EndsWithCsv(const std::string& id) {
  return id.size() > kCsvSuffix.size() &&
         id.compare(id.size() - kCsvSuffix.size(), kCsvSuffix.size(), kCsvSuffix) == 0;
}

Response Table(const app::Context& ctx, const Request& req) {
  Problems p;
  app::statistics::TableRequest q;
  q.id = req.path_params.at("id");
  q.export_csv = EndsWithCsv(q.id);
  if (q.export_csv) q.id.resize(q.id.size() - kCsvSuffix.size());
  if (!req.Query("year")) p.Add("year", "required", "Which year (a published one).");
  q.year = static_cast<int>(req.IntQuery("year", 0, 1990, 9999, p));
  q.series = req.Query("series").value_or("regional_coordinator");
  q.area = req.Query("area").value_or("national");
  if (req.Query("release")) q.release = static_cast<int>(req.IntQuery("release", 1, 1, 1000000, p));
  if (req.Query("threshold")) q.threshold = req.IntQuery("threshold", 0, 0, 1000000, p);
  if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
  auto v = app::statistics::ReadPublishedTable(ctx, CallerOf(req), q, ClientOf(req));
  if (!v) return ProblemResponse(v.error(), req);
  if (!q.export_csv) return JsonAnswer(PublishedTableJson(v->release, v->area, v->table));
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = PublishedTableCsv(v->table);
  r.headers.emplace_back("Content-Disposition",
                         ContentDisposition(PublishedTableFileName(v->release, v->area, v->table)));
  return r;
}

}  // namespace

void AddStatisticsRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"GET", "/api/v1/statistics/catalogue", [c](const Request& req) {
                auto cat = app::statistics::ReadCatalogue(*c, CallerOf(req), ClientOf(req));
                if (!cat) return ProblemResponse(cat.error(), req);
                return JsonAnswer(CatalogueJson(*cat));
              }});

  router.Add({"GET", "/api/v1/statistics/publications", [c](const Request& req) {
                auto years = app::statistics::ListPublications(*c, CallerOf(req), ClientOf(req));
                if (!years) return ProblemResponse(years.error(), req);
                Json items = Json::array();
                for (const auto& y : *years) items.push_back(PublishedYearJson(y));
                return JsonAnswer(Json{{"items", std::move(items)}});
              }});

  router.Add({"POST", "/api/v1/statistics/publications", [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                ObjectReader r(*body, "", p);
                const long long year = r.Integer("year", true).value_or(0);
                r.RejectUnknown();
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                if (year < 1990 || year > 9999) {
                  p.Add("year", "range", "A year from 1990 to 9999.");
                  return ProblemResponse(p.ToStatus().error(), req);
                }
                auto done = app::statistics::PublishYear(*c, CallerOf(req), static_cast<int>(year),
                                                         ClientOf(req));
                if (!done) return ProblemResponse(done.error(), req);
                return JsonAnswer(Json{{"year", done->year},
                                       {"release", done->release},
                                       {"tables", done->tables},
                                       {"published_at", IsoTimestamp(done->published_at_us)}},
                                  201);
              }});

  router.Add({"GET",
              "/api/v1/statistics/tables/{id}",
              [c](const Request& req) { return Table(*c, req); },
              0,
              {"year", "series", "area", "release", "threshold"}});

  router.Add({"GET",
              "/api/v1/statistics/releases",
              [c](const Request& req) {
                Problems p;
                std::optional<int> year;
                if (req.Query("year"))
                  year = static_cast<int>(req.IntQuery("year", 0, 1990, 9999, p));
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto log = app::statistics::ReleaseLog(*c, CallerOf(req), year, ClientOf(req));
                if (!log) return ProblemResponse(log.error(), req);
                Json items = Json::array();
                for (const auto& r : *log) items.push_back(ReleaseRecordJson(r));
                return JsonAnswer(Json{{"items", std::move(items)}});
              },
              0,
              {"year"}});
}

}  // namespace opennrm::http
