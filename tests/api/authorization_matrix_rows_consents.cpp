// The authorization matrix, the consent ledger of a case (section support).
// Part of Table() (authorization_matrix_table.hpp), which keeps the parts in
// the order of authorization_matrix_table.cpp. Rows as the table's header
// comment describes. Builds a fresh vector: thread-safe.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> ConsentRows() {
  using R = Relation;
  using F = Family;
  //                                               anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  return {
      // Consents (section support): the team records and revokes; the team
      // and break-glass readers read.
      {"POST", "/api/v1/cases/{id}/consents", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      {"GET", "/api/v1/cases/{id}/consents", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - A A A A A - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
      // A consent of the case in the relation (written straight to the database).
      {"POST", "/api/v1/consents/{id}/revoke", F::kCaseRecord,
       {{R::kAssigned,                             "- - - - | - - - A A A A A A A - - -"},
        {R::kUnassigned,                           "U F F F | N N - N N N N N N N - N -"},
        {R::kBreakGlass,                           "- - - - | - - - F F F F F - - - - -"},
        {R::kOtherOrganisation,                    "U F F F | N N N N N N N N N N N N N"}}},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
