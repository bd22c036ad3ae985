// What the security core's use cases return: accounts without their secrets,
// and the state of a login. Plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/orgs/organisation.hpp"
#include "ports/session_repository.hpp"
#include "ports/user_repository.hpp"

namespace opennrm::app {

// An account as others may see it: never its password hash or TOTP secret.
struct UserSummary {
  std::string id;
  std::string username;
  std::string display_name;
  std::string organisation_id;
  std::string organisation_name;
  orgs::Kind organisation_kind = orgs::Kind::kOther;
  std::vector<access::Role> roles;
  bool totp_enrolled = false;
  bool active = true;
  bool must_change_password = false;
  long long created_at_us = 0;
  long long version = 1;
};

UserSummary Summarise(const ports::UserRecord& user, const orgs::Organisation& org);

struct SessionView {
  std::string session_id;
  ports::SessionStage stage = ports::SessionStage::kTotp;
  std::string csrf_token;
  long long expires_at_us = 0;       // absolute end
  long long idle_expires_at_us = 0;  // if nothing happens before then
  UserSummary user;
};

// Who is calling, once authenticated.
struct Caller {
  access::Actor actor;
  std::optional<ports::SessionRecord> session;  // nullopt for an API token
  std::optional<UserSummary> user;              // nullopt for an API token
};

}  // namespace opennrm::app
