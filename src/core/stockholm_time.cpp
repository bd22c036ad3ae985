#include "core/stockholm_time.hpp"

#include <date/tz.h>

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace opennrm {

namespace {

// The zone, or an abort naming the problem (CheckStockholmTimeZone() reports
// it properly at start-up; the tz library caches the zone after the first look-up).
const date::time_zone& Zone() {
  static const date::time_zone* const kZone = []() -> const date::time_zone* {
    try {
      return date::locate_zone("Europe/Stockholm");
    } catch (const std::exception& e) {
      std::fprintf(stderr, "opennrm: cannot load time zone Europe/Stockholm: %s\n", e.what());
      return nullptr;
    }
  }();
  if (kZone == nullptr) std::abort();
  return *kZone;
}

}  // namespace

StockholmTime StockholmTimeOf(TimePoint t) {
  const auto secs = date::floor<std::chrono::seconds>(t);
  const auto info = Zone().get_info(secs);
  const date::local_seconds local{secs.time_since_epoch() + info.offset};
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> clock{local - day};
  StockholmTime out;
  out.date = CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day())};
  out.hour = static_cast<int>(clock.hours().count());
  out.minute = static_cast<int>(clock.minutes().count());
  out.second = static_cast<int>(clock.seconds().count());
  out.utc_offset_minutes =
      static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
  return out;
}

std::string FormatStockholmTime(TimePoint t) {
  const StockholmTime s = StockholmTimeOf(t);
  const int offset = s.utc_offset_minutes < 0 ? -s.utc_offset_minutes : s.utc_offset_minutes;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d %c%02d:%02d", FormatIsoDate(s.date).c_str(),
                s.hour, s.minute, s.second, s.utc_offset_minutes < 0 ? '-' : '+', offset / 60,
                offset % 60);
  return buf;
}

}  // namespace opennrm
