// Clocks on cases: apply or start, decide, renew, revoke, list with days left.
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/clock_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

Response ClockResponse(const Result<app::ClockView>& v, const Request& req, int status = 200) {
  if (!v) return ProblemResponse(v.error(), req);
  return JsonResponse(Dump(ClockJson(*v)), status);
}

// Parses the body with `read`, then calls `run` with what it read.
template <class Read, class Run>
Response WithBody(const Request& req, Read read, Run run) {
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(body.error(), req);
  Problems p;
  auto in = read(*body, p);
  if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
  return run(in);
}

}  // namespace

void AddClockRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST", "/api/v1/cases/{id}/clocks",
              [c](const Request& req) {
                return WithBody(req, ReadNewClock, [&](const app::NewClock& in) {
                  return ClockResponse(app::ApplyClock(*c, CallerOf(req), req.path_params.at("id"),
                                                       in, ClientOf(req)),
                                       req, 201);
                });
              },
              8 * 1024});

  router.Add({"GET", "/api/v1/cases/{id}/clocks", [c](const Request& req) {
                auto list =
                    app::ListClocks(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& v : *list) items.push_back(ClockJson(v));
                return JsonResponse(Dump(Json{{"items", std::move(items)}}));
              }});

  router.Add({"POST", "/api/v1/cases/{id}/clocks/{clock_id}/decision",
              [c](const Request& req) {
                return WithBody(req, ReadClockDecision, [&](const app::ClockDecision& in) {
                  return ClockResponse(
                      app::DecideClock(*c, CallerOf(req), req.path_params.at("id"),
                                       req.path_params.at("clock_id"), in, ClientOf(req)),
                      req);
                });
              },
              8 * 1024});

  router.Add({"POST", "/api/v1/cases/{id}/clocks/{clock_id}/renewal",
              [c](const Request& req) {
                return WithBody(req, ReadClockRenewal, [&](const app::ClockRenewal& in) {
                  return ClockResponse(
                      app::RenewClock(*c, CallerOf(req), req.path_params.at("id"),
                                      req.path_params.at("clock_id"), in, ClientOf(req)),
                      req);
                });
              },
              8 * 1024});

  router.Add({"POST", "/api/v1/cases/{id}/clocks/{clock_id}/revocation",
              [c](const Request& req) {
                auto read = [](const Json& body, Problems& p) {
                  ObjectReader r(body, "", p);
                  auto on = ReadDate(r, "revoked_on", p, true);
                  r.RejectUnknown();
                  return on;
                };
                return WithBody(req, read, [&](const std::optional<CivilDate>& on) {
                  return ClockResponse(
                      app::RevokeClock(*c, CallerOf(req), req.path_params.at("id"),
                                       req.path_params.at("clock_id"), on, ClientOf(req)),
                      req);
                });
              },
              4 * 1024});
}

}  // namespace opennrm::http
