// The authorization matrix, records of a case: indicators, assessment, safety
// plan, wishes, conversations, consents and the exploitation.
// Part of Table() (authorization_matrix_table.hpp), which keeps the parts in
// the order of authorization_matrix_table.cpp. Rows as the table's header
// comment describes. Builds a fresh vector: thread-safe.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> RecordRows() {
  using R = Relation;
  using F = Family;
  //                                               anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  return {
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
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
