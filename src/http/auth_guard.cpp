#include "http/auth_guard.hpp"

#include "app/auth/authenticate.hpp"
#include "domain/access/policy.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

bool SafeMethod(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

// Compares in time independent of where the strings differ.
bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// The route's own action, for routes about no particular record.
std::optional<Response> CheckAction(const Route& route, const Request& req) {
  if (!route.action) return std::nullopt;
  auto d = access::Decide(req.caller->actor, *route.action, access::Resource{});
  if (d.allowed) return std::nullopt;
  return ProblemResponse(Error{ErrorCode::kForbidden,
                               "You may not do this (" + std::string(d.reason) + ").",
                               {},
                               "forbidden"},
                         req);
}

Response WithClearedCookie(Response r) {
  r.headers.emplace_back("Set-Cookie", ClearedSessionCookie());
  return r;
}

}  // namespace

std::string SessionCookie(const std::string& token, std::chrono::seconds max_age) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; Max-Age=" + std::to_string(max_age.count()) +
         "; Secure; HttpOnly; SameSite=Strict";
}

std::string ClearedSessionCookie() {
  return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict";
}

std::optional<std::string> SessionToken(const Request& request) {
  std::string prefix = std::string(kSessionCookie) + "=";
  for (const auto& [name, value] : request.headers) {
    if (name != "cookie") continue;
    size_t start = 0;
    while (start <= value.size()) {
      size_t end = value.find(';', start);
      if (end == std::string::npos) end = value.size();
      std::string pair = Trim(std::string_view(value).substr(start, end - start));
      if (pair.rfind(prefix, 0) == 0) return pair.substr(prefix.size());
      start = end + 1;
    }
  }
  return std::nullopt;
}

app::ClientInfo ClientOf(const Request& request) {
  app::ClientInfo c;
  c.address = request.client_address.empty() ? request.remote_address : request.client_address;
  c.request_id = request.request_id;
  // A coarse label of the user agent for "my sessions": browser and system
  // only, never the full string.
  std::string ua = request.Header("user-agent").value_or("");
  std::string browser = ua.find("Firefox/") != std::string::npos  ? "Firefox"
                        : ua.find("Edg/") != std::string::npos    ? "Edge"
                        : ua.find("Chrome/") != std::string::npos ? "Chrome"
                        : ua.find("Safari/") != std::string::npos ? "Safari"
                        : ua.find("curl/") != std::string::npos   ? "curl"
                                                                  : "Other";
  std::string system = ua.find("Windows") != std::string::npos   ? "Windows"
                       : ua.find("Android") != std::string::npos ? "Android"
                       : ua.find("iPhone") != std::string::npos  ? "iOS"
                       : ua.find("Mac OS") != std::string::npos  ? "macOS"
                       : ua.find("Linux") != std::string::npos   ? "Linux"
                                                                 : "";
  c.label = system.empty() ? browser : browser + " on " + system;
  return c;
}

Guard MakeAuthGuard(const app::Context& ctx) {
  const app::Context* c = &ctx;
  return [c](const Route& route, Request& req) -> std::optional<Response> {
    if (route.auth == Auth::kPublic) return std::nullopt;
    if (route.auth == Auth::kLogin) return std::nullopt;  // signing in needs nothing yet

    // An API token, for integrations: never on the login flow, no CSRF
    // (it is not sent by browsers on their own).
    if (auto authz = req.Header("authorization")) {
      if (authz->rfind("Bearer ", 0) != 0) {
        return ProblemResponse(
            Error{ErrorCode::kUnauthenticated, "Use a Bearer token.", {}, "unauthenticated"}, req);
      }
      if (route.auth != Auth::kActive) {
        return ProblemResponse(
            Error{ErrorCode::kForbidden, "API tokens cannot sign in.", {}, "token-not-allowed"},
            req);
      }
      auto caller = app::AuthenticateApiToken(*c, Trim(authz->substr(7)));
      if (!caller) return ProblemResponse(caller.error(), req);
      req.caller = std::make_shared<const app::Caller>(std::move(*caller));
      return CheckAction(route, req);
    }

    auto token = SessionToken(req);
    if (!token) {
      return ProblemResponse(
          Error{ErrorCode::kUnauthenticated, "Sign in first.", {}, "unauthenticated"}, req);
    }
    auto caller = app::AuthenticateSession(*c, *token);
    if (!caller) return WithClearedCookie(ProblemResponse(caller.error(), req));
    if (!SafeMethod(req.method)) {
      auto sent = req.Header("x-csrf-token");
      if (!sent || !SameSecret(*sent, caller->session->csrf_token)) {
        return ProblemResponse(
            Error{ErrorCode::kForbidden,
                  "The request lacks this session's CSRF token (header X-CSRF-Token).",
                  {{"X-CSRF-Token", "csrf", "Missing or wrong."}},
                  "csrf"},
            req);
      }
    }
    if (route.auth == Auth::kActive && caller->session->stage != ports::SessionStage::kActive) {
      std::string stage(accounts::ToString(caller->session->stage));
      return ProblemResponse(Error{ErrorCode::kForbidden,
                                   "Finish signing in first (" + stage + ").",
                                   {{"stage", stage, "The next step of signing in."}},
                                   "login-incomplete"},
                             req);
    }
    req.caller = std::make_shared<const app::Caller>(std::move(*caller));
    return CheckAction(route, req);
  };
}

}  // namespace opennrm::http
