// The organisations every installation starts with, derived from the
// reference geography, with Swedish names. Contact details are left for
// administrators to fill in. Pure.
#pragma once

#include <string>
#include <vector>

#include "domain/geo/geography.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::orgs {

struct SeedEntry {
  std::string seed_key;  // stable, e.g. "municipal_social_services:2584"
  OrganisationDraft draft;
};

// The national unit (NSPM), one county administrative board per county,
// social services per municipality, one regional coordination and one police
// region per police region, and the national authorities and IOM.
std::vector<SeedEntry> SeedDirectory(const geo::Geography& geography);

// "Kiruna" -> "Kiruna kommun"; the few municipalities with another official
// form ("Region Gotland", "Stockholms stad") keep it.
std::string MunicipalityOrganisationName(const std::string& municipality);

}  // namespace opennrm::orgs
