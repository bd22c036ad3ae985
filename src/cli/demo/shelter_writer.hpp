// Puts the demo's shelters (shelter_plan.hpp) in the directory through the
// application's use cases: creates each one missing by name, and for one
// already there (a later run) reports the planned occupancy again as of the
// plan's date, keeping everything else. Not thread-safe: call once, before
// the threads of a run start.
#pragma once

#include <vector>

#include "app/context.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::cli::demo {

struct WrittenShelters {
  int created = 0;
  int updated = 0;
};

// Creates or updates the shelters; the first error of a use case otherwise, naming the shelter.
Result<WrittenShelters> WriteShelters(const app::Context& ctx,
                                      const std::vector<orgs::OrganisationDraft>& shelters);

}  // namespace opennrm::cli::demo
