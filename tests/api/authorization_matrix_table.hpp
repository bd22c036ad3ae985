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
//
// The rows live by area in authorization_matrix_rows_*.cpp (shared rows in
// authorization_matrix_rows.hpp); authorization_matrix_table.cpp joins them
// in an order that matters: rows run in table order, and a few rely on the
// rows before them (e.g. the team's DELETE takes off whom its POST put on).
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
  // A referral (issue 5): kAssigned / kUnassigned / kBreakGlass as the caller
  // stands to the case it was sent from, kDisclosed when it was sent to the
  // caller's organisation, kOtherOrganisation between two other organisations.
  kReferral,
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

// Every route's rows, in the order they run. Built once; thread-safe to read.
const std::vector<RouteRows>& Table();

}  // namespace opennrm::testing::matrix
