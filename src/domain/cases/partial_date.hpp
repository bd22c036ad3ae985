// A date known to the year, the month or the day ("2026", "2026-03",
// "2026-03-15"): dates of birth, exploitation periods and offence dates are
// often known only in part. A partial date stands for every day inside it.
// Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace opennrm::cases {

enum class DatePrecision { kYear, kMonth, kDay };

struct PartialDate {
  int year = 0;
  unsigned month = 0;  // 0: only the year is known
  unsigned day = 0;    // 0: only the year and month are known (or only the year)
  bool operator==(const PartialDate&) const = default;
};

// A partial date for one whole calendar day.
PartialDate DayOf(CivilDate date);
// Which parts are known. REQUIRES: IsValid(date).
DatePrecision PrecisionOf(const PartialDate& date);
// Whether the parts name real days: year 1900-2999, month 1-12 or 0, day
// valid in its month or 0, and no day without a month.
bool IsValid(const PartialDate& date);

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt when not valid.
std::optional<PartialDate> ParsePartialDate(std::string_view text);
// The text ParsePartialDate reads. REQUIRES: IsValid(date).
std::string FormatPartialDate(const PartialDate& date);

// The first and last day inside the date. REQUIRES: IsValid(date).
CivilDate Earliest(const PartialDate& date);
CivilDate Latest(const PartialDate& date);

}  // namespace opennrm::cases
