// Requests of the authorization matrix for the published-statistics routes
// (authorization_matrix_rows_statistics.cpp). Not thread-safe.
#pragma once

#include <string>

#include "matrix_requests.hpp"

namespace opennrm::testing::matrix {

// Whether `key` ("GET /api/v1/statistics/tables/{id}", ...) is one of them.
bool IsStatisticsPublicationRoute(const std::string& key);

// Fills `p` for `key`: publishing last year (it has ended), then reading its
// victims' table by police region and gender.
void PrepareStatisticsPublication(const std::string& key, Prepared& p);

}  // namespace opennrm::testing::matrix
