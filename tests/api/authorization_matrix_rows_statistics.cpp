// The authorization matrix, published statistics (issue 7 items 1, 3, 9):
// the catalogue, the publications, a published table (JSON and CSV) and the
// release log. Part of Table() (authorization_matrix_table.hpp); requests
// built in matrix_statistics_requests.cpp. Builds a fresh vector:
// thread-safe.
//
// The intended rules (docs/design/statistics-api.md, "Who"): statistics.read
// for statisticians, regional coordinators, hotline operators and system
// administrators, and API tokens scoped to it; statistics.manage (publishing
// a year) for the national unit's statistician only, never a token. The POST
// row runs first: the tables read afterwards are of the year it published.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> StatisticsPublicationRows() {
  using R = Relation;
  using F = Family;
  //                                        anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  constexpr const char* kRead            = "U F A F | A F A A F F F F F F A F F";
  constexpr const char* kManage          = "U F F F | F F F F F F F F F F A F F";
  // Exact figures of one's own organisation: never a token. The national
  // unit's hotline operators have no cases (an empty table), and only they
  // have consultations.
  constexpr const char* kOwn             = "U F F F | F F A A F F F F F F F F F";
  constexpr const char* kHotlineOwn      = "U F F F | F F A F F F F F F F F F F";
  return {
      {"POST", "/api/v1/statistics/publications", F::kNoRecord, {{R::kNone, kManage}}},
      {"GET", "/api/v1/statistics/publications", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/catalogue", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/tables/{id}", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/releases", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/indicators", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/hotline", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/eu", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/eu.csv", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/annual-report", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/annual-report.csv", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/annual-report.json", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/statistics/own", F::kNoRecord, {{R::kNone, kOwn}}},
      {"GET", "/api/v1/statistics/hotline/own", F::kNoRecord, {{R::kNone, kHotlineOwn}}},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
