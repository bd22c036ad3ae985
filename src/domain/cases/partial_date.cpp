#include "domain/cases/partial_date.hpp"

#include <chrono>
#include <cstdio>

namespace opennrm::cases {

namespace {

unsigned LastDayOf(int year, unsigned month) {
  std::chrono::year_month_day_last last{std::chrono::year{year} / std::chrono::month{month} /
                                        std::chrono::last};
  return static_cast<unsigned>(last.day());
}

bool Digits(std::string_view s, int& out) {
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !s.empty();
}

}  // namespace

PartialDate DayOf(CivilDate date) { return PartialDate{date.year, date.month, date.day}; }

DatePrecision PrecisionOf(const PartialDate& date) {
  if (date.month == 0) return DatePrecision::kYear;
  if (date.day == 0) return DatePrecision::kMonth;
  return DatePrecision::kDay;
}

bool IsValid(const PartialDate& date) {
  if (date.year < 1900 || date.year > 2999) return false;
  if (date.month == 0) return date.day == 0;
  if (date.month > 12) return false;
  return date.day <= LastDayOf(date.year, date.month);
}

std::optional<PartialDate> ParsePartialDate(std::string_view text) {
  PartialDate d;
  int year = 0, month = 0, day = 0;
  switch (text.size()) {
    case 10:
      if (text[7] != '-' || !Digits(text.substr(8, 2), day) || day == 0) return std::nullopt;
      [[fallthrough]];
    case 7:
      if (text[4] != '-' || !Digits(text.substr(5, 2), month) || month == 0) return std::nullopt;
      [[fallthrough]];
    case 4:
      if (!Digits(text.substr(0, 4), year)) return std::nullopt;
      break;
    default:
      return std::nullopt;
  }
  d.year = year;
  d.month = static_cast<unsigned>(month);
  d.day = static_cast<unsigned>(day);
  if (!IsValid(d)) return std::nullopt;
  return d;
}

std::string FormatPartialDate(const PartialDate& date) {
  char buf[40];  // room for any int and unsigned (-Wformat-truncation at -O2)
  switch (PrecisionOf(date)) {
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", date.year);
      break;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02u", date.year, date.month);
      break;
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", date.year, date.month, date.day);
      break;
  }
  return buf;
}

CivilDate Earliest(const PartialDate& date) {
  return CivilDate{date.year, date.month == 0 ? 1u : date.month, date.day == 0 ? 1u : date.day};
}

CivilDate Latest(const PartialDate& date) {
  unsigned month = date.month == 0 ? 12u : date.month;
  unsigned day = date.day == 0 ? LastDayOf(date.year, month) : date.day;
  return CivilDate{date.year, month, day};
}

}  // namespace opennrm::cases
