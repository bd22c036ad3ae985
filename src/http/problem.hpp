// RFC 9457 problem documents. The one place where domain error codes become
// HTTP statuses.
#pragma once

#include <string>

#include "core/error.hpp"
#include "http/message.hpp"

namespace opennrm::http {

int StatusOf(ErrorCode code);

// A problem response for `error`, naming its fields; `instance` is the path.
Response ProblemResponse(const Error& error, const Request& request);

// A problem with an explicit status and type slug (e.g. 404 "not-found").
Response ProblemResponse(int status, const std::string& type_slug, const std::string& title,
                         const std::string& detail, const Request& request,
                         std::vector<FieldProblem> fields = {});

}  // namespace opennrm::http
