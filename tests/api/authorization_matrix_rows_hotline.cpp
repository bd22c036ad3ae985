// The authorization matrix, the hotline's consultations (issue 6 points 1,
// 2 and 5). Part of Table() (authorization_matrix_table.hpp). Rows as the
// table's header comment describes; the queue, a new consultation and the
// operators are about no record (Family::kNoRecord); one consultation is an
// organisation's record (Family::kOrganisation): "own organisation" is a
// consultation kept by the caller's organisation (nobody's and the tokens':
// M1's), "other organisation" one kept by Z. Requests are built in
// matrix_hotline_requests.cpp. Builds a fresh vector: thread-safe.
//
// The intended rules (app/hotline/consultations.hpp, /tmp brief "hotline"):
//   - only users holding hotline_operator in the national unit work with
//     consultations, and only their own organisation's; everyone else 403,
//     API tokens too;
//   - a consultation of another organisation does not exist for the caller
//     (404), whoever asks.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> HotlineRows() {
  using R = Relation;
  using F = Family;
  //                                        anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  constexpr const char* kOperators       = "U F F F | F F A F F F F F F F F F F";
  constexpr const char* kOthers          = "U F N N | N N N N N N N N N N N N N";
  const std::vector<Cells> kOne = {{R::kOwnOrganisation, kOperators},
                                   {R::kOtherOrganisation, kOthers}};
  return {
      {"POST", "/api/v1/consultations", F::kNoRecord, {{R::kNone, kOperators}}},
      {"GET", "/api/v1/consultations", F::kNoRecord, {{R::kNone, kOperators}}},
      {"GET", "/api/v1/hotline/operators", F::kNoRecord, {{R::kNone, kOperators}}},
      {"GET", "/api/v1/consultations/{id}", F::kOrganisation, kOne},
      {"PUT", "/api/v1/consultations/{id}", F::kOrganisation, kOne},
      {"POST", "/api/v1/consultations/{id}/assign", F::kOrganisation, kOne},
      {"POST", "/api/v1/consultations/{id}/close", F::kOrganisation, kOne},
      {"POST", "/api/v1/consultations/{id}/reopen", F::kOrganisation, kOne},
      {"POST", "/api/v1/consultations/{id}/follow-ups", F::kOrganisation, kOne},
      {"POST", "/api/v1/consultations/{id}/follow-ups/{follow_up_id}/done", F::kOrganisation, kOne},
      {"POST", "/api/v1/consultations/{id}/danger-steps", F::kOrganisation, kOne},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
