#include "http/api.hpp"

#include "app/auth/record_change.hpp"
#include "http/auth_guard.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

// The public call-back request (http/callback_routes.cpp).
void AddCallbackRoutes(Router& router, const app::Context& ctx);

Response JsonResponse(std::string body, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

namespace {

// Adds `from`'s routes to `router`, each requiring the action `pick` names.
void AddWithAction(Router& router, const Router& from,
                   const std::function<access::Action(const Route&)>& pick) {
  for (Route r : from.routes()) {
    r.action = pick(r);
    router.Add(std::move(r));
  }
}

// Every change to the directory is audited once it succeeded.
Handler Audited(const app::Context& ctx, Handler inner) {
  return [&ctx, inner = std::move(inner)](const Request& req) {
    Response r = inner(req);
    if (r.status >= 300 || !req.caller) return r;
    std::string id;
    auto it = req.path_params.find("id");
    if (it != req.path_params.end()) id = it->second;
    for (const auto& [k, v] : r.headers) {
      if (k == "Location") id = v.substr(v.rfind('/') + 1);
    }
    std::string action = req.method == "POST" && id.empty()  ? "organisation.created"
                         : req.path.ends_with("/activate")   ? "organisation.activated"
                         : req.path.ends_with("/deactivate") ? "organisation.deactivated"
                         : req.method == "POST"              ? "organisation.created"
                                                             : "organisation.updated";
    auto st = app::RecordChange(ctx, *req.caller, action, "organisation", id, id, ClientOf(req));
    if (!st) return ProblemResponse(st.error(), req);
    return r;
  };
}

}  // namespace

void AddApiRoutes(Router& router, const app::Context& ctx, const ApiOptions& options) {
  Router reference;
  AddGeoRoutes(reference, ctx, options);
  AddReferenceRoutes(reference, ctx);
  AddWithAction(router, reference, [](const Route&) { return access::Action::kReferenceRead; });
  Router directory;
  AddOrganisationRoutes(directory, ctx);
  for (Route r : directory.routes()) {
    if (r.method == "GET") {
      r.action = access::Action::kDirectoryRead;
    } else {
      r.action = access::Action::kDirectoryManage;
      r.handler = Audited(ctx, std::move(r.handler));
    }
    router.Add(std::move(r));
  }
  AddSessionRoutes(router, ctx);
  AddUserRoutes(router, ctx);
  AddAuditRoutes(router, ctx);
  AddCaseRoutes(router, ctx);
  AddClockRoutes(router, ctx);
  AddClockRuleRoutes(router, ctx);
  AddOffenceRoutes(router, ctx);
  AddTaskRoutes(router, ctx);
  AddChildTrackRoutes(router, ctx);
  AddTrackRoutes(router, ctx);
  AddNoteRoutes(router, ctx);
  AddRecordRoutes(router, ctx);
  AddPersonMergeRoutes(router, ctx);
  AddPersonUpdateRoutes(router, ctx);
  AddConsentRoutes(router, ctx);
  AddReferralRoutes(router, ctx);
  AddReferralPdfRoutes(router, ctx);
  AddCallbackRoutes(router, ctx);
  AddHotlineRoutingRoutes(router, ctx);
  AddConsultationRoutes(router, ctx);
  AddConsultationReferralRoutes(router, ctx);
  AddKnowledgeRoutes(router, ctx);
  AddCrimeFigureRoutes(router, ctx);
  AddStatisticsRoutes(router, ctx);
  AddStatisticsViewRoutes(router, ctx);
  if (ctx.security) router.SetGuard(MakeAuthGuard(ctx));
  if (options.benchmark_routes) {
    // Exists only when the server is started for benchmarking: the baseline
    // that goes through the same pipeline and does no work.
    router.Add({"GET",
                "/bench/empty",
                [](const Request&) { return JsonResponse("{}"); },
                0,
                {},
                Auth::kPublic});
  }
}

}  // namespace opennrm::http
