// Europe/Stockholm wall-clock time: the local date and time of a time point
// with its offset from UTC (+01:00 in winter, +02:00 in summer), for what a
// person reads, such as a printed case export. Stored and exchanged times
// stay UTC. Uses the operating system's time zone database, like
// stockholm_date.hpp. Thread-safety: every function is safe from any thread.
#pragma once

#include <string>

#include "core/clock.hpp"
#include "core/date.hpp"

namespace opennrm {

struct StockholmTime {
  CivilDate date;
  int hour = 0;                // 0..23
  int minute = 0;              // 0..59
  int second = 0;              // 0..59
  int utc_offset_minutes = 0;  // 60 or 120 under today's rules
};

// The Stockholm wall-clock time at `t` (whole seconds, rounded down).
// REQUIRES: CheckStockholmTimeZone() is Ok (aborts with a message otherwise).
StockholmTime StockholmTimeOf(TimePoint t);

// "2026-03-29 14:05:07 +02:00": the Stockholm time at `t` with its offset.
// REQUIRES: as StockholmTimeOf.
std::string FormatStockholmTime(TimePoint t);

}  // namespace opennrm
