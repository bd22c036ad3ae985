// The authorization matrix, the operators' knowledge base (issue 6 point 7).
// Part of Table() (authorization_matrix_table.hpp). Rows as the table's
// header comment describes; articles belong to no organisation's records
// (Family::kNoRecord; requests built in matrix_knowledge_requests.cpp).
// Builds a fresh vector: thread-safe.
//
// The intended rules (app/knowledge/knowledge.hpp, /tmp brief "Who may do
// what"): reading by users holding hotline_operator, regional_coordinator or
// social_worker; writing by a hotline_operator of the national unit; everyone
// else 403, API tokens too.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> KnowledgeRows() {
  using R = Relation;
  using F = Family;
  //                                        anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  constexpr const char* kRead            = "U F F F | F F A A A F F F F F F F F";
  constexpr const char* kWrite           = "U F F F | F F A F F F F F F F F F F";
  return {
      {"GET", "/api/v1/knowledge", F::kNoRecord, {{R::kNone, kRead}}},
      {"GET", "/api/v1/knowledge/{id}", F::kNoRecord, {{R::kNone, kRead}}},
      {"POST", "/api/v1/knowledge", F::kNoRecord, {{R::kNone, kWrite}}},
      {"PUT", "/api/v1/knowledge/{id}", F::kNoRecord, {{R::kNone, kWrite}}},
      {"POST", "/api/v1/knowledge/{id}/archive", F::kNoRecord, {{R::kNone, kWrite}}},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
