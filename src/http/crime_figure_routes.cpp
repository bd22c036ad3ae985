// Official crime figures (statistics, issue 7 item 2): the national unit's
// CSV import and the list. Thin: parse, call the use case, map the result.
#include "app/statistics/crime_figures.hpp"
#include "domain/stats/crime_figures_csv.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/crime_figure_dto.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

// A year query parameter, or nullopt when absent (a problem when malformed).
std::optional<int> YearQuery(const Request& req, const std::string& name, Problems& p) {
  if (!req.Query(name)) return std::nullopt;
  const size_t before = p.items().size();
  auto year = static_cast<int>(req.IntQuery(name, 0, 1900, 9999, p));
  if (p.items().size() != before) return std::nullopt;
  return year;
}

}  // namespace

void AddCrimeFigureRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST", "/api/v1/statistics/crime-figures",
              [c](const Request& req) {
                if (auto st = RequireCsvMediaType(req.Header("content-type")); !st) {
                  return ProblemResponse(st.error(), req);
                }
                auto done =
                    app::statistics::ImportCrimeFigures(*c, CallerOf(req), req.body, ClientOf(req));
                if (!done) return ProblemResponse(done.error(), req);
                return JsonAnswer(CrimeFiguresImportedJson(*done));
              },
              stats::kMaxCrimeFigureBytes});

  router.Add({"GET",
              "/api/v1/statistics/crime-figures",
              [c](const Request& req) {
                Problems p;
                auto from = YearQuery(req, "from", p);
                auto to = YearQuery(req, "to", p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto rows =
                    app::statistics::ListCrimeFigures(*c, CallerOf(req), from, to, ClientOf(req));
                if (!rows) return ProblemResponse(rows.error(), req);
                Json items = Json::array();
                for (const auto& f : *rows) items.push_back(CrimeFigureJson(f));
                return JsonAnswer(Json{{"items", std::move(items)}});
              },
              0,
              {"from", "to"}});
}

}  // namespace opennrm::http
