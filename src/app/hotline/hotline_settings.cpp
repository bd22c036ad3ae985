#include "app/hotline/hotline_settings.hpp"

#include "core/stockholm_date.hpp"
#include "core/stockholm_date_math.hpp"
#include "core/stockholm_time.hpp"

namespace opennrm::app {

namespace {

constexpr long long kMinuteUs = 60LL * 1000 * 1000;

hotline::LocalInstant ToLocal(long long at_us) {
  const StockholmTime t = StockholmTimeOf(FromEpochMicros(at_us));
  return {t.date, t.hour * 60 + t.minute};
}

// The wall-clock reading as if it were UTC, in microseconds.
long long AsIfUtc(hotline::LocalInstant local) {
  const long long days = DaysBetween(CivilDate{1970, 1, 1}, local.day);
  return (days * 24 * 60 + local.minute_of_day) * kMinuteUs;
}

// Stockholm is UTC+1 (winter) or UTC+2 (summer): the earlier instant whose
// local reading is `local` (the first of the two on the autumn change); a
// time skipped on the spring change (02:00-02:59) reads as an hour later.
long long ToUtc(hotline::LocalInstant local) {
  const long long naive = AsIfUtc(local);
  for (int offset_minutes : {120, 60}) {
    const long long t = naive - offset_minutes * kMinuteUs;
    const hotline::LocalInstant back = ToLocal(t);
    if (back.day == local.day && back.minute_of_day == local.minute_of_day) return t;
  }
  return naive - 60 * kMinuteUs;
}

}  // namespace

const hotline::LocalTimeZone& StockholmZone() {
  static const hotline::LocalTimeZone zone{&ToLocal, &ToUtc};
  return zone;
}

}  // namespace opennrm::app
