// Calendar-day arithmetic on CivilDate: the maths of deadlines counted in
// Stockholm calendar days (see core/stockholm_date.hpp for turning time points
// into such days). No time zone is involved: a calendar day is a calendar day.
// Thread-safety: pure functions.
//
// Month rule (as the Act on the computation of statutory time, lag 1930:173
// §1, counts months; check before quoting): adding months keeps the day of the
// month; when the target month has no such day, the result is that month's
// last day. So 31 Jan + 1 month = 28 Feb (29 Feb in a leap year), and
// 29 Feb 2028 + 12 months = 28 Feb 2029.
#pragma once

#include "core/date.hpp"

namespace opennrm {

// Whether `d` names a real calendar date (month 1-12, day within the month).
bool IsRealDate(CivilDate d);

// `d` moved by `days` (negative: back). REQUIRES: IsRealDate(d).
CivilDate AddDays(CivilDate d, int days);

// `d` moved by `months` (negative: back), keeping the day of the month or
// clamping to the target month's last day. REQUIRES: IsRealDate(d).
CivilDate AddMonths(CivilDate d, int months);

// Whether adding `months` to `d` had to clamp (the target month is too short).
// REQUIRES: IsRealDate(d).
bool AddMonthsClamps(CivilDate d, int months);

// The last day of `month` in `year`. REQUIRES: 1 <= month <= 12.
CivilDate LastDayOfMonth(int year, unsigned month);

// Calendar days from `from` to `to`: positive when `to` is later, 0 on the same
// day. REQUIRES: both are real dates.
int DaysBetween(CivilDate from, CivilDate to);

}  // namespace opennrm
