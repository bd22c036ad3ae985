// Who is calling (security core): a session cookie's token or an API token,
// checked against the database on every request — revoked, expired, idle or
// disabled means unauthenticated. Sessions' last-seen time is written at
// most once a minute.
#pragma once

#include <string>

#include "app/auth/views.hpp"
#include "app/context.hpp"

namespace opennrm::app {

// kUnauthenticated "unauthenticated" (unknown token) or "session-expired".
Result<Caller> AuthenticateSession(const Context& ctx, const std::string& token);
Result<Caller> AuthenticateApiToken(const Context& ctx, const std::string& token);

}  // namespace opennrm::app
