// The hotline's office hours and holidays (issue 6 point 5), as
// configuration, and the response targets computed from them: immediate
// danger at once, urgent and normal consultations within a configured number
// of minutes counted inside office hours only. Local Stockholm wall-clock
// times; pure (the caller converts between UTC and Stockholm with
// core/stockholm_*.hpp through the functions passed in). Plain values;
// thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/hotline/consultation.hpp"

namespace opennrm::hotline {

struct OfficeHours {
  std::vector<int> weekdays = {1, 2, 3, 4, 5};  // ISO: 1 Monday .. 7 Sunday
  int opens_minute = 9 * 60;                    // minutes after local midnight
  int closes_minute = 16 * 60;                  // exclusive; > opens_minute
  std::vector<CivilDate> holidays;              // closed all day
  int urgent_minutes = 60;                      // office minutes to respond
  int normal_minutes = 8 * 60;
};

// Checks the configuration: weekdays 1..7 and not empty, 0 <= opens < closes
// <= 1440, targets > 0. Problems name "hotline.<field>".
Status CheckOfficeHours(const OfficeHours& hours);

// Whether the hotline is open at local `day` and `minute_of_day`.
bool IsOpen(const OfficeHours& hours, CivilDate day, int minute_of_day);

// A local wall-clock instant, and the conversions the caller supplies.
struct LocalInstant {
  CivilDate day;
  int minute_of_day = 0;  // 0..1439
};
struct LocalTimeZone {
  std::function<LocalInstant(long long at_us)> to_local;  // UTC microseconds -> local
  std::function<long long(LocalInstant)> to_utc;          // local -> UTC microseconds
};

// When a consultation received at `received_at_us` with `urgency` must be
// responded to: immediate danger at once (received_at_us); otherwise the
// urgency's target counted in office minutes from the receipt, or from the
// next opening when it arrived outside office hours. Searches at most 60
// days ahead (a configuration with no open day in that window answers
// received_at_us + the target in wall-clock minutes).
long long RespondBy(const OfficeHours& hours, Urgency urgency, long long received_at_us,
                    const LocalTimeZone& zone);

}  // namespace opennrm::hotline
