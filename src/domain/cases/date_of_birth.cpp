#include "domain/cases/date_of_birth.hpp"

#include <chrono>

namespace opennrm::cases {

namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day Ymd(CivilDate d) {
  return year_month_day{std::chrono::year{d.year}, std::chrono::month{d.month},
                        std::chrono::day{d.day}};
}

CivilDate Civil(year_month_day ymd) {
  return CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                   static_cast<unsigned>(ymd.day())};
}

CivilDate AddDays(CivilDate d, int days) {
  return Civil(year_month_day{sys_days{Ymd(d)} + std::chrono::days{days}});
}

// The same day `years` earlier; 29 February becomes 28 February in a
// year without it, the latest day that is still a full `years` before.
CivilDate YearsBefore(CivilDate d, int years) {
  CivilDate out{d.year - years, d.month, d.day};
  if (!Ymd(out).ok()) out.day = 28;
  return out;
}

}  // namespace

int AgeOn(CivilDate birth, CivilDate on) {
  if (on < birth) return 0;
  int age = on.year - birth.year;
  if (std::pair(on.month, on.day) < std::pair(birth.month, birth.day)) --age;
  return age;
}

CivilDate EighteenthBirthday(CivilDate birth) {
  CivilDate out{birth.year + kAdultAge, birth.month, birth.day};
  if (!Ymd(out).ok()) out = CivilDate{out.year, 3, 1};
  return out;
}

CivilDate EarliestBirth(const DateOfBirth& dob) {
  if (const auto* date = std::get_if<PartialDate>(&dob)) return Earliest(*date);
  const auto& range = std::get<AgeRange>(dob);
  // One day after the last birth day that makes them max_years + 1.
  return AddDays(YearsBefore(range.estimated_on, range.max_years + 1), 1);
}

CivilDate LatestBirth(const DateOfBirth& dob) {
  if (const auto* date = std::get_if<PartialDate>(&dob)) return Latest(*date);
  const auto& range = std::get<AgeRange>(dob);
  return YearsBefore(range.estimated_on, range.min_years);
}

AgeSpan PossibleAgesOn(const DateOfBirth& dob, CivilDate on) {
  return AgeSpan{AgeOn(LatestBirth(dob), on), AgeOn(EarliestBirth(dob), on)};
}

bool MayBeChild(const std::optional<DateOfBirth>& dob, bool claimed_minor, CivilDate on) {
  if (claimed_minor) return true;
  if (!dob) return false;
  return on < EighteenthBirthday(LatestBirth(*dob));
}

}  // namespace opennrm::cases
