// Which organisations the demo spreads its cases over, and the synthetic user
// acting in each: municipal social services (the most populous municipality
// always, then others drawn by population), three synthetic NGOs, the IOM
// office and the seven police regions. Municipal services, IOM and police
// regions are the seeded directory's own organisations (found by seed key);
// the NGOs are created when missing. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/demo/case_plan.hpp"
#include "cli/demo/random.hpp"
#include "domain/geo/geography.hpp"

namespace opennrm::cli::demo {

struct OrganisationSlot {
  SlotKind kind = SlotKind::kMunicipalSocialServices;
  std::string seed_key;       // the seeded organisation; empty for an NGO to create
  std::string name;           // an NGO's name (others keep the directory's name)
  std::string municipality;   // where it sits (municipal services: the one it serves)
  std::string police_region;  // police regions: the one it serves
  std::string username;       // the demo user acting there, e.g. "demo-sw-0180"
  std::string display_name;
  std::string role;   // access::ToString(Role) of that user
  double weight = 0;  // its share of its kind's cases (relative)
};

// `municipal` municipal social services (1..290; clamped), the NGOs, IOM and
// the police regions, in that order. The first slot is the most populous
// municipality's social services.
std::vector<OrganisationSlot> PlanOrganisations(const geo::Geography& geography, int municipal,
                                                std::uint64_t seed);

// Population of a municipality, or of the counties of a police region (0 when unknown).
double PopulationOf(const geo::Municipality& m);
double RegionPopulation(const geo::Geography& geography, const std::string& region);

}  // namespace opennrm::cli::demo
