// Who is acting (security core): a signed-in user with the roles they hold in
// their organisation, or an API token scoped to an organisation and a set of
// actions. Built by the authentication step; plain values.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "domain/access/action.hpp"
#include "domain/access/roles.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::access {

struct Actor {
  std::string user_id;   // empty for an API token
  std::string token_id;  // empty for a user
  std::string session_id;
  std::string organisation_id;
  orgs::Kind organisation_kind = orgs::Kind::kOther;
  std::vector<Role> roles;            // a user's roles; empty for a token
  std::vector<Action> token_actions;  // a token's scope; empty for a user

  bool IsToken() const { return !token_id.empty(); }
  bool Has(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }
  bool Scoped(Action action) const {
    return std::find(token_actions.begin(), token_actions.end(), action) != token_actions.end();
  }
};

}  // namespace opennrm::access
