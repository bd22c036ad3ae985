// Whether an organisation acts in a given place. Pure.
#pragma once

#include "domain/geo/geography.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::orgs {

// True when `coverage` includes the municipality at `place`.
bool Covers(const Coverage& coverage, const geo::Place& place);

}  // namespace opennrm::orgs
