// API tokens for integrations (security core): an organisation administrator
// creates one for their organisation with a name, a set of actions and an
// expiry; the secret is shown once and stored only as a digest. The command
// line creates one in a named user's name under the same rules. Stateless
// functions; thread-safe as the Context is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "ports/api_token_repository.hpp"

namespace opennrm::app {

struct NewToken {
  std::string name;
  std::vector<std::string> actions;
  std::string expires_at;  // YYYY-MM-DD (end of that day, UTC)
};

struct CreatedToken {
  ports::ApiTokenRecord token;  // token_hash is cleared
  std::string secret;           // shown once
};

Result<std::vector<ports::ApiTokenRecord>> ListTokens(const Context& ctx, const Caller& caller);
Result<CreatedToken> CreateToken(const Context& ctx, const Caller& caller, const NewToken& in,
                                 const ClientInfo& client);
Status RevokeToken(const Context& ctx, const Caller& caller, const std::string& id,
                   const ClientInfo& client);

// The system acting (the command line) for the active user `username`: the
// token belongs to the user's organisation and is created by them, only if
// their roles allow what CreateToken requires (tokens.manage) and with the
// same checks; a refusal is a problem on "user". Audited as the system with
// request id "cli".
Result<CreatedToken> CreateTokenAsSystem(const Context& ctx, const std::string& username,
                                         const NewToken& in);

}  // namespace opennrm::app
