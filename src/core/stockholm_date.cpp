#include "core/stockholm_date.hpp"

#include <date/tz.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "core/stockholm_date_math.hpp"

namespace opennrm {

namespace {

constexpr const char* kZoneName = "Europe/Stockholm";

struct Zone {
  const date::time_zone* zone = nullptr;
  std::string problem;
};

// Loaded once (thread-safe static initialisation); the tz library throws when
// the database or the zone is missing, which must not leave this file.
const Zone& Stockholm() {
  static const Zone kZone = [] {
    Zone z;
    try {
      z.zone = date::locate_zone(kZoneName);
    } catch (const std::exception& e) {
      z.problem = e.what();
    }
    return z;
  }();
  return kZone;
}

const date::time_zone& RequireStockholm() {
  const Zone& z = Stockholm();
  if (z.zone == nullptr) {
    std::fprintf(stderr, "opennrm: cannot load time zone %s: %s\n", kZoneName, z.problem.c_str());
    std::abort();
  }
  return *z.zone;
}

}  // namespace

Status CheckStockholmTimeZone() {
  const Zone& z = Stockholm();
  if (z.zone == nullptr) {
    return Internal(
        std::string("Cannot load the time zone ") + kZoneName +
        " from the operating system's time zone database (install tzdata): " + z.problem);
  }
  return Ok();
}

CivilDate StockholmDateOf(TimePoint t) {
  const auto local = RequireStockholm().to_local(t);
  const date::year_month_day ymd{date::floor<date::days>(local)};
  return CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                   static_cast<unsigned>(ymd.day())};
}

TimePoint StockholmStartOfDay(CivilDate d) {
  const date::local_days day{date::year{d.year} / date::month{d.month} / date::day{d.day}};
  // Stockholm changes its clocks at 02:00/03:00, so midnight always exists
  // once; `earliest` keeps this total should the rules ever move the change.
  const auto start = RequireStockholm().to_sys(day, date::choose::earliest);
  return std::chrono::time_point_cast<TimePoint::duration>(start);
}

TimePoint StockholmEndOfDay(CivilDate d) { return StockholmStartOfDay(AddDays(d, 1)); }

}  // namespace opennrm
