#include "http/pipeline.hpp"

#include "http/client_address.hpp"

#include <spdlog/spdlog.h>

#include <random>

namespace opennrm::http {

namespace {

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// Paths the web app never owns: an unknown one is a 404 problem, not index.html.
bool IsApiPath(const std::string& path) {
  for (const char* root : {"/api", "/healthz", "/readyz", "/metrics", "/bench"}) {
    std::string r(root);
    if (path == r || path.rfind(r + "/", 0) == 0) return true;
  }
  return false;
}

}  // namespace

std::string Pipeline::RequestIdFrom(const std::optional<std::string>& header) {
  if (header && !header->empty() && header->size() <= 64) {
    bool safe = true;
    for (char c : *header) {
      safe =
          safe && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
    }
    if (safe) return *header;
  }
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng()));
  return buf;
}

std::size_t Pipeline::LargestBody() const {
  std::size_t largest = options_.max_body_bytes;
  for (const auto& r : router_.routes()) largest = std::max(largest, r.max_body_bytes);
  return largest;
}

Pipeline::Prepared Pipeline::Prepare(Request& request) const {
  Prepared out;
  request.client_address = ResolveClientAddress(
      request.remote_address, request.Header("x-forwarded-for"), options_.trusted_proxies);
  std::size_t header_bytes = request.path.size();
  for (const auto& [k, v] : request.headers) header_bytes += k.size() + v.size() + 4;
  for (const auto& [k, v] : request.query) header_bytes += k.size() + v.size() + 2;
  if (header_bytes > options_.max_header_bytes) {
    out.response = ProblemResponse(
        431, "header-too-large", "Request headers are too large.",
        "Headers and URL may hold at most " + std::to_string(options_.max_header_bytes) + " bytes.",
        request, {{"headers", "max_size", "Too large."}});
    return out;
  }
  RouteMatch match = router_.Find(request.method, request.path);
  if (match.route) out.label = match.route->pattern;
  if (!match.route) {
    if (match.other_method) {
      std::string allow;
      for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      out.response = ProblemResponse(405, "method-not-allowed", "Method not allowed.",
                                     request.method + " is not allowed here; use " + allow + ".",
                                     request, {{"method", "allowed", allow}});
      out.response->headers.emplace_back("Allow", allow);
      return out;
    }
    if (!IsApiPath(request.path) && request.method == "GET") {
      out.label = "static";
      if (auto file = files_.Serve(request.path)) {
        out.response = std::move(*file);
        return out;
      }
    }
    out.response = ProblemResponse(404, "not-found", "Not found.",
                                   "There is no resource at this address.", request);
    return out;
  }
  std::size_t limit =
      match.route->max_body_bytes ? match.route->max_body_bytes : options_.max_body_bytes;
  if (request.body.size() > limit) {
    out.response = ProblemResponse(413, "too-large", "The request body is too large.",
                                   "The body may hold at most " + std::to_string(limit) + " bytes.",
                                   request, {{"body", "max_size", std::to_string(limit)}});
    return out;
  }
  Problems unknown;
  for (const auto& [k, v] : request.query) {
    const auto& allowed = match.route->query;
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      unknown.Add(k.size() > 64 ? k.substr(0, 64) : k, "unknown_parameter",
                  "This query parameter is not understood here.");
    }
  }
  if (!unknown.empty()) {
    out.response = ProblemResponse(unknown.ToStatus().error(), request);
    return out;
  }
  request.path_params = std::move(match.params);
  out.route = match.route;
  return out;
}

Response Pipeline::Handle(const Route& route, Request& request) const {
  try {
    if (route.auth != Auth::kPublic) {
      if (!router_.guard()) {
        return ProblemResponse(401, "unauthenticated", "Sign in first.",
                               "This server has no way to sign in.", request);
      }
      if (auto early = router_.guard()(route, request)) return std::move(*early);
    }
    return route.handler(request);
  } catch (const std::exception& e) {
    spdlog::error(
        R"("msg":"handler failed","request_id":"{}","route":"{}","error_type":"exception")",
        request.request_id, route.pattern);
  } catch (...) {
    spdlog::error(R"("msg":"handler failed","request_id":"{}","route":"{}")", request.request_id,
                  route.pattern);
  }
  return ProblemResponse(Error{ErrorCode::kInternal, "", {}}, request);
}

void Pipeline::Finalize(const Request& request, Response& response) const {
  auto& h = response.headers;
  h.emplace_back("Content-Security-Policy", kCsp);
  h.emplace_back("X-Content-Type-Options", "nosniff");
  h.emplace_back("Referrer-Policy", "no-referrer");
  h.emplace_back("X-Frame-Options", "DENY");
  h.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  h.emplace_back("Cross-Origin-Resource-Policy", "same-origin");
  h.emplace_back("X-Request-Id", request.request_id);
  // Served over TLS, here or by a trusted proxy: the browser must keep to HTTPS.
  if (options_.Tls() || (IsTrusted(request.remote_address, options_.trusted_proxies) &&
                         request.Header("x-forwarded-proto") == "https")) {
    h.emplace_back("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  bool has_cache = false;
  for (const auto& [k, v] : h) has_cache = has_cache || k == "Cache-Control";
  if (!has_cache) h.emplace_back("Cache-Control", "no-store");
}

void Pipeline::Complete(const std::string& route, const Request& request, int status,
                        std::chrono::steady_clock::time_point start) {
  auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  metrics_.Observe(route, request.method, status, elapsed);
  if (status >= 500) {
    spdlog::warn(
        R"("msg":"request","request_id":"{}","method":"{}","route":"{}","status":{},"duration_ms":{:.3f})",
        request.request_id, request.method, route, status, elapsed.count() / 1000.0);
  } else {
    spdlog::info(
        R"("msg":"request","request_id":"{}","method":"{}","route":"{}","status":{},"duration_ms":{:.3f})",
        request.request_id, request.method, route, status, elapsed.count() / 1000.0);
  }
}

}  // namespace opennrm::http
