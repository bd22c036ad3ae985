// The organisations, accounts, sessions and tokens the authorization matrix
// acts as and acts on, made once per suite: through the API as the first
// system administrator and as each organisation's administrator, through the
// CLI for the one account no API caller may make (a system administrator
// outside the first one's organisation), and through the database for what
// no route makes yet (notifications). Not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "harness.hpp"
#include "session_client.hpp"

namespace opennrm::testing::matrix {

struct Org {
  std::string id;
  std::string kind;
  std::string plain_role;  // a role of the organisation's kind that is not an administrator
  std::string admin_id;    // an organisation administrator (acts only during set-up)
  std::string plain_id;    // a plain account, never signed in
  std::string plain_name;  // its username
  std::string plain_otp;   // its one-time password
  std::string token_id;    // an API token of the organisation
  // A case of the organisation whose team is its plain account (or, where
  // that account handles no cases, its administrator): no caller is on it.
  std::string unassigned_case_id;
};

enum class CallerKind { kAnonymous, kLoginIncomplete, kToken, kUser };

struct Caller {
  std::string column;  // as in Columns()
  CallerKind kind = CallerKind::kUser;
  std::string role;
  std::string org;  // key into World::orgs; a nominal M1 for nobody and the tokens
  std::string username;
  std::string password;
  std::string user_id;
  std::unique_ptr<SessionClient> session;
  std::vector<std::string> recovery_codes;  // unused ones
  std::string bearer;                       // an API token's secret
  std::string own_token_id;                 // a token of the caller's organisation
  std::string notification_id;              // a notification of the caller's own
  std::string pending_totp;                 // the secret of a started TOTP re-enrolment
  std::string assigned_case_id;             // a case the caller made and is on the team of
  std::string break_glass_case_id;  // a case of the caller's organisation opened by break-glass

  bool HasSession() const {
    return kind == CallerKind::kUser || kind == CallerKind::kLoginIncomplete;
  }
};

class World {
 public:
  // Builds everything on `server` as the signed-in first administrator;
  // returns "" or what went wrong.
  std::string Build(ServerProcess& server, SessionClient& admin);

  // A new session of `c` on its own client: active for a user (password and a
  // recovery code), password-only for the login-incomplete caller.
  std::unique_ptr<SessionClient> FreshSession(Caller& c, std::string& error);
  // Replaces `c`'s session with a fresh one (after its sessions were ended).
  std::string Renew(Caller& c);
  // The id of `user_id`'s newest session.
  std::string NewestSessionId(const std::string& user_id);

  Caller& ByColumn(const std::string& column);

  ServerProcess* server = nullptr;
  SessionClient* admin = nullptr;
  std::map<std::string, Org> orgs;  // NU IT RC M1 M2 P PA MA IOM NGO, and Z (no accounts)
  std::vector<Caller> callers;      // in Columns() order
  std::string probe_username;       // a login target for POST /session (never signs in)
  std::string probe_password;
  std::string other_user_session_id;       // a session of M2's plain account
  std::string other_user_notification_id;  // a notification of M2's plain account

  // A case of organisation `org_key` with `team_user_id` alone on its team,
  // written straight to the database (no caller is on it); "" on failure.
  std::string InsertCase(const std::string& org_key, const std::string& team_user_id);

 private:
  std::string MakeOrganisations();
  std::string MakeAdministrators();
  std::string MakeCallers();
  std::string MakeNotifications();
  std::string MakeCases();
  // Creates a user through `by`; fills `id` and `otp`.
  std::string CreateUser(SessionClient& by, const std::string& org, const std::string& username,
                         const std::string& role, std::string& id, std::string& otp);
  std::string CreateToken(SessionClient& by, const std::vector<std::string>& actions,
                          std::string& id, std::string* secret = nullptr);
  std::string SignIn(Caller& c, const std::string& otp);

  std::map<std::string, std::unique_ptr<SessionClient>> org_admins_;  // by org key, set-up only
};

// A unique suffix for names made during a run.
std::string Unique();

}  // namespace opennrm::testing::matrix
