// Errors as values: every fallible function in OpenNRM returns Result<T>.
// An Error carries a closed code (chosen by the domain), a human message, and
// the fields and rules that were broken, so the HTTP edge can build an RFC 9457
// problem that names them. Only src/http maps codes to statuses.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace opennrm {

enum class ErrorCode {
  kInvalid,           // input broke a rule (422)
  kMalformed,         // input could not be parsed at all (400)
  kUnauthenticated,   // no valid session or token, or wrong credentials (401)
  kForbidden,         // signed in, visible, but not allowed (403)
  kNotFound,          // no such record, or not visible to the caller (404)
  kConflict,          // stale version or duplicate (409)
  kTooLarge,          // body or upload above its limit (413)
  kUnsupportedMedia,  // wrong content type (415)
  kTooManyRequests,   // slow down: too many attempts (429)
  kUnavailable,       // dependency down, database busy (503)
  kInternal,          // a bug or an I/O failure (500)
};

// One broken rule on one field. `field` is a JSON pointer-like path
// ("contact.email", "coverage.codes[2]"); `rule` a stable machine word
// ("required", "format", "unknown_code"); `detail` a sentence for people.
struct FieldProblem {
  std::string field;
  std::string rule;
  std::string detail;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldProblem> fields;
  // A more precise problem type than the code's own ("invalid-credentials",
  // "csrf", "login-incomplete"); empty: the code's.
  std::string type = {};
  int retry_after_s = 0;  // kTooManyRequests: when to try again
};

template <class T>
using Result = tl::expected<T, Error>;

using Status = Result<void>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string message,
                                  std::vector<FieldProblem> fields = {}) {
  return tl::unexpected<Error>(Error{code, std::move(message), std::move(fields)});
}

inline tl::unexpected<Error> Invalid(std::string field, std::string rule, std::string detail) {
  std::string message = detail;
  return Fail(ErrorCode::kInvalid, std::move(message),
              {FieldProblem{std::move(field), std::move(rule), std::move(detail)}});
}

inline tl::unexpected<Error> NotFound(std::string message) {
  return Fail(ErrorCode::kNotFound, std::move(message));
}

inline tl::unexpected<Error> Internal(std::string message) {
  return Fail(ErrorCode::kInternal, std::move(message));
}

inline tl::unexpected<Error> Unauthenticated(std::string type, std::string message) {
  return tl::unexpected<Error>(
      Error{ErrorCode::kUnauthenticated, std::move(message), {}, std::move(type)});
}

inline tl::unexpected<Error> Forbidden(std::string type, std::string message) {
  return tl::unexpected<Error>(
      Error{ErrorCode::kForbidden, std::move(message), {}, std::move(type)});
}

inline Status Ok() { return {}; }

// Collects field problems during validation; converts to one kInvalid error.
class Problems {
 public:
  void Add(std::string field, std::string rule, std::string detail) {
    items_.push_back({std::move(field), std::move(rule), std::move(detail)});
  }
  bool empty() const { return items_.empty(); }
  const std::vector<FieldProblem>& items() const { return items_; }
  Status ToStatus(std::string message = "The request breaks one or more rules.") const {
    if (items_.empty()) return {};
    return Fail(ErrorCode::kInvalid, std::move(message), items_);
  }

 private:
  std::vector<FieldProblem> items_;
};

}  // namespace opennrm
