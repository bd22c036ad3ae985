// The authorization matrix, cases: creating and listing them, name search,
// one case, its team, its timeline and its persons.
// Part of Table() (authorization_matrix_table.hpp), which keeps the parts in
// the order of authorization_matrix_table.cpp. Rows as the table's header
// comment describes. Builds a fresh vector: thread-safe.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> CaseRows() {
  using R = Relation;
  using F = Family;
  //                                               anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  return {
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
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
