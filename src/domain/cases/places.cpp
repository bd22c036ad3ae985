#include "domain/cases/places.hpp"

#include "domain/cases/checks.hpp"

namespace opennrm::cases {

using detail::Path;

bool EndsBeforeStart(const PartialDate& from, const PartialDate& to) {
  return Latest(to) < Earliest(from);
}

void CheckPlaces(const Places& places, const Lookups& lookups, const std::string& path,
                 Problems& p) {
  detail::CheckCodes(p, Path(path, "municipalities"), places.municipalities,
                     lookups.is_municipality, "unknown_municipality", "municipality code");
  detail::CheckCodes(p, Path(path, "recruitment_countries"), places.recruitment_countries,
                     lookups.is_country, "unknown_country", "country code");
  detail::CheckCodes(p, Path(path, "transit_countries"), places.transit_countries,
                     lookups.is_country, "unknown_country", "country code");
  detail::CheckCodes(p, Path(path, "exploitation_countries"), places.exploitation_countries,
                     lookups.is_country, "unknown_country", "country code");
}

void CheckPeriod(const Period& period, CivilDate today, const std::string& path, Problems& p) {
  bool from_ok = !period.from || IsValid(*period.from);
  bool to_ok = !period.to || IsValid(*period.to);
  if (!from_ok) p.Add(Path(path, "from"), "format", "A date as YYYY, YYYY-MM or YYYY-MM-DD.");
  if (!to_ok) p.Add(Path(path, "to"), "format", "A date as YYYY, YYYY-MM or YYYY-MM-DD.");
  if (period.from && from_ok && today < Earliest(*period.from)) {
    p.Add(Path(path, "from"), "not_future", "The period cannot start after today.");
  }
  if (period.from && period.to && from_ok && to_ok && EndsBeforeStart(*period.from, *period.to)) {
    p.Add(Path(path, "to"), "end_before_start", "The period ends before it starts.");
  }
}

}  // namespace opennrm::cases
