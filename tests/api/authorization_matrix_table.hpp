// The authorization matrix (issue 3, item 10): what every caller may do on
// every route, for every relation of the caller to the record. Written by
// hand from docs/design/security-core.md and the issue — never derived from
// src/domain/access — so that the policy code is checked against the
// intended rules rather than against itself.
//
// Columns (callers), in this order:
//   anon  no credentials at all
//   inc   a session that has not finished signing in (password given, TOTP due)
//   tok   an API token of the caller organisation M1 holding every action a
//         token may hold (directory.read reference.read users.read audit.read
//         statistics.read)
//   nar   an API token of M1 scoped to directory.read only
//   then one signed-in user per role, each holding only that role:
//   sys oad hot reg soc pol pro mig iom ngo sta aud nau = system_administrator,
//   organisation_administrator, hotline_operator, regional_coordinator,
//   social_worker, police_investigator, prosecutor, migration_officer,
//   iom_caseworker, ngo_worker, statistician, auditor, national_auditor.
//
// Expected answers: A 2xx (the request did what it asks), U 401, F 403,
// N 404 (the caller may not know the record exists: as if it did not),
// D 403 or 404 (denied; the documents do not fix which), - the relation
// cannot apply to this caller (a token or nobody has no "self").
//
// Relations: "own"/"other" organisation means the record belongs to the
// caller's organisation or to another one; for accounts, "admin" variants
// are accounts holding organisation_administrator (the accounts a system
// administrator manages in any organisation) and "plain" ones hold a role of
// the organisation's kind; "self" is the caller's own account, session or
// notification, "other user" another user's. Case records (the next issue)
// add assigned / unassigned / break-glass in the own organisation and
// disclosed / not disclosed (= other organisation) elsewhere.
#pragma once

#include <string>
#include <vector>

