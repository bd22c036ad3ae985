// The public call-back request (issue 6 point 6): POST
// /api/v1/public/callback-requests, no login, no CSRF token (no session to
// forge), a body limit of [hotline] callback_max_bytes and at most
// [hotline] callback_per_address_per_hour requests per client address
// (counted in this process's memory only; the address is never logged or
// stored). The receipt echoes nothing of what was sent.
#include <memory>

#include "app/hotline/callback_request.hpp"
#include "http/api.hpp"
#include "http/callback_rate_limiter.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

// The largest number of client addresses the limiter keeps at once.
constexpr std::size_t kTrackedAddresses = 10000;

Response TooFrequent(int retry_after_s, const Request& req) {
  Error e{ErrorCode::kTooManyRequests,
          "Too many call-back requests from this address; try again later.",
          {},
          "",
          retry_after_s};
  return ProblemResponse(e, req);
}

}  // namespace

void AddCallbackRoutes(Router& router, const app::Context& ctx) {
  app::HotlineSettings defaults;
  const app::HotlineSettings& settings = ctx.hotline ? *ctx.hotline : defaults;
  auto limiter = std::make_shared<CallbackRateLimiter>(
      ctx.clock, settings.callback_per_address_per_hour, std::chrono::hours(1), kTrackedAddresses);
  router.Add({"POST",
              "/api/v1/public/callback-requests",
              [&ctx, limiter](const Request& req) {
                // The address after trusted proxies only (http/client_address.hpp).
                const std::string& address =
                    req.client_address.empty() ? req.remote_address : req.client_address;
                if (int wait = limiter->Admit(address); wait > 0) return TooFrequent(wait, req);
                auto body = ParseJsonObject(req);
                if (!body) return ProblemResponse(body.error(), req);
                Problems problems;
                ObjectReader in(*body, "", problems);
                app::CallbackRequest request;
                request.name = in.String("name", true).value_or("");
                request.organisation = in.String("organisation", true).value_or("");
                request.phone = in.String("phone", true).value_or("");
                request.topic = in.String("topic", true).value_or("");
                request.message_language = in.String("message_language").value_or("");
                in.RejectUnknown();
                if (auto st = problems.ToStatus(); !st) return ProblemResponse(st.error(), req);
                if (auto st = app::ReceiveCallbackRequest(ctx, request, req.request_id); !st) {
                  return ProblemResponse(st.error(), req);
                }
                return JsonResponse(R"({"received":true})", 202);
              },
              static_cast<std::size_t>(settings.callback_max_bytes),
              {},
              Auth::kPublic});
}

}  // namespace opennrm::http
