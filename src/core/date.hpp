// Calendar dates as ISO 8601 strings (YYYY-MM-DD), checked without I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace opennrm {

struct CivilDate {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

// Parses "YYYY-MM-DD" (a real calendar date, years 1900-2999); nullopt otherwise.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(const CivilDate& d);
// The UTC calendar date of a time point (callers needing local dates convert first).
CivilDate UtcDateOf(TimePoint t);

}  // namespace opennrm
