#include "domain/orgs/coverage.hpp"

#include <algorithm>

namespace opennrm::orgs {

bool Covers(const Coverage& coverage, const geo::Place& place) {
  auto has = [&](const std::string& code) {
    return std::find(coverage.codes.begin(), coverage.codes.end(), code) != coverage.codes.end();
  };
  switch (coverage.scope) {
    case CoverageScope::kNational:
      return true;
    case CoverageScope::kPoliceRegions:
      return place.police_region && has(place.police_region->id);
    case CoverageScope::kCounties:
      return place.county && has(place.county->code);
    case CoverageScope::kMunicipalities:
      return place.municipality && has(place.municipality->code);
  }
  return false;
}

}  // namespace opennrm::orgs
