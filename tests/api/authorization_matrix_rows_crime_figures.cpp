// The authorization matrix, official crime figures (issue 7 item 2): the
// national unit's CSV import and the list. Part of Table()
// (authorization_matrix_table.hpp); requests built in
// matrix_crime_figure_requests.cpp. Builds a fresh vector: thread-safe.
//
// The intended rules (docs/design/statistics-api.md, "Who"): importing is
// statistics.manage, the national unit's statistician only, never a token;
// listing is statistics.read: statisticians, regional coordinators, hotline
// operators, system administrators and API tokens scoped to it.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> CrimeFigureRows() {
  using R = Relation;
  using F = Family;
  //                                        anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  constexpr const char* kRead            = "U F A F | A F A A F F F F F F A F F";
  constexpr const char* kManage          = "U F F F | F F F F F F F F F F A F F";
  return {
      {"POST", "/api/v1/statistics/crime-figures", F::kNoRecord, {{R::kNone, kManage}}},
      {"GET", "/api/v1/statistics/crime-figures", F::kNoRecord, {{R::kNone, kRead}}},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
