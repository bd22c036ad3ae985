// Requests of the authorization matrix for the crime-figure routes
// (authorization_matrix_rows_crime_figures.cpp). Not thread-safe.
#pragma once

#include <string>

#include "matrix_requests.hpp"

namespace opennrm::testing::matrix {

// Whether `key` ("POST /api/v1/statistics/crime-figures", ...) is one of them.
bool IsCrimeFigureRoute(const std::string& key);

// Fills `p` for `key`: a one-figure CSV file sent as text/csv (every allowed
// import replaces the same year), and a list of a few years.
void PrepareCrimeFigures(const std::string& key, Prepared& p);

}  // namespace opennrm::testing::matrix
