#include "core/stockholm_date_math.hpp"

#include <chrono>

namespace opennrm {

namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day ToYmd(CivilDate d) {
  return year_month_day{std::chrono::year{d.year}, std::chrono::month{d.month},
                        std::chrono::day{d.day}};
}

CivilDate FromYmd(year_month_day ymd) {
  return CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                   static_cast<unsigned>(ymd.day())};
}

// The same day of the month `months` later; may not exist (31 Apr).
year_month_day Shifted(CivilDate d, int months) { return ToYmd(d) + std::chrono::months{months}; }

}  // namespace

bool IsRealDate(CivilDate d) { return ToYmd(d).ok(); }

CivilDate AddDays(CivilDate d, int days) {
  return FromYmd(year_month_day{sys_days{ToYmd(d)} + std::chrono::days{days}});
}

CivilDate AddMonths(CivilDate d, int months) {
  const year_month_day target = Shifted(d, months);
  if (target.ok()) return FromYmd(target);
  return LastDayOfMonth(static_cast<int>(target.year()), static_cast<unsigned>(target.month()));
}

bool AddMonthsClamps(CivilDate d, int months) { return !Shifted(d, months).ok(); }

CivilDate LastDayOfMonth(int year, unsigned month) {
  const std::chrono::year_month_day_last last{
      std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{month}}};
  return FromYmd(year_month_day{last});
}

int DaysBetween(CivilDate from, CivilDate to) {
  return static_cast<int>((sys_days{ToYmd(to)} - sys_days{ToYmd(from)}).count());
}

}  // namespace opennrm
