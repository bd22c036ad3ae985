// Requests of the authorization matrix for the knowledge-base routes
// (authorization_matrix_rows_knowledge.cpp). Not thread-safe.
#pragma once

#include <string>

#include "matrix_requests.hpp"

namespace opennrm::testing::matrix {

// Fills `p` for `key` ("POST /api/v1/knowledge", ...): a fresh article for
// each write about one (so that every allowed write succeeds), a unique slug
// for each new one, and a shipped article to read.
void PrepareKnowledge(World& w, const std::string& key, Prepared& p);

}  // namespace opennrm::testing::matrix
