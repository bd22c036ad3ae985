// The authorization matrix, accounts: signing in, one's own account (sessions,
// recovery codes, notifications), accounts of organisations and API tokens.
// Part of Table() (authorization_matrix_table.hpp), which keeps the parts in
// the order of authorization_matrix_table.cpp. Rows as the table's header
// comment describes. Builds a fresh vector: thread-safe.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> AccountRows() {
  using R = Relation;
  using F = Family;
  //                                               anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  return {
      // Signing in: anyone may try; the later steps need a session (never a
      // token), and a session waiting for its TOTP code may take no other step
      // — not a new TOTP secret, not a new password.
      {"POST", "/api/v1/session", F::kNoRecord, {{R::kNone, kEveryone}}},
      {"GET", "/api/v1/session", F::kNoRecord, {{R::kNone, kAnySession}}},
      {"DELETE", "/api/v1/session", F::kNoRecord, {{R::kNone, kAnySession}}, kFreshSession},
      {"POST", "/api/v1/session/totp", F::kNoRecord,
       {{R::kNone,                                 "U A F F | F F F F F F F F F F F F F"}},
       kFreshSession},
      // Allowed to every signed-in user; whether it succeeds depends on the
      // account's state (S: 2xx, or 409 when already enrolled — a second
      // device needs an administrator's TOTP reset — or nothing to confirm).
      {"POST", "/api/v1/session/totp-enrolment", F::kNoRecord,
       {{R::kNone,                                 "U F F F | S S S S S S S S S S S S S"}}},
      {"POST", "/api/v1/session/totp-enrolment/confirm", F::kNoRecord,
       {{R::kNone,                                 "U F F F | S S S S S S S S S S S S S"}}},
      {"POST", "/api/v1/session/password", F::kNoRecord, {{R::kNone, kActiveUser}}},

      // One's own account: every signed-in user, for themselves only; never a
      // token. Another user's session or notification does not exist for them.
      {"GET", "/api/v1/me/sessions", F::kNoRecord, {{R::kNone, kOwnAccount}}},
      {"DELETE", "/api/v1/me/sessions/{id}", F::kMine,
       {{R::kSelf, kMineSelf}, {R::kOtherUser, kMineOther}}},
      {"POST", "/api/v1/me/sessions/revoke-all", F::kNoRecord, {{R::kNone, kOwnAccount}},
       kRenewAfter},
      {"POST", "/api/v1/me/recovery-codes", F::kNoRecord, {{R::kNone, kOwnAccount}}},
      {"GET", "/api/v1/me/notifications", F::kNoRecord, {{R::kNone, kOwnAccount}}},
      {"GET", "/api/v1/me/notifications/unread-count", F::kNoRecord, {{R::kNone, kOwnAccount}}},
      {"POST", "/api/v1/me/notifications/{id}/read", F::kMine,
       {{R::kSelf, kMineSelf}, {R::kOtherUser, kMineOther}}},
      {"POST", "/api/v1/me/notifications/read-all", F::kNoRecord, {{R::kNone, kOwnAccount}}},

      // Accounts (docs/api/openapi.yaml): organisation administrators manage
      // their own organisation's; system administrators see their own
      // organisation's and manage organisation administrators of any
      // organisation, and no other account of another organisation exists
      // for them; a users.read token reads its own organisation's accounts.
      // A role the caller may not grant is 403; nobody changes their own
      // account here (403).
      {"GET", "/api/v1/users", F::kUserList,
       {{R::kOwnOrganisation,                      "U F A D | A A D D D D D D D D D D D"},
        {R::kOtherOrganisation,                    "U F D D | A D D D D D D D D D D D D"}}},
      // The body grants organisation_administrator (admin) or a role of the
      // organisation's kind (plain): a role the caller may not grant is 403.
      {"POST", "/api/v1/users", F::kNewUser,
       {{R::kOwnOrganisation,                      "U F D D | F A D D D D D D D D D D D"},
        {R::kOwnAdmin,                             "U F D D | A A D D D D D D D D D D D"},
        {R::kOtherOrganisation,                    "U F D D | F D D D D D D D D D D D D"},
        {R::kOtherAdmin,                           "U F D D | A D D D D D D D D D D D D"}}},
      {"GET", "/api/v1/users/{id}", F::kUser,
       {{R::kSelf,                                 "- F - - | A A A A A A A A A A A A A"},
        {R::kOwnOrganisation,                      "U F A D | A A N N N N N N N N N N N"},
        {R::kOwnAdmin,                             "U F A D | A A N N N N N N N N N N N"},
        {R::kOtherOrganisation,                    "U F N N | N N N N N N N N N N N N N"},
        {R::kOtherAdmin,                           "U F N N | A N N N N N N N N N N N N"}}},
      {"PATCH", "/api/v1/users/{id}", F::kUser,
       {{R::kSelf,                                 "- F - - | F F F F F F F F F F F F F"},
        {R::kOwnOrganisation,                      "U F D D | F A N N N N N N N N N N N"},
        {R::kOwnAdmin,                             "U F D D | A A N N N N N N N N N N N"},
        {R::kOtherOrganisation,                    "U F D D | N N N N N N N N N N N N N"},
        {R::kOtherAdmin,                           "U F D D | A N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/users/{id}/password-reset", F::kUser,
       {{R::kSelf,                                 "- F - - | F F F F F F F F F F F F F"},
        {R::kOwnOrganisation,                      "U F D D | F A N N N N N N N N N N N"},
        {R::kOwnAdmin,                             "U F D D | A A N N N N N N N N N N N"},
        {R::kOtherOrganisation,                    "U F D D | N N N N N N N N N N N N N"},
        {R::kOtherAdmin,                           "U F D D | A N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/users/{id}/totp-reset", F::kUser,
       {{R::kSelf,                                 "- F - - | F F F F F F F F F F F F F"},
        {R::kOwnOrganisation,                      "U F D D | F A N N N N N N N N N N N"},
        {R::kOwnAdmin,                             "U F D D | A A N N N N N N N N N N N"},
        {R::kOtherOrganisation,                    "U F D D | N N N N N N N N N N N N N"},
        {R::kOtherAdmin,                           "U F D D | A N N N N N N N N N N N N"}}},

      // API tokens: organisation administrators, own organisation; a token
      // never manages tokens. Another organisation's token does not exist.
      {"GET", "/api/v1/tokens", F::kNoRecord,
       {{R::kNone,                                 "U F D D | F A F F F F F F F F F F F"}}},
      {"POST", "/api/v1/tokens", F::kNoRecord,
       {{R::kNone,                                 "U F D D | F A F F F F F F F F F F F"}}},
      {"DELETE", "/api/v1/tokens/{id}", F::kToken,
       {{R::kOwnOrganisation,                      "U F D D | D A D D D D D D D D D D D"},
        {R::kOtherOrganisation,                    "U F D D | D N D D D D D D D D D D D"}}},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
