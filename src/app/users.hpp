// Accounts of an organisation (security core): organisation administrators
// manage their own organisation's users, granting only roles its kind allows;
// system administrators manage organisation administrators of any
// organisation. The command line and the first start act as the system.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"

namespace opennrm::app {

struct UserQuery {
  std::optional<std::string> organisation_id;  // default: the caller's
  std::optional<std::string> role;
  std::optional<bool> active;
  std::optional<std::string> text;
  int limit = 50;
  int offset = 0;
};

struct UserList {
  std::vector<UserSummary> items;
  long long total = 0;
};

struct NewUser {
  std::string organisation_id;
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
};

struct CreatedUser {
  UserSummary user;
  std::string one_time_password;  // shown once; must be changed at first login
};

struct UserChange {
  long long version = 0;
  std::optional<std::string> display_name;
  std::optional<std::vector<std::string>> roles;
  std::optional<bool> active;
};

Result<UserList> ListUsers(const Context& ctx, const Caller& caller, const UserQuery& query,
                           const ClientInfo& client);
Result<UserSummary> GetUser(const Context& ctx, const Caller& caller, const std::string& id,
                            const ClientInfo& client);
Result<CreatedUser> CreateUser(const Context& ctx, const Caller& caller, const NewUser& user,
                               const ClientInfo& client);
// Disabling ends the user's sessions.
Result<UserSummary> UpdateUser(const Context& ctx, const Caller& caller, const std::string& id,
                               const UserChange& change, const ClientInfo& client);
// A new one-time password; ends the user's sessions.
Result<std::string> ResetPassword(const Context& ctx, const Caller& caller, const std::string& id,
                                  const ClientInfo& client);
// Forgets the TOTP device and recovery codes: enrolment is due at next login.
Status ResetTotp(const Context& ctx, const Caller& caller, const std::string& id,
                 const ClientInfo& client);

// The system acting (the command line): no policy, but every rule of the
// data (roles the kind allows, unique names) and an audit event.
Result<CreatedUser> CreateUserAsSystem(const Context& ctx, const NewUser& user);
Result<UserList> ListUsersAsSystem(const Context& ctx, const UserQuery& query);
Status SetUserActiveAsSystem(const Context& ctx, const std::string& username, bool active);
Result<std::string> ResetPasswordAsSystem(const Context& ctx, const std::string& username);

// On the first start: when no active system administrator exists, creates
// `admin` in the national unit's organisation and returns its one-time
// password (to print once). nullopt when one exists.
Result<std::optional<CreatedUser>> EnsureFirstAdministrator(const Context& ctx);

}  // namespace opennrm::app
