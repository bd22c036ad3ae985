#include "domain/hotline/office_hours.hpp"

#include <algorithm>

#include "core/stockholm_date_math.hpp"

namespace opennrm::hotline {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr long long kMicrosPerMinute = 60LL * 1000 * 1000;
constexpr int kSearchDays = 60;

// ISO weekday (1 Monday .. 7 Sunday) of a real date.
int IsoWeekday(CivilDate day) {
  const int from_monday = DaysBetween(CivilDate{2024, 1, 1}, day) % 7;  // 2024-01-01: a Monday
  return (from_monday + 7) % 7 + 1;
}

bool IsOpenDay(const OfficeHours& hours, CivilDate day) {
  const int weekday = IsoWeekday(day);
  if (std::find(hours.weekdays.begin(), hours.weekdays.end(), weekday) == hours.weekdays.end()) {
    return false;
  }
  return std::find(hours.holidays.begin(), hours.holidays.end(), day) == hours.holidays.end();
}

int TargetMinutes(const OfficeHours& hours, Urgency urgency) {
  return urgency == Urgency::kUrgent ? hours.urgent_minutes : hours.normal_minutes;
}

}  // namespace

Status CheckOfficeHours(const OfficeHours& hours) {
  Problems p;
  if (hours.weekdays.empty()) {
    p.Add("hotline.weekdays", "required", "Name at least one weekday (1 Monday .. 7 Sunday).");
  }
  for (std::size_t i = 0; i < hours.weekdays.size(); ++i) {
    if (hours.weekdays[i] < 1 || hours.weekdays[i] > 7) {
      p.Add("hotline.weekdays[" + std::to_string(i) + "]", "out_of_range",
            "A weekday is 1 (Monday) to 7 (Sunday).");
    }
  }
  const bool opens_ok = hours.opens_minute >= 0 && hours.opens_minute < kMinutesPerDay;
  const bool closes_ok = hours.closes_minute > 0 && hours.closes_minute <= kMinutesPerDay;
  if (!opens_ok) p.Add("hotline.opens", "out_of_range", "Opening time is 00:00 to 23:59.");
  if (!closes_ok) p.Add("hotline.closes", "out_of_range", "Closing time is 00:01 to 24:00.");
  if (opens_ok && closes_ok && hours.closes_minute <= hours.opens_minute) {
    p.Add("hotline.closes", "not_after_opens", "The hotline closes after it opens.");
  }
  if (hours.urgent_minutes <= 0) {
    p.Add("hotline.urgent_minutes", "out_of_range", "A response target is at least a minute.");
  }
  if (hours.normal_minutes <= 0) {
    p.Add("hotline.normal_minutes", "out_of_range", "A response target is at least a minute.");
  }
  return p.ToStatus("The hotline's office hours break one or more rules.");
}

bool IsOpen(const OfficeHours& hours, CivilDate day, int minute_of_day) {
  return minute_of_day >= hours.opens_minute && minute_of_day < hours.closes_minute &&
         IsOpenDay(hours, day);
}

long long RespondBy(const OfficeHours& hours, Urgency urgency, long long received_at_us,
                    const LocalTimeZone& zone) {
  if (urgency == Urgency::kImmediateDanger) return received_at_us;
  const int target = TargetMinutes(hours, urgency);
  const LocalInstant received = zone.to_local(received_at_us);
  // The seconds past the received minute carry over when counting starts at
  // receipt (every later office period begins on a whole minute).
  long long carry_us = 0;
  if (IsOpen(hours, received.day, received.minute_of_day)) {
    carry_us = std::clamp(received_at_us - zone.to_utc(received), 0LL, kMicrosPerMinute - 1);
  }
  int remaining = target;
  CivilDate day = received.day;
  for (int n = 0; n <= kSearchDays && remaining > 0; ++n, day = AddDays(day, 1)) {
    if (!IsOpenDay(hours, day)) continue;
    const int start = std::max(hours.opens_minute, n == 0 ? received.minute_of_day : 0);
    const int available = hours.closes_minute - start;
    if (available <= 0) continue;
    if (remaining <= available) {
      const int end = start + remaining;
      const LocalInstant due = end >= kMinutesPerDay
                                   ? LocalInstant{AddDays(day, 1), end - kMinutesPerDay}
                                   : LocalInstant{day, end};
      return zone.to_utc(due) + carry_us;
    }
    remaining -= available;
  }
  return received_at_us + target * kMicrosPerMinute;
}

}  // namespace opennrm::hotline
