// A small writer of compact JSON for the package snapshot (snapshot.hpp):
// objects and arrays built from quoted strings, numbers, booleans and JSON
// values already encoded (the record codec's bytes). The app layer holds no
// JSON library; this writes, it never parses. Not part of the app's API.
// Not thread-safe (one writer per document); the functions are pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace opennrm::app::referral_internal {

// `text` as a JSON string: quotes, backslashes and control characters escaped.
std::string JsonString(std::string_view text);

// An array of JSON values already encoded.
std::string JsonArray(const std::vector<std::string>& values);

// An array of strings.
std::string JsonStrings(const std::vector<std::string>& values);

// A JSON object built member by member, in the order added.
class JsonObject {
 public:
  JsonObject& Str(std::string_view key, std::string_view value);
  JsonObject& Int(std::string_view key, long long value);
  JsonObject& Bool(std::string_view key, bool value);
  JsonObject& Date(std::string_view key, CivilDate value);
  // A date when set; nothing when not.
  JsonObject& Date(std::string_view key, const std::optional<CivilDate>& value);
  // A value already encoded as JSON (an object, array, string, ...).
  JsonObject& Raw(std::string_view key, std::string_view json);
  bool Empty() const { return members_.empty(); }
  std::string Done() const;

 private:
  std::string members_;
};

}  // namespace opennrm::app::referral_internal
