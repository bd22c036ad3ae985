// One's own sessions (security core): see where one is signed in, end one
// session, or log out everywhere.
#pragma once

#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"

namespace opennrm::app {

struct SessionSummary {
  std::string id;
  bool current = false;
  long long created_at_us = 0;
  long long last_seen_at_us = 0;
  long long expires_at_us = 0;
  std::string client;
};

Result<std::vector<SessionSummary>> ListMySessions(const Context& ctx, const Caller& caller);
// kNotFound if the caller has no such live session.
Status EndMySession(const Context& ctx, const Caller& caller, const std::string& session_id,
                    const ClientInfo& client);
// Ends every session of the caller, this one included.
Status EndAllMySessions(const Context& ctx, const Caller& caller, const ClientInfo& client);

}  // namespace opennrm::app
