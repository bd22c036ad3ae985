// The product's HTTP API: builds the route table over the use cases. Thin
// handlers: parse, call a use case, map the result.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/context.hpp"
#include "http/router.hpp"

namespace opennrm::http {

struct ApiOptions {
  std::string counties_geojson;        // served as-is
  std::string municipalities_geojson;  // served as-is
  bool benchmark_routes = false;       // adds GET /bench/empty
};

// Registers every route of the product on `router`. `ctx` must outlive it.
void AddApiRoutes(Router& router, const app::Context& ctx, const ApiOptions& options);

// Individual areas, used by AddApiRoutes.
void AddGeoRoutes(Router& router, const app::Context& ctx, const ApiOptions& options);
void AddReferenceRoutes(Router& router, const app::Context& ctx);
void AddOrganisationRoutes(Router& router, const app::Context& ctx);
void AddSessionRoutes(Router& router, const app::Context& ctx);
void AddUserRoutes(Router& router, const app::Context& ctx);
void AddAuditRoutes(Router& router, const app::Context& ctx);
void AddCaseRoutes(Router& router, const app::Context& ctx);
void AddClockRoutes(Router& router, const app::Context& ctx);
void AddClockRuleRoutes(Router& router, const app::Context& ctx);
void AddOffenceRoutes(Router& router, const app::Context& ctx);
void AddTaskRoutes(Router& router, const app::Context& ctx);
void AddChildTrackRoutes(Router& router, const app::Context& ctx);
void AddTrackRoutes(Router& router, const app::Context& ctx);
void AddNoteRoutes(Router& router, const app::Context& ctx);
void AddRecordRoutes(Router& router, const app::Context& ctx);
void AddPersonMergeRoutes(Router& router, const app::Context& ctx);
void AddPersonUpdateRoutes(Router& router, const app::Context& ctx);
void AddConsentRoutes(Router& router, const app::Context& ctx);
void AddReferralRoutes(Router& router, const app::Context& ctx);
void AddReferralPdfRoutes(Router& router, const app::Context& ctx);
void AddKnowledgeRoutes(Router& router, const app::Context& ctx);
void AddCrimeFigureRoutes(Router& router, const app::Context& ctx);
void AddStatisticsRoutes(Router& router, const app::Context& ctx);
void AddStatisticsViewRoutes(Router& router, const app::Context& ctx);
void AddHotlineRoutingRoutes(Router& router, const app::Context& ctx);
void AddConsultationRoutes(Router& router, const app::Context& ctx);
void AddConsultationReferralRoutes(Router& router, const app::Context& ctx);

// A JSON response with status 200 (or `status`).
Response JsonResponse(std::string body, int status = 200);

// 204 with no body.
Response NoContent();

// The authenticated caller; only on routes that are not public (the guard
// set it before the handler ran).
inline const app::Caller& CallerOf(const Request& req) { return *req.caller; }

}  // namespace opennrm::http
