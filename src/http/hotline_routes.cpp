// The hotline's routing (app/hotline/routing.hpp): POST /hotline/routing
// (who should act on a situation, why and on what basis), GET /hotline/setup
// (office hours, the numbers, the words of the intake form), and
// POST /admin/hotline/routing-rules/reload (the system administrator reads
// the rules file again). Thin: read the body, call the use case, write JSON
// (http/hotline_dto.hpp).
#include "app/hotline/routing.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/hotline_dto.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {}  // namespace

void AddHotlineRoutingRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST", "/api/v1/hotline/routing",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                hotline::Situation s = ReadSituation(*body, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto routed = app::RouteSituation(*c, CallerOf(req), s, ClientOf(req));
                if (!routed) return ProblemResponse(routed.error(), req);
                return JsonAnswer(RoutingJson(*routed));
              },
              8 * 1024});

  router.Add({"GET", "/api/v1/hotline/setup", [c](const Request& req) {
                auto setup = app::HotlineSetup(*c, CallerOf(req));
                if (!setup) return ProblemResponse(setup.error(), req);
                return JsonAnswer(HotlineSetupJson(*setup));
              }});

  router.Add({"POST", "/api/v1/admin/hotline/routing-rules/reload",
              [c](const Request& req) {
                const app::RoutingRulesReader none;
                const app::RoutingRulesReader& reader = c->routing ? c->routing->reader() : none;
                auto reloaded = app::ReloadRoutingRules(*c, CallerOf(req), reader, ClientOf(req));
                if (!reloaded) return ProblemResponse(reloaded.error(), req);
                return JsonAnswer(ReloadJson(*reloaded));
              },
              1024});
}

}  // namespace opennrm::http
