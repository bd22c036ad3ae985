// The request builders of the authorization matrix for referrals (rows in
// authorization_matrix_rows_referrals.cpp): the referral a row acts on, in
// the row's relation to the caller, and valid bodies. Referrals the caller
// may act on are sent through the API (with a consent recorded first), so
// that an allowed request succeeds; those the caller may not even see are
// written straight to the database. Not thread-safe.
#pragma once

#include <string>

#include "authorization_matrix_table.hpp"
#include "matrix_requests.hpp"
#include "matrix_world.hpp"

namespace opennrm::testing::matrix {

// Fills `p` for a row of Family::kReferral as `c` in `relation`.
void PrepareReferral(World& w, const RouteRows& route, Relation relation, Caller& c, Prepared& p);

// The body of POST /cases/{id}/referrals on `case_id`: on the caller's
// assigned case a consent for Z is recorded first and the referral relies
// on it; elsewhere the case refuses before the body matters.
std::string SendReferralBody(World& w, Relation relation, Caller& c, const std::string& case_id,
                             std::string& error);

}  // namespace opennrm::testing::matrix
