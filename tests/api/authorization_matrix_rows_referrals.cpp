// The authorization matrix, referrals (issue 5). Part of Table()
// (authorization_matrix_table.hpp), which keeps the parts in the order of
// authorization_matrix_table.cpp. Rows as the table's header comment
// describes; a referral's relations (Family::kReferral) are the caller's to
// the case it was sent from (assigned, unassigned, break-glass), "disclosed"
// when it was sent to the caller's organisation, and "other organisation"
// between two organisations that are not the caller's. Requests are built in
// matrix_referral_requests.cpp. Builds a fresh vector: thread-safe.
//
// The intended rules (app/referrals/referrals.hpp, docs/referrals.md):
//   - the rules of the dialog are for every signed-in user (not tokens);
//   - the case's team sends; whoever may read the case reads its sent list;
//   - the inbox is for users with a case role (hotline operators too);
//   - a referral is seen by its source case's readers and by the recipient
//     organisation's users with a case role; for anyone else, tokens
//     included, it does not exist (404);
//   - the package, and its printable summary (summary.pdf): the recipient's
//     case-role users (in-app delivery), and the sender's team when it went
//     by other means (here: to Z, which has no users), never by break-glass;
//   - accept, decline and complete are the recipient's; withdraw is the
//     team's (a token is refused as no user, 403).
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> ReferralRows() {
  using R = Relation;
  using F = Family;
  // The recipient's answers: only its case-role users (the national unit's
  // hotline operator among them).
  const std::vector<Cells> kAnswer = {
      {R::kAssigned,                               "- - - - | - - - N N N N N N N - - -"},
      {R::kUnassigned,                             "U F N N | N N - N N N N N N N - N -"},
      {R::kBreakGlass,                             "- - - - | - - - N N N N N - - - - -"},
      {R::kDisclosed,                              "U F N N | N N A A A A A A A A N N N"},
      {R::kOtherOrganisation,                      "U F N N | N N N N N N N N N N N N N"}};
  //                                               anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  return {
      {"GET", "/api/v1/referral-rules", F::kCaseCollection,
       {{R::kNone,                                 "U F F F | A A A A A A A A A A A A A"}}},
      {"POST", "/api/v1/cases/{id}/referrals", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/referrals", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/referrals/inbox", F::kCaseCollection,
       {{R::kNone,                                 "U F F F | F F A A A A A A A A F F F"}}},
      {"GET", "/api/v1/referrals/{id}", F::kReferral,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F N N | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kDisclosed,                            "U F N N | N N A A A A A A A A N N N"},
        {R::kOtherOrganisation,                    "U F N N | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/referrals/{id}/package", F::kReferral,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F N N | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - N N N N N - - - - -"},
        {R::kDisclosed,                            "U F N N | N N A A A A A A A A N N N"},
        {R::kOtherOrganisation,                    "U F N N | N N N N N N N N N N N N N"}}},
      // The printable summary is a package read: exactly the package's rows.
      {"GET", "/api/v1/referrals/{id}/summary.pdf", F::kReferral,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F N N | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - N N N N N - - - - -"},
        {R::kDisclosed,                            "U F N N | N N A A A A A A A A N N N"},
        {R::kOtherOrganisation,                    "U F N N | N N N N N N N N N N N N N"}}},
      {"POST", "/api/v1/referrals/{id}/accept", F::kReferral, kAnswer},
      {"POST", "/api/v1/referrals/{id}/decline", F::kReferral, kAnswer},
      {"POST", "/api/v1/referrals/{id}/complete", F::kReferral, kAnswer},
      {"POST", "/api/v1/referrals/{id}/withdraw", F::kReferral,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - N N N N N - - - - -"},
        {R::kDisclosed,                            "U F F F | N N N N N N N N N N N N N"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
