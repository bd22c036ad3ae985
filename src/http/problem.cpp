#include "http/problem.hpp"

#include <nlohmann/json.hpp>

namespace opennrm::http {

namespace {

struct Kind {
  int status;
  const char* slug;
  const char* title;
};

Kind KindOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return {422, "validation", "The request breaks one or more rules."};
    case ErrorCode::kMalformed:
      return {400, "malformed", "The request could not be read."};
    case ErrorCode::kUnauthenticated:
      return {401, "unauthenticated", "Sign in first."};
    case ErrorCode::kForbidden:
      return {403, "forbidden", "You may not do this."};
    case ErrorCode::kNotFound:
      return {404, "not-found", "Not found."};
    case ErrorCode::kConflict:
      return {409, "conflict", "The request conflicts with the current state."};
    case ErrorCode::kTooLarge:
      return {413, "too-large", "The request body is too large."};
    case ErrorCode::kUnsupportedMedia:
      return {415, "unsupported-media-type", "Unsupported content type."};
    case ErrorCode::kTooManyRequests:
      return {429, "too-many-requests", "Too many attempts; try again later."};
    case ErrorCode::kUnavailable:
      return {503, "unavailable", "The service is temporarily unavailable."};
    case ErrorCode::kInternal:
      break;
  }
  return {500, "internal", "Something went wrong on our side."};
}

}  // namespace

int StatusOf(ErrorCode code) { return KindOf(code).status; }

Response ProblemResponse(int status, const std::string& type_slug, const std::string& title,
                         const std::string& detail, const Request& request,
                         std::vector<FieldProblem> fields) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& f : fields) {
    errors.push_back({{"field", f.field}, {"rule", f.rule}, {"detail", f.detail}});
  }
  nlohmann::json body{{"type", "https://opennrm.org/problems/" + type_slug},
                      {"title", title},
                      {"status", status},
                      {"detail", detail},
                      {"instance", request.path},
                      {"request_id", request.request_id},
                      {"errors", std::move(errors)}};
  Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response ProblemResponse(const Error& error, const Request& request) {
  Kind k = KindOf(error.code);
  // Internal errors keep their cause out of the response (it may name tables
  // or files); the log has the request id.
  std::string detail = error.code == ErrorCode::kInternal
                           ? "The error has been logged with the request id."
                           : error.message;
  Response r = ProblemResponse(k.status, error.type.empty() ? k.slug : error.type, k.title, detail,
                               request, error.fields);
  if (error.code == ErrorCode::kTooManyRequests && error.retry_after_s > 0) {
    r.headers.emplace_back("Retry-After", std::to_string(error.retry_after_s));
  }
  if (error.code == ErrorCode::kUnauthenticated) {
    r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"opennrm\"");
  }
  return r;
}

}  // namespace opennrm::http
