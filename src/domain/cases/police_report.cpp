#include "domain/cases/police_report.hpp"

namespace opennrm::cases {

namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> NormalisePoliceReportNumber(std::string_view text) {
  // Spaces carry no meaning ("5000 - K123456 - 26"); anything else must fit.
  std::string s;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    s += c;
  }
  if (s.size() > 32) return std::nullopt;
  auto first = s.find('-');
  auto last = s.rfind('-');
  if (first == std::string::npos || first == last) return std::nullopt;
  std::string_view unit = std::string_view(s).substr(0, first);
  std::string_view middle = std::string_view(s).substr(first + 1, last - first - 1);
  std::string_view year = std::string_view(s).substr(last + 1);
  if (unit.size() != 4 || !AllDigits(unit)) return std::nullopt;
  if (middle.size() < 2 || (middle[0] != 'K' && middle[0] != 'k')) return std::nullopt;
  std::string_view serial = middle.substr(1);
  if (serial.size() > 9 || !AllDigits(serial)) return std::nullopt;
  if (serial.find_first_not_of('0') == std::string_view::npos) return std::nullopt;
  if (year.size() == 4 && AllDigits(year) &&
      (year.substr(0, 2) == "19" || year.substr(0, 2) == "20")) {
    year = year.substr(2);
  }
  if (year.size() != 2 || !AllDigits(year)) return std::nullopt;
  return std::string(unit) + "-K" + std::string(serial) + "-" + std::string(year);
}

}  // namespace opennrm::cases
