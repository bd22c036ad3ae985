// The authorization matrix, the audit log: events, checkpoints, proofs and
// signing keys.
// Part of Table() (authorization_matrix_table.hpp), which keeps the parts in
// the order of authorization_matrix_table.cpp. Rows as the table's header
// comment describes. Builds a fresh vector: thread-safe.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> AuditRows() {
  using R = Relation;
  using F = Family;
  //                                               anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
  return {
      // The audit log: an auditor (or an audit.read token) reads their own
      // organisation's events, a national auditor every organisation's;
      // another organisation's log does not exist for the others. Checkpoints,
      // proofs and signing keys: for the same readers.
      {"GET", "/api/v1/audit/events", F::kUserList,
       {{R::kOwnOrganisation,                      "U F A D | D D D D D D D D D D D A A"},
        {R::kOtherOrganisation,                    "U F N D | D D D D D D D D D D D N A"}}},
      {"GET", "/api/v1/audit/checkpoints", F::kNoRecord, {{R::kNone, kAuditReader}}},
      {"GET", "/api/v1/audit/checkpoints/latest", F::kNoRecord, {{R::kNone, kAuditReader}}},
      {"GET", "/api/v1/audit/proofs/inclusion", F::kNoRecord, {{R::kNone, kAuditReader}}},
      {"GET", "/api/v1/audit/proofs/consistency", F::kNoRecord, {{R::kNone, kAuditReader}}},
      {"GET", "/api/v1/audit/public-keys", F::kNoRecord, {{R::kNone, kAuditReader}}},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
