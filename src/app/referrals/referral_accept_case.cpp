#include "app/referrals/referral_accept_case.hpp"

#include <cctype>

#include "app/cases/case_lookups.hpp"
#include "app/cases/cases.hpp"
#include "app/cases/persons.hpp"
#include "app/referrals/snapshot.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::app::referral_internal {

namespace {

// Deeper nesting is refused rather than followed (the package's records are
// a few levels deep).
constexpr int kMaxDepth = 64;

void AppendUtf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A JSON number as RFC 8259 writes it.
bool IsNumber(std::string_view t) {
  std::size_t i = 0;
  if (i < t.size() && t[i] == '-') ++i;
  if (i >= t.size() || !IsDigit(t[i])) return false;
  if (t[i] == '0') {
    ++i;
  } else {
    while (i < t.size() && IsDigit(t[i])) ++i;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (i >= t.size() || !IsDigit(t[i])) return false;
    while (i < t.size() && IsDigit(t[i])) ++i;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (i >= t.size() || !IsDigit(t[i])) return false;
    while (i < t.size() && IsDigit(t[i])) ++i;
  }
  return i == t.size();
}

// Reads JSON text from left to right; each method reports whether what it
// read was well-formed.
struct Scanner {
  std::string_view s;
  std::size_t i = 0;

  void Space() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  bool Eat(char c) {
    Space();
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  bool Hex4(unsigned& cp) {
    if (s.size() - i < 4) return false;
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s[i++];
      cp <<= 4;
      if (IsDigit(c)) {
        cp |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        cp |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        cp |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }
  // A \u escape (after the "\u"), a surrogate pair joined.
  bool Unicode(std::string* out) {
    unsigned cp = 0;
    if (!Hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      unsigned low = 0;
      if (s.size() - i < 2 || s[i] != '\\' || s[i + 1] != 'u') return false;
      i += 2;
      if (!Hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (out) AppendUtf8(*out, cp);
    return true;
  }
  // A string; its text decoded into `out` when given.
  bool String(std::string* out) {
    Space();
    if (i >= s.size() || s[i] != '"') return false;
    ++i;
    while (i < s.size()) {
      char c = s[i++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        if (out) out->push_back(c);
        continue;
      }
      if (i >= s.size()) return false;
      char e = s[i++];
      char plain = 0;
      switch (e) {
        case '"':
        case '\\':
        case '/':
          plain = e;
          break;
        case 'b':
          plain = '\b';
          break;
        case 'f':
          plain = '\f';
          break;
        case 'n':
          plain = '\n';
          break;
        case 'r':
          plain = '\r';
          break;
        case 't':
          plain = '\t';
          break;
        case 'u':
          if (!Unicode(out)) return false;
          continue;
        default:
          return false;
      }
      if (out) out->push_back(plain);
    }
    return false;
  }
  // Any value, skipped.
  bool Value(int depth) {
    if (depth > kMaxDepth) return false;
    Space();
    if (i >= s.size()) return false;
    if (s[i] == '"') return String(nullptr);
    if (s[i] == '{') {
      ++i;
      if (Eat('}')) return true;
      do {
        if (!String(nullptr) || !Eat(':') || !Value(depth + 1)) return false;
      } while (Eat(','));
      return Eat('}');
    }
    if (s[i] == '[') {
      ++i;
      if (Eat(']')) return true;
      do {
        if (!Value(depth + 1)) return false;
      } while (Eat(','));
      return Eat(']');
    }
    std::size_t start = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-' ||
                            s[i] == '+' || s[i] == '.')) {
      ++i;
    }
    std::string_view token = s.substr(start, i - start);
    return token == "true" || token == "false" || token == "null" || IsNumber(token);
  }
};

}  // namespace

std::optional<std::string_view> JsonMemberAt(std::string_view document,
                                             const std::vector<std::string_view>& path) {
  Scanner sc{document};
  for (std::size_t k = 0; k < path.size(); ++k) {
    if (static_cast<int>(k) >= kMaxDepth || !sc.Eat('{')) return std::nullopt;
    bool found = false;
    if (!sc.Eat('}')) {
      do {
        std::string key;
        if (!sc.String(&key) || !sc.Eat(':')) return std::nullopt;
        if (key == path[k]) {
          found = true;
          break;
        }
        if (!sc.Value(static_cast<int>(k) + 1)) return std::nullopt;
      } while (sc.Eat(','));
    }
    if (!found) return std::nullopt;
  }
  sc.Space();
  const std::size_t start = sc.i;
  if (!sc.Value(static_cast<int>(path.size()))) return std::nullopt;
  return document.substr(start, sc.i - start);
}

std::optional<std::string> JsonStringText(std::string_view json) {
  Scanner sc{json};
  std::string out;
  if (!sc.String(&out)) return std::nullopt;
  sc.Space();
  if (sc.i != json.size()) return std::nullopt;
  return out;
}

Result<PackagePerson> ReadPackagePerson(const ports::RecordCodec& codec,
                                        std::string_view document) {
  auto format = JsonMemberAt(document, {"format"});
  if (!format || *format != std::to_string(kPackageSnapshotFormat)) {
    return Internal("The package is not in a format this server reads.");
  }
  PackagePerson out;
  if (auto type = JsonMemberAt(document, {"case", "type"})) {
    auto text = JsonStringText(*type);
    if (!text) return Internal("The package's case type cannot be read.");
    out.case_type = std::move(*text);
  }
  if (auto flag = JsonMemberAt(document, {"protected"}); flag && *flag == "true") {
    out.person.protection = cases::ProtectionLevel::kSecrecyMarking;
  }
  if (auto identity = JsonMemberAt(document, {"sections", "identity", "identity"})) {
    if (auto st = codec.DecodeIdentity(*identity, out.person); !st) {
      return Internal("The identity in the package cannot be read.");
    }
    out.identity_disclosed = true;
  }
  if (auto contact = JsonMemberAt(document, {"sections", "contact"})) {
    auto details = codec.DecodeContact(*contact);
    if (!details) return Internal("The contact details in the package cannot be read.");
    out.person.contact = std::move(*details);
    out.contact_disclosed = true;
  }
  return out;
}

Result<NewCaseTarget> AcceptIntoNewCase(const Context& ctx, const Caller& caller,
                                        const std::string& case_type, const cases::Person& person,
                                        const ClientInfo& client) {
  // Checked as AddCasePerson will check it, before the case is created.
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  cases::Person probe = person;
  probe.id = "package";
  probe.organisation_id = caller.actor.organisation_id;
  probe.code = cases::PersonCode{today.year, 1};
  if (auto st = cases::ValidatePerson(probe, case_internal::LookupsOf(ctx), today); !st) {
    Error e = st.error();
    e.message =
        "The person in the package breaks a rule of a new case; take the referral into "
        "an existing case instead.";
    for (auto& f : e.fields) f.field = "package." + f.field;
    return tl::unexpected(std::move(e));
  }
  auto created = CreateCase(ctx, caller, NewCase{case_type}, client);
  if (!created) return tl::unexpected(created.error());
  NewCasePerson added;
  added.role = std::string(cases::ToString(cases::PersonRole::kPresumedVictim));
  added.person = person;
  auto in_case = AddCasePerson(ctx, caller, created->summary.id, added, client);
  if (!in_case) return tl::unexpected(in_case.error());
  return NewCaseTarget{created->summary.id, in_case->person.id};
}

}  // namespace opennrm::app::referral_internal
