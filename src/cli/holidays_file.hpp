// Reads the days the hotline is closed (data/rules/holidays.toml, described
// in its header): Sweden's public holidays by Lag (1989:253) om allmänna
// helgdagar and the eves the national unit closes. Strict: unknown keys,
// wrong types, unknown kinds, a missing source, a date out of order, twice,
// or outside first_year..last_year are refused, naming the file, the line
// and the key ("days[3].date"). Thread-safety: stateless.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::cli {

struct ClosedDay {
  CivilDate date;
  std::string name_sv;
  std::string name_en;
  bool public_holiday = true;  // false: a closing day of the unit (kind "closing_day")
  std::string source;
};

struct HolidayCalendar {
  int first_year = 0;
  int last_year = 0;
  std::vector<ClosedDay> days;  // in date order, each date once

  // Every date, in order (for hotline::OfficeHours::holidays).
  std::vector<CivilDate> Dates() const;
};

// The calendar in the file at `path`; kInvalid whose field is the key and
// whose message starts "<path>:<line>:".
Result<HolidayCalendar> ReadHolidays(const std::string& path);
// The same, from text already read; `path` only names it in errors.
Result<HolidayCalendar> ParseHolidays(std::string_view text, const std::string& path);

}  // namespace opennrm::cli
