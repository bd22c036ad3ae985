#include "http/api.hpp"
#include "http/health.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

void AddHealthRoutes(Router& router, ports::Database& db, Metrics& metrics, bool expose_metrics) {
  router.Add({"GET",
              "/healthz",
              [](const Request&) { return JsonResponse(R"({"status":"ok"})"); },
              0,
              {},
              Auth::kPublic});
  router.Add({"GET",
              "/readyz",
              [&db](const Request& req) {
                if (auto st = db.Ping(); !st) {
                  return ProblemResponse(503, "unavailable", "Not ready.",
                                         "The database does not answer.", req);
                }
                return JsonResponse(R"({"status":"ready","database":")" + db.Dialect() + "\"}");
              },
              0,
              {},
              Auth::kPublic});
  // Metrics hold no personal data; an operator may still want them behind
  // a sign-in (metrics = false): then a session or an API token is needed.
  router.Add({"GET",
              "/metrics",
              [&db, &metrics](const Request&) {
                Response r;
                r.content_type = "text/plain; version=0.0.4; charset=utf-8";
                r.body = metrics.Render(db.Pool(), db.Dialect());
                return r;
              },
              0,
              {},
              expose_metrics ? Auth::kPublic : Auth::kActive});
}

}  // namespace opennrm::http
