// The request builders of the authorization matrix for the hotline's
// consultations (rows in authorization_matrix_rows_hotline.cpp): the
// consultation a row acts on, in the row's relation to the caller, and
// valid bodies. A hotline operator's own consultations are made through the
// API (so that an allowed request succeeds); those of other organisations,
// and of organisations whose callers may not work with consultations, are
// written straight to the database. Not thread-safe.
#pragma once

#include <string>

#include "authorization_matrix_table.hpp"
#include "matrix_requests.hpp"
#include "matrix_world.hpp"

namespace opennrm::testing::matrix {

// Whether `key` ("METHOD /path") is a consultation route of the matrix.
bool IsConsultationRoute(const std::string& key);

// Fills `p` for a consultation route as `c` in `relation` (kNone for the
// collections, kOwnOrganisation / kOtherOrganisation for one consultation).
void PrepareConsultation(World& w, const RouteRows& route, Relation relation, Caller& c,
                         Prepared& p);

}  // namespace opennrm::testing::matrix
