// Pseudonymous codes of persons ("P-2026-000123") and cases
// ("NRM-2026-000045"): a prefix, the year the record was made and a serial
// within that year, zero-padded to six digits. A person's code stands in for
// their name wherever the name is not needed. Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace opennrm::cases {

constexpr int kMinCodeYear = 2000;
constexpr int kMaxCodeYear = 2999;
constexpr long long kMaxCodeSerial = 999'999'999;

struct PersonCode {
  int year = 0;
  long long serial = 0;
  bool operator==(const PersonCode&) const = default;
  auto operator<=>(const PersonCode&) const = default;
};

struct CaseCode {
  int year = 0;
  long long serial = 0;
  bool operator==(const CaseCode&) const = default;
  auto operator<=>(const CaseCode&) const = default;
};

// Whether year is 2000-2999 and serial 1-999999999.
bool IsValid(const PersonCode& code);
bool IsValid(const CaseCode& code);

// "P-2026-000123". REQUIRES: IsValid(code).
std::string ToString(const PersonCode& code);
// "NRM-2026-000045". REQUIRES: IsValid(code).
std::string ToString(const CaseCode& code);

// The code in canonical form only (upper-case prefix, six-digit padding, no
// extra leading zeros, no spaces); nullopt otherwise. Round-trips ToString.
std::optional<PersonCode> ParsePersonCode(std::string_view text);
std::optional<CaseCode> ParseCaseCode(std::string_view text);

}  // namespace opennrm::cases
