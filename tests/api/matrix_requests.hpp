// How to call each route of the authorization matrix for one caller and one
// relation: the path with its parameters filled from the matrix's world, a
// well-formed body (so that a deny is a real deny and an allow succeeds), and
// what to learn from the answer (a new password, TOTP secret or recovery
// codes) so that later rows go on working. Fresh targets are made where a
// row would use one up. Not thread-safe.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "authorization_matrix_table.hpp"
#include "matrix_world.hpp"

namespace opennrm::testing::matrix {

struct Prepared {
  std::string method;
  std::string path;
  std::string body;
  std::string error;  // the request could not be made: a failure of the set-up
  std::function<void(const HttpResponse&)> after;
  // Headers beyond the caller's own (e.g. X-Attachment-Name).
  std::vector<std::pair<std::string, std::string>> headers = {};
};

// The request for `route` as `c` on a record in `relation` to it.
Prepared Prepare(World& w, const RouteRows& route, Relation relation, Caller& c);

}  // namespace opennrm::testing::matrix