namespace opennrm::testing::matrix {

enum class Relation {
  kNone,               // the route is about no particular record
  kSelf,               // the caller's own account / session / notification
  kOwnOrganisation,    // a record of the caller's organisation (a plain account)
  kOwnAdmin,           // an organisation administrator's account, own organisation
  kOtherOrganisation,  // a record of another organisation (a plain account)
  kOtherAdmin,         // an organisation administrator's account, another organisation
  kOtherUser,          // another user's session or notification
  // Case records. "-" marks a caller who cannot hold the relation (nobody
  // and tokens are on no team; only case roles join one; only named roles
  // break the glass; the national unit keeps no cases).
  kAssigned,    // own organisation, the caller is on the record's team
  kUnassigned,  // own organisation, not on the team
  kBreakGlass,  // own organisation, opened by break-glass with a reason
  kDisclosed,   // another organisation's record, the section disclosed to the caller's
                // (rows come with referrals, which make disclosures)
};

// What kind of record a route is about, which fixes the relations it needs.
enum class Family {
  kNoRecord,        // kNone
  kOrganisation,    // kOwnOrganisation, kOtherOrganisation
  kUserList,        // kOwnOrganisation, kOtherOrganisation (an organisation_id filter)
  kNewUser,         // kOwnOrganisation, kOwnAdmin, kOtherOrganisation, kOtherAdmin
  kUser,            // kSelf and the four of kNewUser
  kMine,            // kSelf, kOtherUser
  kToken,           // kOwnOrganisation, kOtherOrganisation
  kCaseRecord,      // kAssigned, kUnassigned, kBreakGlass, kOtherOrganisation
  kCaseCollection,  // kNone: creating a case of one's own organisation, listing one's cases
};

enum Flags : unsigned {
  kPlain = 0,
  // Sent on a session made for this request (the request ends or completes it).
  kFreshSession = 1,
  // Ends the caller's sessions: the caller signs in again afterwards.
  kRenewAfter = 2,
  // Run after every other row (it locks the caller out for good).
  kLast = 4,
};

struct Cells {
  Relation relation;
  const char* expect;  // one letter per caller column; spaces and '|' ignored
  unsigned flags = kPlain;
};

struct RouteRows {
  const char* method;
  const char* path;  // the route template, as `opennrm routes` prints it
  Family family;
  std::vector<Cells> cells;
  unsigned flags = kPlain;
};

inline const std::vector<std::string>& Columns() {
  static const std::vector<std::string> kColumns{"anon", "inc", "tok", "nar", "sys", "oad",
                                                 "hot",  "reg", "soc", "pol", "pro", "mig",
                                                 "iom",  "ngo", "sta", "aud", "nau"};
  return kColumns;
}

// clang-format off
inline const std::vector<RouteRows>& Table() {
  using R = Relation;
  using F = Family;
  //                                    anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  static const char* kEveryone        = "A A A A | A A A A A A A A A A A A A";
  static const char* kReference       = "U F A F | A A A A A A A A A A A A A";
  static const char* kDirectory       = "U F A A | A A A A A A A A A A A A A";
  static const char* kSysadminOnly    = "U F F F | A F F F F F F F F F F F F";
  static const char* kAnySession      = "U A F F | A A A A A A A A A A A A A";
  static const char* kActiveUser      = "U F F F | A A A A A A A A A A A A A";
  static const char* kOwnAccount      = "U F D D | A A A A A A A A A A A A A";
  static const char* kMineSelf        = "- F - - | A A A A A A A A A A A A A";
  static const char* kMineOther       = "U F D D | N N N N N N N N N N N N N";
  static const char* kAuditReader     = "U F A F | F F F F F F F F F F F A A";
  static const std::vector<RouteRows> kTable{
      // Health and metrics (metrics = true, the default): public.
      {"GET", "/healthz", F::kNoRecord, {{R::kNone, kEveryone}}},
      {"GET", "/readyz", F::kNoRecord, {{R::kNone, kEveryone}}},
      {"GET", "/metrics", F::kNoRecord, {{R::kNone, kEveryone}}},

      // Reference data: any signed-in user; a token needs reference.read.
      {"GET", "/api/v1/geo/police-regions", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/counties", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/counties/{code}", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/municipalities", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/municipalities/{code}", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/maps/counties", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/maps/municipalities", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/indicators", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/clock-rules", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/offences", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/ref/countries", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/ref/languages", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/ref/services", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/ref/organisation-kinds", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/roles", F::kNoRecord, {{R::kNone, kReference}}},

      // The directory: read by every signed-in user and directory.read tokens;
      // changed by system administrators only (never by a token).
      {"GET", "/api/v1/organisations", F::kNoRecord, {{R::kNone, kDirectory}}},
      {"GET", "/api/v1/organisations/coverage", F::kNoRecord, {{R::kNone, kDirectory}}},
      {"GET", "/api/v1/organisations/{id}", F::kOrganisation,
       {{R::kOwnOrganisation, kDirectory}, {R::kOtherOrganisation, kDirectory}}},
      {"POST", "/api/v1/organisations", F::kNoRecord, {{R::kNone, kSysadminOnly}}},
      {"PUT", "/api/v1/organisations/{id}", F::kOrganisation,
       {{R::kOwnOrganisation, kSysadminOnly}, {R::kOtherOrganisation, kSysadminOnly}}},
      // Deactivating one's own organisation ends one's own sessions: last.
      {"POST", "/api/v1/organisations/{id}/deactivate", F::kOrganisation,
       {{R::kOwnOrganisation, kSysadminOnly, kLast}, {R::kOtherOrganisation, kSysadminOnly}}},
      {"POST", "/api/v1/organisations/{id}/activate", F::kOrganisation,
       {{R::kOwnOrganisation, kSysadminOnly}, {R::kOtherOrganisation, kSysadminOnly}}},

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

      // The audit log: an auditor (or an audit.read token) reads their own
      // organisation's events, a national auditor every organisation's;
      // another organisation's log does not exist for the others. Checkpoints,
      // proofs and signing keys: for the same readers.
      {"GET", "/api/v1/audit/events", F::kUserList,
       {{R::kOwnOrganisation,                      "U F A D | D D D D D D D D D D D A A"},
        {R::kOtherOrganisation,                    "U F N D | D D D D D D D D D D D N A"}}},
      {"GET", "/api/v1/audit/checkpoints", F::kNoRecord, {{R::kNone, kAuditReader}}},
      {"GET", "/api/v1/audit/checkpoints/latest", F::kNoRecord, {{R::kNone, kAuditReader}}},
      {"GET", "/api/v1/audit/proofs/inclusion", F::kNoRecord, {{R::kNone, kAuditReader}}},
      {"GET", "/api/v1/audit/proofs/consistency", F::kNoRecord, {{R::kNone, kAuditReader}}},
      {"GET", "/api/v1/audit/public-keys", F::kNoRecord, {{R::kNone, kAuditReader}}},

      // Cases: users with a case role, never a token (403). The national unit
      // keeps no cases (403 to create; its lists are empty). A case is seen by
      // its team and by those who opened it by break-glass; for everyone else
      // it does not exist (404). Break-glass readers read; only the team
      // changes the team (403). Opening by break-glass: named roles (not IOM
      // or NGO workers), own organisation, not on the team (403 if on it).
      {"POST", "/api/v1/cases", F::kCaseCollection,
       {{R::kNone,                                 "U F F F | F F F A A A A A A A F F F"}}},
      {"GET", "/api/v1/cases", F::kCaseCollection,
       {{R::kNone,                                 "U F F F | F F A A A A A A A A F F F"}}},
      // Name search (POST: names stay out of URLs): within one's own cases.
      {"POST", "/api/v1/persons/search", F::kCaseCollection,
       {{R::kNone,                                 "U F F F | F F A A A A A A A A F F F"}}},
      {"GET", "/api/v1/cases/{id}", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/team", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // Takes off the colleague the row above put on (after it in this table).
      {"DELETE", "/api/v1/cases/{id}/team/{user_id}", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // The timeline: read like the case.
      {"GET", "/api/v1/cases/{id}/timeline", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // Persons: the team adds them; the team and break-glass readers read them.
      {"POST", "/api/v1/cases/{id}/persons", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/persons", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // Merging a duplicate record of a person: the team only, as other person writes.
      {"POST", "/api/v1/cases/{id}/persons/{person_id}/merge", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // Correcting a person: the team only, as other person writes.
      {"PUT", "/api/v1/cases/{id}/persons/{person_id}", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // Notes and attachments (section notes): the team writes; the team and
      // break-glass readers read.
      {"POST", "/api/v1/cases/{id}/notes", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/notes", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/attachments", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/attachments", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/attachments/{attachment_id}", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // The export for the municipality's case file: the team of a case kept
      // by municipal social services only (M1's social worker); other teams'
      // cases and break-glass readers 403.
      {"GET", "/api/v1/cases/{id}/export", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - F A F F F F F - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // Records of a case (the person's voice, safety and assessment; the
      // exploitation): the team saves them; the team and break-glass readers
      // read them.
      {"PUT", "/api/v1/cases/{id}/persons/{person_id}/indicators", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/persons/{person_id}/indicators", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"PUT", "/api/v1/cases/{id}/persons/{person_id}/assessment", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/persons/{person_id}/assessment", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"PUT", "/api/v1/cases/{id}/persons/{person_id}/safety-plan", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/persons/{person_id}/safety-plan", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/persons/{person_id}/wishes", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/persons/{person_id}/wishes", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/persons/{person_id}/conversations", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/persons/{person_id}/conversations", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/persons/{person_id}/consents", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/persons/{person_id}/consents", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"PUT", "/api/v1/cases/{id}/exploitation", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/exploitation", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // Tracks, facts and closure (section support/return/proceedings): the team
      // moves tracks, declares facts, closes and reopens (a fresh case of the
      // caller's for each); the team and break-glass readers read the tracks.
      {"GET", "/api/v1/cases/{id}/tracks", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // Starts the support track at identification (the request builder records
      // the indicators fact on the caller's case first).
      {"POST", "/api/v1/cases/{id}/tracks/{track}/moves", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/facts", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/close", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/reopen", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // Criminal proceedings: offence data, held only in cases a public
      // authority owns and handled by its case roles; IOM and NGO workers keep
      // only cases of their own non-authority organisations, which hold no
      // proceedings (422 proceedings_need_authority, tests/api/tracks_api_test.cpp): "-".
      {"GET", "/api/v1/cases/{id}/proceedings", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A - - - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"PUT", "/api/v1/cases/{id}/proceedings", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A - - - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // "unassigned": a fresh case for each request, so that opening it
      // changes no other row's relation.
      {"POST", "/api/v1/cases/{id}/break-glass", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - F F F F F F F - - -"},
        {R::kUnassigned,                           "U F F F | N N - A A A A A N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // Clocks, tasks and the child track: the team records (break-glass
      // readers read, 403 to write); for everyone else the case does not exist.
      {"POST", "/api/v1/cases/{id}/clocks", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/clocks", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/clocks/{clock_id}/decision", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/clocks/{clock_id}/renewal", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/clocks/{clock_id}/revocation", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/tasks", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/tasks", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/tasks/{task_id}/done", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/persons/{person_id}/child-track", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/child-track", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/persons/{person_id}/missing", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/cases/{id}/persons/{person_id}/missing/resolved", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // One's own open tasks across one's cases (empty for roles on no team).
      {"GET", "/api/v1/tasks/mine", F::kCaseCollection,
       {{R::kNone,                                 "U F F F | F F A A A A A A A A F F F"}}},
  };
  return kTable;
}
// clang-format on

}  // namespace opennrm::testing::matrix
