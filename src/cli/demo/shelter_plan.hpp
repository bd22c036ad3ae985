// The synthetic shelters of the demo (issue 6 point 9): NGO shelters
// (kind ngo_shelter) in several counties and police regions, each with the
// services routing looks for (data/services.json: shelter_women, shelter_men,
// shelter_children, shelter_families, shelter_lgbtq), places per gender and
// age group, and an occupancy reported in the week before the demo's today,
// so that routing (hotline::FreePlaces) finds some with free places and some
// full. Names end in "(demo)"; no real shelter is described. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "core/date.hpp"
#include "domain/geo/geography.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::cli::demo {

// The shelters' drafts for `today`, in a fixed order; occupancy drawn from `seed`
// (at least two are full and at least half have a free place). Shelters whose
// place the geography does not know are left out.
std::vector<orgs::OrganisationDraft> PlanShelters(const geo::Geography& geography, CivilDate today,
                                                  std::uint64_t seed);

}  // namespace opennrm::cli::demo
