// Strict reading of JSON request bodies: content type, UTF-8, nesting depth,
// and objects whose every field is known and of the right type. Problems name
// the field by its path ("contact.email", "capacity[1].places").
#pragma once

#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "http/message.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

using Json = nlohmann::json;

inline constexpr int kMaxJsonDepth = 32;

// kUnsupportedMedia unless Content-Type is application/json; kMalformed for
// empty, truncated, non-UTF-8 or too deeply nested bodies, or a non-object.
Result<Json> ParseJsonObject(const Request& request);

// Reads the fields of one JSON object, recording type and presence problems.
// Not thread-safe; one per object.
class ObjectReader {
 public:
  ObjectReader(const Json& object, std::string path, Problems& problems)
      : object_(object), path_(std::move(path)), problems_(problems) {}

  std::optional<std::string> String(const std::string& name, bool required = false);
  std::optional<long long> Integer(const std::string& name, bool required = false);
  std::optional<bool> Bool(const std::string& name, bool required = false);
  // Arrays of strings; nullopt when absent.
  std::optional<std::vector<std::string>> Strings(const std::string& name, bool required = false);
  // The raw member when it is an object (or null when `nullable`); records
  // a type problem otherwise.
  const Json* Object(const std::string& name, bool required = false, bool nullable = false);
  const Json* Array(const std::string& name, bool required = false);
  // Whether the member is present and null.
  bool IsNull(const std::string& name) const;
  // Records an "unknown_field" problem for every member not read.
  void RejectUnknown();
  std::string Path(const std::string& name) const {
    return path_.empty() ? name : path_ + "." + name;
  }

 private:
  const Json* Find(const std::string& name, bool required);
  void TypeProblem(const std::string& name, const char* expected);

  const Json& object_;
  std::string path_;
  Problems& problems_;
  std::set<std::string> seen_;
};

// A JSON answer with `status`; invalid UTF-8 in a string is replaced, never thrown.
Response JsonAnswer(const Json& j, int status = 200);

// Parses the body with `read` (a function of the object and Problems) into
// `out`; a problem response when the body is malformed or breaks a presence
// or type rule, nullopt when `out` is ready.
template <typename Input, typename Reader>
std::optional<Response> ReadBody(const Request& req, Reader read, Input& out) {
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(body.error(), req);
  Problems p;
  out = read(*body, p);
  if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
  return std::nullopt;
}

}  // namespace opennrm::http
