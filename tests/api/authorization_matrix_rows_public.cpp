// The authorization matrix, public and reference routes: health and metrics,
// reference data and the directory of organisations.
// Part of Table() (authorization_matrix_table.hpp), which keeps the parts in
// the order of authorization_matrix_table.cpp. Rows as the table's header
// comment describes. Builds a fresh vector: thread-safe.
#include "authorization_matrix_rows.hpp"

namespace opennrm::testing::matrix {

// clang-format off
std::vector<RouteRows> PublicRows() {
  using R = Relation;
  using F = Family;
  return {
      // Health and metrics (metrics = true, the default): public.
      {"GET", "/healthz", F::kNoRecord, {{R::kNone, kEveryone}}},
      {"GET", "/readyz", F::kNoRecord, {{R::kNone, kEveryone}}},
      {"GET", "/metrics", F::kNoRecord, {{R::kNone, kEveryone}}},
      // The hotline's public call-back form: nobody signs in, any session or
      // token is beside the point (issue 6 point 6).
      {"POST", "/api/v1/public/callback-requests", F::kNoRecord, {{R::kNone, kEveryone}}},

      // Reference data: any signed-in user; a token needs reference.read.
      {"GET", "/api/v1/geo/police-regions", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/counties", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/counties/{code}", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/municipalities", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/municipalities/{code}", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/maps/counties", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/geo/maps/municipalities", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/indicators", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/clock-rules", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/offences", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/ref/countries", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/ref/languages", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/ref/services", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/ref/organisation-kinds", F::kNoRecord, {{R::kNone, kReference}}},
      {"GET", "/api/v1/roles", F::kNoRecord, {{R::kNone, kReference}}},

      // The directory: read by every signed-in user and directory.read tokens;
      // changed by system administrators only (never by a token).
      {"GET", "/api/v1/organisations", F::kNoRecord, {{R::kNone, kDirectory}}},
      {"GET", "/api/v1/organisations/coverage", F::kNoRecord, {{R::kNone, kDirectory}}},
      {"GET", "/api/v1/organisations/{id}", F::kOrganisation,
       {{R::kOwnOrganisation, kDirectory}, {R::kOtherOrganisation, kDirectory}}},
      {"POST", "/api/v1/organisations", F::kNoRecord, {{R::kNone, kSysadminOnly}}},
      {"PUT", "/api/v1/organisations/{id}", F::kOrganisation,
       {{R::kOwnOrganisation, kSysadminOnly}, {R::kOtherOrganisation, kSysadminOnly}}},
      // Deactivating one's own organisation ends one's own sessions: last.
      {"POST", "/api/v1/organisations/{id}/deactivate", F::kOrganisation,
       {{R::kOwnOrganisation, kSysadminOnly, kLast}, {R::kOtherOrganisation, kSysadminOnly}}},
      {"POST", "/api/v1/organisations/{id}/activate", F::kOrganisation,
       {{R::kOwnOrganisation, kSysadminOnly}, {R::kOtherOrganisation, kSysadminOnly}}},
  };
}
// clang-format on

}  // namespace opennrm::testing::matrix
