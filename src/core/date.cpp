#include "core/date.hpp"

#include <chrono>
#include <cstdio>

namespace opennrm {

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t len, int& out) {
    out = 0;
    for (size_t i = from; i < from + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  if (y < 1900 || y > 2999) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y},
                                  std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return CivilDate{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

std::string FormatIsoDate(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

CivilDate UtcDateOf(TimePoint t) {
  std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(t)};
  return CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                   static_cast<unsigned>(ymd.day())};
}

}  // namespace opennrm
