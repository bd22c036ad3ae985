#include "domain/cases/codes.hpp"

#include <cstdio>

namespace opennrm::cases {

namespace {

constexpr int kPadding = 6;

bool Valid(int year, long long serial) {
  return year >= kMinCodeYear && year <= kMaxCodeYear && serial >= 1 && serial <= kMaxCodeSerial;
}

std::string Format(std::string_view prefix, int year, long long serial) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "-%04d-%06lld", year, serial);
  return std::string(prefix) + buf;
}

// Digits only; false on anything else or on overflow of `max_digits`.
bool Digits(std::string_view s, std::size_t max_digits, long long& out) {
  if (s.empty() || s.size() > max_digits) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

struct Parts {
  int year = 0;
  long long serial = 0;
};

std::optional<Parts> Parse(std::string_view prefix, std::string_view text) {
  if (text.size() < prefix.size() + 1 || text.substr(0, prefix.size()) != prefix) return {};
  text.remove_prefix(prefix.size());
  if (text.size() < 6 + kPadding || text[0] != '-' || text[5] != '-') return {};
  long long year = 0, serial = 0;
  if (!Digits(text.substr(1, 4), 4, year)) return {};
  std::string_view digits = text.substr(6);
  if (!Digits(digits, 9, serial)) return {};
  // Canonical: exactly six digits, or more without a leading zero.
  if (digits.size() > kPadding && digits[0] == '0') return {};
  if (!Valid(static_cast<int>(year), serial)) return {};
  return Parts{static_cast<int>(year), serial};
}

}  // namespace

bool IsValid(const PersonCode& code) { return Valid(code.year, code.serial); }
bool IsValid(const CaseCode& code) { return Valid(code.year, code.serial); }

std::string ToString(const PersonCode& code) { return Format("P", code.year, code.serial); }
std::string ToString(const CaseCode& code) { return Format("NRM", code.year, code.serial); }

std::optional<PersonCode> ParsePersonCode(std::string_view text) {
  auto p = Parse("P", text);
  if (!p) return std::nullopt;
  return PersonCode{p->year, p->serial};
}

std::optional<CaseCode> ParseCaseCode(std::string_view text) {
  auto p = Parse("NRM", text);
  if (!p) return std::nullopt;
  return CaseCode{p->year, p->serial};
}

}  // namespace opennrm::cases
