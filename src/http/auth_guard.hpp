// The authentication step (security core) that runs before every handler
// that is not public: reads the session cookie or the API token, checks it
// against the database, enforces CSRF tokens on state changes and the login
// stage, and sets request.caller. Answers 401/403 problems itself; never
// logs a secret.
#pragma once

#include <string>

#include "app/auth/login.hpp"
#include "app/context.hpp"
#include "http/router.hpp"

namespace opennrm::http {

inline constexpr const char* kSessionCookie = "__Host-opennrm-session";

Guard MakeAuthGuard(const app::Context& ctx);

// The Set-Cookie value that sets or clears the session cookie.
std::string SessionCookie(const std::string& token, std::chrono::seconds max_age);
std::string ClearedSessionCookie();

// The session cookie's value in a Cookie header, if any.
std::optional<std::string> SessionToken(const Request& request);

// The app's view of the client (address, a short label of the user agent).
app::ClientInfo ClientOf(const Request& request);

}  // namespace opennrm::http
