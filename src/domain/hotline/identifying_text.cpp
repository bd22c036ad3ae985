#include "domain/hotline/identifying_text.hpp"

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "core/stockholm_date_math.hpp"

namespace opennrm::hotline {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
int DigitAt(std::string_view s, std::size_t i) { return s[i] - '0'; }

// The Luhn check over ten digits (YYMMDDNNNN).
bool LuhnValid(std::string_view ten) {
  int sum = 0;
  for (std::size_t i = 0; i < ten.size(); ++i) {
    int d = DigitAt(ten, i) * (i % 2 == 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10 == 0;
}

// Month and day (coordination numbers add 60 to the day) of YYMMDD; with the
// century when known, the day must exist in that month.
bool PlausibleBirthDate(std::optional<int> year, int month, int day) {
  if (day > 60) day -= 60;
  if (month < 1 || month > 12 || day < 1) return false;
  if (year && (*year < 1870 || *year > 2199)) return false;
  // Without the century a leap year is assumed, so 29 February passes.
  return IsRealDate(
      {year.value_or(2000), static_cast<unsigned>(month), static_cast<unsigned>(day)});
}

// The number of consecutive digits from `i`.
std::size_t DigitRun(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && IsDigit(s[i + n])) ++n;
  return n;
}

// Whether a personal identity or coordination number starts at `i` (a digit
// not preceded by one): YYMMDD or YYYYMMDD, then '-', '+', ' ' or nothing,
// then four digits, and nothing but a non-digit after.
bool IdentityNumberAt(std::string_view s, std::size_t i) {
  const std::size_t first = DigitRun(s, i);
  std::string digits;
  std::size_t end = 0;
  if (first == 10 || first == 12) {
    digits = std::string(s.substr(i, first));
    end = i + first;
  } else if ((first == 6 || first == 8) && i + first < s.size()) {
    char sep = s[i + first];
    if (sep != '-' && sep != '+' && sep != ' ') return false;
    if (DigitRun(s, i + first + 1) != 4) return false;
    digits = std::string(s.substr(i, first)) + std::string(s.substr(i + first + 1, 4));
    end = i + first + 5;
  } else {
    return false;
  }
  if (end < s.size() && IsDigit(s[end])) return false;
  std::optional<int> year;
  std::string_view ten = digits;
  if (digits.size() == 12) {
    year = std::stoi(digits.substr(0, 4));
    ten = std::string_view(digits).substr(2);
  }
  const int month = DigitAt(ten, 2) * 10 + DigitAt(ten, 3);
  const int day = DigitAt(ten, 4) * 10 + DigitAt(ten, 5);
  return PlausibleBirthDate(year, month, day) && LuhnValid(ten);
}

bool IsEmailChar(char c) {
  return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether the '@' at `at` sits inside an e-mail address (name@domain.tld).
bool EmailAt(std::string_view s, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0 && IsEmailChar(s[begin - 1])) --begin;
  std::size_t end = at + 1;
  while (end < s.size() && IsEmailChar(s[end])) ++end;
  while (end > at + 1 && (s[end - 1] == '.' || s[end - 1] == '-')) --end;  // sentence end
  if (begin == at) return false;
  std::string_view domain = s.substr(at + 1, end - at - 1);
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::size_t tld = 0;
  for (std::size_t k = dot + 1; k < domain.size(); ++k) {
    if (!std::isalpha(static_cast<unsigned char>(domain[k]))) return false;
    ++tld;
  }
  return tld >= 2;
}

bool IsPhoneSeparator(char c) { return c == ' ' || c == '-' || c == '(' || c == ')'; }

// Whether `groups` (digit group lengths) with dashes read as a date, such as
// 05-06-2024 or 2024-06-05.
bool LooksLikeDate(const std::vector<std::string>& groups) {
  if (groups.size() != 3) return false;
  auto n = [&](int k) { return std::stoi(groups[k]); };
  if (groups[0].size() == 4 && groups[1].size() == 2 && groups[2].size() == 2) {
    return n(1) >= 1 && n(1) <= 12 && n(2) >= 1 && n(2) <= 31;
  }
  if (groups[0].size() == 2 && groups[1].size() == 2 && groups[2].size() == 4) {
    return n(0) >= 1 && n(0) <= 31 && n(1) >= 1 && n(1) <= 12;
  }
  return false;
}

// Whether digit groups (after a '+' when `plus`) are written as a phone
// number is: 8 to 17 digits with a leading '+' or '0'. Organisations' service
// numbers (020, 077x, 09xx) and dates with dashes are not a person's.
bool JudgePhone(const std::vector<std::string>& groups, bool plus, bool dashed) {
  std::string digits;
  for (const auto& g : groups) digits += g;
  if (digits.size() < 8 || digits.size() > 17) return false;
  std::string national;
  if (plus && digits.rfind("46", 0) == 0) {
    national = digits.substr(2);
    if (national.empty() || national[0] != '0') national = "0" + national;
  } else if (!plus && digits.rfind("0046", 0) == 0) {
    national = "0" + digits.substr(4);
  } else if (plus || digits.rfind("00", 0) == 0) {
    return true;  // a foreign number
  } else if (digits[0] == '0') {
    national = digits;
  } else {
    return false;  // years, amounts, counts
  }
  if (national.rfind("020", 0) == 0 || national.rfind("077", 0) == 0 ||
      national.rfind("09", 0) == 0) {
    return false;
  }
  return !(dashed && LooksLikeDate(groups));
}

// Whether a phone number starts at `i` ('+' or a digit, not inside a word or
// a number): digit groups separated by up to three of space, '-', '(' and
// ')', judged by JudgePhone. A run too long for one number is a list: its
// leading groups are judged, and `next` is set past the first group so the
// caller tries the rest; otherwise `next` is set past the run.
bool PhoneAt(std::string_view s, std::size_t i, std::size_t& next) {
  std::size_t k = i;
  const bool plus = s[k] == '+';
  if (plus) ++k;
  std::vector<std::string> groups;
  std::size_t digit_count = 0;
  bool dashed = false;
  while (k < s.size() && IsDigit(s[k])) {
    std::size_t run = DigitRun(s, k);
    groups.emplace_back(s.substr(k, run));
    digit_count += run;
    k += run;
    std::size_t sep = 0;
    while (k + sep < s.size() && sep < 3 && IsPhoneSeparator(s[k + sep])) {
      dashed = dashed || s[k + sep] == '-';
      ++sep;
    }
    if (sep == 0 || k + sep >= s.size() || !IsDigit(s[k + sep])) break;
    k += sep;
  }
  next = k;
  if (digit_count <= 17) return JudgePhone(groups, plus, dashed);
  next = i + (plus ? 1 : 0) + groups.front().size();
  std::vector<std::string> prefix;
  for (const auto& g : groups) {
    prefix.push_back(g);
    if (JudgePhone(prefix, plus, dashed)) return true;
  }
  return false;
}

}  // namespace

bool LooksIdentifying(std::string_view text) {
  std::size_t phone_run_end = 0;  // phone numbers are judged on whole runs only
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char before = i == 0 ? ' ' : text[i - 1];
    if (c == '@' && EmailAt(text, i)) return true;
    // An identity number may be glued to a word ("pnr850101-1236"); Luhn and
    // the date keep that safe. A phone number starts a word.
    if (IsDigit(c) && !IsDigit(before) && IdentityNumberAt(text, i)) return true;
    const bool phone_start =
        (IsDigit(c) || (c == '+' && i + 1 < text.size() && IsDigit(text[i + 1]))) &&
        !IsAlnum(before) && before != '+';
    if (phone_start && i >= phone_run_end && PhoneAt(text, i, phone_run_end)) return true;
  }
  return false;
}

}  // namespace opennrm::hotline
