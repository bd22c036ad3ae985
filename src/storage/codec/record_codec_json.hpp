// Internal to the record codec: the pieces every record's JSON shares
// (format number, dates, enums as their stable words, interpreters). Pure
// functions; thread-safe.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "domain/cases/conversation.hpp"

namespace opennrm::storage::codec_json {

using Json = nlohmann::json;

// The format every record body of this codec is written in; a decoder
// refuses any other.
inline constexpr int kRecordFormat = 1;

// Thrown inside a decoder for a value it cannot read; caught at its edge.
struct Unreadable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline Json Date(const CivilDate& d) { return FormatIsoDate(d); }
inline CivilDate DateAt(const Json& j, const char* key) {
  auto d = ParseIsoDate(j.at(key).get<std::string>());
  if (!d) throw Unreadable(key);
  return *d;
}
// The enum `key` names through `parse`; throws when the word is unknown.
template <class Parse>
auto EnumAt(const Json& j, const char* key, Parse parse) {
  auto v = parse(j.at(key).get<std::string>());
  if (!v) throw Unreadable(key);
  return *v;
}
// Parses `bytes` and checks its format number.
inline Json Parse(std::string_view bytes) {
  Json j = Json::parse(bytes);
  if (j.at("f").get<int>() != kRecordFormat) throw Unreadable("format");
  return j;
}

inline Json InterpreterJson(const std::optional<cases::Interpreter>& i) {
  if (!i) return nullptr;
  return Json{{"l", i->language},
              {"m", std::string(cases::ToString(i->mode))},
              {"r", std::string(cases::ToString(i->relationship))},
              {"p", i->provider}};
}
inline std::optional<cases::Interpreter> InterpreterAt(const Json& j, const char* key) {
  const Json& i = j.at(key);
  if (i.is_null()) return std::nullopt;
  cases::Interpreter out;
  out.language = i.at("l").get<std::string>();
  out.mode = EnumAt(i, "m", cases::ParseInterpretingMode);
  out.relationship = EnumAt(i, "r", cases::ParseInterpreterRelationship);
  out.provider = i.at("p").get<std::string>();
  return out;
}

}  // namespace opennrm::storage::codec_json
