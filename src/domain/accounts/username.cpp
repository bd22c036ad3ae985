#include "domain/accounts/username.hpp"

#include "domain/accounts/password_policy.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::accounts {

namespace {

bool Allowed(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
         c == '@';
}

std::string TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::optional<std::string> NormaliseUsername(std::string_view text) {
  std::string s = TrimAscii(text);
  if (s.size() < 3 || s.size() > 64) return std::nullopt;
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!Allowed(c)) return std::nullopt;
  }
  char first = s.front();
  if (!((first >= 'a' && first <= 'z') || (first >= '0' && first <= '9'))) return std::nullopt;
  return s;
}

Result<std::string> ValidateUsername(std::string_view text) {
  std::string s = TrimAscii(text);
  if (s.size() < 3 || s.size() > 64) {
    return Invalid("username", "length", "A username has 3 to 64 characters.");
  }
  auto n = NormaliseUsername(s);
  if (!n) {
    return Invalid("username", "format",
                   "Use letters a-z, digits and . _ - @, starting with a letter or digit.");
  }
  return *n;
}

Result<std::string> ValidateDisplayName(std::string_view text) {
  if (!text::IsCleanUtf8(text)) {
    return Invalid("display_name", "format", "The name holds characters that are not allowed.");
  }
  std::string s = text::Trim(text);
  size_t n = CodePoints(s);
  if (s.empty()) return Invalid("display_name", "required", "Give the user's name.");
  if (n > 200) return Invalid("display_name", "length", "At most 200 characters.");
  return s;
}

}  // namespace opennrm::accounts
