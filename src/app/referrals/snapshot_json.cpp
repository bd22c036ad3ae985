#include "app/referrals/snapshot_json.hpp"

namespace opennrm::app::referral_internal {

std::string JsonString(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string JsonArray(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out.push_back(',');
    out += values[i];
  }
  out.push_back(']');
  return out;
}

std::string JsonStrings(const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  quoted.reserve(values.size());
  for (const auto& v : values) quoted.push_back(JsonString(v));
  return JsonArray(quoted);
}

JsonObject& JsonObject::Raw(std::string_view key, std::string_view json) {
  if (!members_.empty()) members_.push_back(',');
  members_ += JsonString(key);
  members_.push_back(':');
  members_ += json;
  return *this;
}

JsonObject& JsonObject::Str(std::string_view key, std::string_view value) {
  return Raw(key, JsonString(value));
}

JsonObject& JsonObject::Int(std::string_view key, long long value) {
  return Raw(key, std::to_string(value));
}

JsonObject& JsonObject::Bool(std::string_view key, bool value) {
  return Raw(key, value ? "true" : "false");
}

JsonObject& JsonObject::Date(std::string_view key, CivilDate value) {
  return Str(key, FormatIsoDate(value));
}

JsonObject& JsonObject::Date(std::string_view key, const std::optional<CivilDate>& value) {
  if (value) Date(key, *value);
  return *this;
}

std::string JsonObject::Done() const { return "{" + members_ + "}"; }

}  // namespace opennrm::app::referral_internal
