// The authorization matrix, a hotline consultation as the source of a
// referral (issue 6 point 3): the consents recorded on a consultation and
// the referrals sent from it. Part of Table() (authorization_matrix_table.hpp).
// Rows as the table's header comment describes; one consultation is an
// organisation's record (Family::kOrganisation, as in
// authorization_matrix_rows_hotline.cpp): "own organisation" is a
// consultation kept by the caller's organisation (nobody's and the tokens':
// M1's), "other organisation" one kept by Z. Requests are built in
// matrix_consultation_referral_requests.cpp. Builds a fresh vector: thread-safe.
//
// The intended rules (app/referrals/consultation_consents.hpp, /tmp brief "hotline"):
//   - only users holding hotline_operator in the national unit record
//     consents on, and refer from, their own organisation's consultations;
//     the organisation's other users 403;
//   - a consultation of another organisation does not exist for a user
//     (404); API tokens take no part in referrals (403, before any lookup).
// The revocation of a consultation's consent (POST /consents/{id}/revoke)
// is checked by tests/api/consultation_referrals_api_test.cpp.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> ConsultationReferralRows() {
  using R = Relation;
  using F = Family;
  //                                        anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  constexpr const char* kOperators       = "U F F F | F F A F F F F F F F F F F";
  constexpr const char* kOthers          = "U F F F | N N N N N N N N N N N N N";
  const std::vector<Cells> kOne = {{R::kOwnOrganisation, kOperators},
                                   {R::kOtherOrganisation, kOthers}};
  return {
      {"POST", "/api/v1/consultations/{id}/consents", F::kOrganisation, kOne},
      {"GET", "/api/v1/consultations/{id}/consents", F::kOrganisation, kOne},
      {"POST", "/api/v1/consultations/{id}/referrals", F::kOrganisation, kOne},
      {"GET", "/api/v1/consultations/{id}/referrals", F::kOrganisation, kOne},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
