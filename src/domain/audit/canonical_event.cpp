#include "domain/audit/canonical_event.hpp"

#include <charconv>
#include <cstdint>

namespace opennrm::audit {
namespace {

void AppendString(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
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
          out.push_back(kHex[c & 0x0f]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

void AppendStrings(const std::vector<std::string>& items, std::string& out) {
  out.push_back('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendString(items[i], out);
  }
  out.push_back(']');
}

// Writes `"key":` ; keys are written in sorted order by the callers below.
void Key(std::string_view key, bool first, std::string& out) {
  if (!first) out.push_back(',');
  out.push_back('"');
  out += key;
  out += "\":";
}

// Reads the canonical layout back. Strict: any byte out of place fails; the final comparison
// with a fresh encoding (in DecodeEvent) catches whatever slips through the reader.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  bool Literal(std::string_view text) {
    if (in_.substr(pos_, text.size()) != text) return false;
    pos_ += text.size();
    return true;
  }

  // `"key":` with the comma before it unless first.
  bool Key(std::string_view key, bool first) {
    if (!first && !Literal(",")) return false;
    return Literal("\"") && Literal(key) && Literal("\":");
  }

  bool String(std::string& out) {
    out.clear();
    if (!Literal("\"")) return false;
    while (pos_ < in_.size()) {
      const auto c = static_cast<unsigned char>(in_[pos_++]);
      if (c == '"') return IsValidUtf8(out);
      if (c < 0x20) return false;
      if (c != '\\') {
        out.push_back(static_cast<char>(c));
        continue;
      }
      if (pos_ >= in_.size()) return false;
      switch (in_[pos_++]) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          if (!Literal("00") || pos_ + 2 > in_.size()) return false;
          int value = 0;
          auto [end, ec] = std::from_chars(in_.data() + pos_, in_.data() + pos_ + 2, value, 16);
          if (ec != std::errc() || end != in_.data() + pos_ + 2) return false;
          pos_ += 2;
          out.push_back(static_cast<char>(value));
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  bool Strings(std::vector<std::string>& out) {
    out.clear();
    if (!Literal("[")) return false;
    if (Literal("]")) return true;
    do {
      out.emplace_back();
      if (!String(out.back())) return false;
    } while (Literal(","));
    return Literal("]");
  }

  bool Integer(long long& out) {
    size_t start = pos_;
    if (pos_ < in_.size() && in_[pos_] == '-') ++pos_;
    while (pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9') ++pos_;
    auto [end, ec] = std::from_chars(in_.data() + start, in_.data() + pos_, out);
    return ec == std::errc() && end == in_.data() + pos_;
  }

  bool Object(ObjectRef& o) {
    return Literal("{") && Key("id", true) && String(o.id) && Key("organisation_id", false) &&
           String(o.organisation_id) && Key("sections", false) && Strings(o.sections) &&
           Key("type", false) && String(o.type) && Literal("}");
  }

  bool Objects(std::vector<ObjectRef>& out) {
    out.clear();
    if (!Literal("[")) return false;
    if (Literal("]")) return true;
    do {
      out.emplace_back();
      if (!Object(out.back())) return false;
    } while (Literal(","));
    return Literal("]");
  }

  bool AtEnd() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

// A field holds an id or a code: valid UTF-8 and short, never free text.
bool IsIdOrCode(std::string_view s) { return s.size() <= kMaxEventFieldBytes && IsValidUtf8(s); }

// Which string field of an event is not an id or a code; empty when all are.
std::string BadField(const Event& e) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"action", &e.action},
      {"actor_token_id", &e.actor_token_id},
      {"actor_user_id", &e.actor_user_id},
      {"organisation_id", &e.organisation_id},
      {"outcome", &e.outcome},
      {"purpose", &e.purpose},
      {"reason_id", &e.reason_id},
      {"request_id", &e.request_id}};
  for (const auto& [name, value] : fields) {
    if (!IsIdOrCode(*value)) return name;
  }
  for (size_t i = 0; i < e.roles.size(); ++i) {
    if (!IsIdOrCode(e.roles[i])) return "roles[" + std::to_string(i) + "]";
  }
  for (size_t i = 0; i < e.objects.size(); ++i) {
    const ObjectRef& o = e.objects[i];
    std::string at = "objects[" + std::to_string(i) + "].";
    if (!IsIdOrCode(o.type)) return at + "type";
    if (!IsIdOrCode(o.id)) return at + "id";
    if (!IsIdOrCode(o.organisation_id)) return at + "organisation_id";
    for (size_t s = 0; s < o.sections.size(); ++s) {
      if (!IsIdOrCode(o.sections[s])) return at + "sections[" + std::to_string(s) + "]";
    }
  }
  return "";
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    uint32_t cp = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      extra = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      extra = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;  // truncated sequence
    for (int k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)) return false;  // overlong
    if (cp >= 0xd800 && cp <= 0xdfff) return false;                                // surrogate
    if (cp > 0x10ffff) return false;
    i += static_cast<size_t>(extra) + 1;
  }
  return true;
}

Result<std::string> EncodeEvent(const Event& e) {
  if (e.action.empty()) return Invalid("action", "required", "An audit event needs an action.");
  if (std::string field = BadField(e); !field.empty()) {
    return Invalid(field, "id_or_code",
                   "The audit event's " + field + " is not an id or a code (UTF-8, at most " +
                       std::to_string(kMaxEventFieldBytes) + " bytes): events name no one.");
  }

  std::string out;
  out.reserve(256);
  out.push_back('{');
  Key("action", true, out);
  AppendString(e.action, out);
  Key("actor_token_id", false, out);
  AppendString(e.actor_token_id, out);
  Key("actor_user_id", false, out);
  AppendString(e.actor_user_id, out);
  Key("at_us", false, out);
  out += std::to_string(e.at_us);
  Key("objects", false, out);
  out.push_back('[');
  for (size_t i = 0; i < e.objects.size(); ++i) {
    const ObjectRef& o = e.objects[i];
    if (i > 0) out.push_back(',');
    out.push_back('{');
    Key("id", true, out);
    AppendString(o.id, out);
    Key("organisation_id", false, out);
    AppendString(o.organisation_id, out);
    Key("sections", false, out);
    AppendStrings(o.sections, out);
    Key("type", false, out);
    AppendString(o.type, out);
    out.push_back('}');
  }
  out.push_back(']');
  Key("organisation_id", false, out);
  AppendString(e.organisation_id, out);
  Key("outcome", false, out);
  AppendString(e.outcome, out);
  Key("purpose", false, out);
  AppendString(e.purpose, out);
  Key("reason_id", false, out);
  AppendString(e.reason_id, out);
  Key("request_id", false, out);
  AppendString(e.request_id, out);
  Key("roles", false, out);
  AppendStrings(e.roles, out);
  Key("v", false, out);
  out += std::to_string(kEventEncodingVersion);
  out.push_back('}');
  return out;
}

Result<Event> DecodeEvent(std::string_view bytes) {
  Event e;
  long long version = 0;
  Reader r(bytes);
  bool ok = r.Literal("{") && r.Key("action", true) && r.String(e.action) &&
            r.Key("actor_token_id", false) && r.String(e.actor_token_id) &&
            r.Key("actor_user_id", false) && r.String(e.actor_user_id) && r.Key("at_us", false) &&
            r.Integer(e.at_us) && r.Key("objects", false) && r.Objects(e.objects) &&
            r.Key("organisation_id", false) && r.String(e.organisation_id) &&
            r.Key("outcome", false) && r.String(e.outcome) && r.Key("purpose", false) &&
            r.String(e.purpose) && r.Key("reason_id", false) && r.String(e.reason_id) &&
            r.Key("request_id", false) && r.String(e.request_id) && r.Key("roles", false) &&
            r.Strings(e.roles) && r.Key("v", false) && r.Integer(version) && r.Literal("}") &&
            r.AtEnd();
  if (!ok || version != kEventEncodingVersion) {
    return Invalid("leaf", "canonical", "The bytes are not a canonical audit event.");
  }
  // The reader accepts a few spellings the encoder never writes (e.g. "\u0041", "007"):
  // only the one canonical spelling of this event is an event.
  auto again = EncodeEvent(e);
  if (!again || *again != bytes) {
    return Invalid("leaf", "canonical", "The bytes are not a canonical audit event.");
  }
  return e;
}

}  // namespace opennrm::audit
