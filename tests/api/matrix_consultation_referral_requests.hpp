// The request builders of the authorization matrix for a consultation as the
// source of a referral (rows in authorization_matrix_rows_consultation_referrals.cpp):
// the consultation a row acts on, in the row's relation to the caller (made
// as the consultation rows make it: matrix_hotline_requests.hpp), and valid
// bodies. A hotline operator's own consultation is an identified one with a
// consent for the regional coordinator, so that an allowed referral is sent.
// Not thread-safe.
#pragma once

#include <string>

#include "authorization_matrix_table.hpp"
#include "matrix_requests.hpp"
#include "matrix_world.hpp"

namespace opennrm::testing::matrix {

// Whether `key` ("METHOD /path") is a route of a consultation's consents or referrals.
bool IsConsultationReferralRoute(const std::string& key);

// Fills `p` for such a route as `c` on a consultation in `relation`
// (kOwnOrganisation / kOtherOrganisation).
void PrepareConsultationReferral(World& w, const RouteRows& route, Relation relation, Caller& c,
                                 Prepared& p);

}  // namespace opennrm::testing::matrix
