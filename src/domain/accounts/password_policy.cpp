#include "domain/accounts/password_policy.hpp"

#include <cstdint>

#include "domain/text/fold.hpp"

namespace opennrm::accounts {

size_t CodePoints(std::string_view s) {
  if (!text::IsCleanUtf8(s)) return SIZE_MAX;
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Status CheckPassword(std::string_view password, std::string_view account_name,
                     std::string_view field) {
  std::string f(field);
  if (password.size() > kMaxPasswordBytes) {
    return Invalid(f, "max_length", "A password may be at most 1024 bytes long.");
  }
  size_t length = CodePoints(password);
  if (length == SIZE_MAX)
    return Invalid(f, "utf8", "The password must be text without control characters.");
  if (length < kMinPasswordCodePoints) {
    return Invalid(
        f, "min_length",
        "Use at least 12 characters; a few ordinary words make a strong, memorable password.");
  }
  if (!account_name.empty() && text::Fold(password) == text::Fold(account_name)) {
    return Invalid(f, "not_account_name", "The password must not be the account name.");
  }
  return {};
}

}  // namespace opennrm::accounts
