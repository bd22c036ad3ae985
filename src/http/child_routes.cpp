// The child track: records (report of concern, immediate custody, guardian,
// age assessment) with the clocks they start, and missing-child alerts.
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/clock_dto.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

Response AlertResponse(const Result<app::MissingAlertView>& v, const Request& req, int status) {
  if (!v) return ProblemResponse(v.error(), req);
  return JsonResponse(Dump(MissingAlertJson(*v)), status);
}

}  // namespace

void AddChildTrackRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"POST", "/api/v1/cases/{id}/persons/{person_id}/child-track",
              [c](const Request& req) {
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems p;
                app::ChildTrackEntry in = ReadChildTrackEntry(*body, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto made =
                    app::RecordChildTrack(*c, CallerOf(req), req.path_params.at("id"),
                                          req.path_params.at("person_id"), in, ClientOf(req));
                if (!made) return ProblemResponse(made.error(), req);
                return JsonResponse(Dump(ChildTrackRecordJson(*made)), 201);
              },
              16 * 1024});

  router.Add({"GET", "/api/v1/cases/{id}/child-track", [c](const Request& req) {
                auto view =
                    app::ReadChildTrack(*c, CallerOf(req), req.path_params.at("id"), ClientOf(req));
                if (!view) return ProblemResponse(view.error(), req);
                Json records = Json::array();
                for (const auto& r : view->records) records.push_back(ChildTrackRecordJson(r));
                Json alerts = Json::array();
                for (const auto& a : view->alerts) alerts.push_back(MissingAlertJson(a));
                bool open = false;
                for (const auto& a : view->alerts) open = open || a.open;
                return JsonResponse(Dump(Json{{"records", std::move(records)},
                                              {"alerts", std::move(alerts)},
                                              {"missing_alert_open", open}}));
              }});

  router.Add({"POST", "/api/v1/cases/{id}/persons/{person_id}/missing", [c](const Request& req) {
                return AlertResponse(
                    app::OpenMissingAlert(*c, CallerOf(req), req.path_params.at("id"),
                                          req.path_params.at("person_id"), ClientOf(req)),
                    req, 201);
              }});

  router.Add(
      {"POST", "/api/v1/cases/{id}/persons/{person_id}/missing/resolved", [c](const Request& req) {
         return AlertResponse(
             app::ResolveMissingAlert(*c, CallerOf(req), req.path_params.at("id"),
                                      req.path_params.at("person_id"), ClientOf(req)),
             req, 200);
       }});
}

}  // namespace opennrm::http
