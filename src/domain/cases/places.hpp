// Where and when exploitation took place: Swedish municipalities (codes
// checked against domain/geo by the caller's predicate), countries of
// recruitment, transit and exploitation, and a period whose ends may be
// partial dates. Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/cases/lookups.hpp"
#include "domain/cases/partial_date.hpp"

namespace opennrm::cases {

struct Places {
  std::vector<std::string> municipalities;          // four-digit SCB codes
  std::vector<std::string> recruitment_countries;   // ISO 3166-1 alpha-2
  std::vector<std::string> transit_countries;       // ISO 3166-1 alpha-2
  std::vector<std::string> exploitation_countries;  // ISO 3166-1 alpha-2, "SE" included
};

// A period with either end open or known only in part ("2025-06" to "2025").
struct Period {
  std::optional<PartialDate> from;
  std::optional<PartialDate> to;
};

// Whether `to` certainly ends before `from` begins (its last day is before
// the first day of `from`); partial ends that overlap are not "before".
bool EndsBeforeStart(const PartialDate& from, const PartialDate& to);

// Adds "unknown_municipality", "unknown_country" and "duplicate" on
// "path.<list>[i]".
void CheckPlaces(const Places& places, const Lookups& lookups, const std::string& path,
                 Problems& problems);
// Adds "format" for an invalid end, "not_future" for a start after today and
// "end_before_start" on "path.to".
void CheckPeriod(const Period& period, CivilDate today, const std::string& path,
                 Problems& problems);

}  // namespace opennrm::cases
