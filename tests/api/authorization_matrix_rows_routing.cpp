// The authorization matrix, the hotline's routing (issue 6 point 4). Part of
// Table() (authorization_matrix_table.hpp). Rows as the table's header
// comment describes; the routes are about no record (Family::kNoRecord).
// Builds a fresh vector: thread-safe.
//
// The intended rules (app/hotline/routing.hpp, docs/hotline.md):
//   - routing and the setup are advice for users holding hotline_operator,
//     regional_coordinator or social_worker; everyone else 403, API tokens too;
//   - reloading the routing rules file is the system administrator's.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> RoutingRows() {
  using R = Relation;
  using F = Family;
  //                                        anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  constexpr const char* kAdvice          = "U F F F | F F A A A F F F F F F F F";
  return {
      {"POST", "/api/v1/hotline/routing", F::kNoRecord, {{R::kNone, kAdvice}}},
      {"GET", "/api/v1/hotline/setup", F::kNoRecord, {{R::kNone, kAdvice}}},
      {"POST", "/api/v1/admin/hotline/routing-rules/reload", F::kNoRecord,
       {{R::kNone, kSysadminOnly}}},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
