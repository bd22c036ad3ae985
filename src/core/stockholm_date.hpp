// Europe/Stockholm calendar days: the local date of a time point, and the time
// points where a local day begins and ends. Deadlines in OpenNRM are counted in
// these days, so a time point late in the evening UTC can already be the next
// day in Stockholm (UTC+1 in winter, UTC+2 in summer).
// Uses the operating system's time zone database (tzdata) through
// howardhinnant/date's tz library, loaded once on first use.
// Thread-safety: every function is safe to call from any thread.
#pragma once

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm {

// Ok when the Europe/Stockholm zone can be loaded from the OS time zone
// database; kInternal naming the problem otherwise. Call it at start-up so that
// a machine without tzdata fails there, not in the middle of a request.
Status CheckStockholmTimeZone();

// The Stockholm calendar date at `t`.
// REQUIRES: CheckStockholmTimeZone() is Ok (aborts with a message otherwise).
CivilDate StockholmDateOf(TimePoint t);

// The first instant of day `d` in Stockholm (local midnight).
// REQUIRES: `d` is a real calendar date; CheckStockholmTimeZone() is Ok.
TimePoint StockholmStartOfDay(CivilDate d);

// The first instant after day `d` in Stockholm (the next local midnight), so
// the day is the half-open range [StockholmStartOfDay(d), StockholmEndOfDay(d)):
// 23 hours long on the spring change, 25 hours on the autumn change.
// REQUIRES: as StockholmStartOfDay.
TimePoint StockholmEndOfDay(CivilDate d);

}  // namespace opennrm
