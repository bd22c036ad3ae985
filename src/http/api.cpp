#include "http/api.hpp"

namespace opennrm::http {

Response JsonResponse(std::string body, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

void AddApiRoutes(Router& router, const app::Context& ctx, const ApiOptions& options) {
  AddGeoRoutes(router, ctx, options);
  AddReferenceRoutes(router, ctx);
  AddOrganisationRoutes(router, ctx);
  if (options.benchmark_routes) {
    // Exists only when the server is started for benchmarking: the baseline
    // that goes through the same pipeline and does no work.
    router.Add({"GET", "/bench/empty", [](const Request&) { return JsonResponse("{}"); }});
  }
}

}  // namespace opennrm::http
