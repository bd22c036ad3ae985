#include "cli/demo/organisations_plan.hpp"

#include <algorithm>

namespace opennrm::cli::demo {

double PopulationOf(const geo::Municipality& m) {
  return m.population ? static_cast<double>(m.population->count) : 0.0;
}

double RegionPopulation(const geo::Geography& geography, const std::string& region) {
  double sum = 0;
  for (const auto* c : geography.CountiesOf(region)) {
    if (c->population) sum += static_cast<double>(c->population->count);
  }
  return sum;
}

std::vector<OrganisationSlot> PlanOrganisations(const geo::Geography& geography, int municipal,
                                                std::uint64_t seed) {
  std::vector<OrganisationSlot> out;
  const auto& ms = geography.municipalities();
  std::size_t wanted = static_cast<std::size_t>(std::clamp(municipal, 1, 290));
  wanted = std::min(wanted, ms.size());
  std::vector<double> weights;
  for (const auto& m : ms) weights.push_back(PopulationOf(m));
  // The most populous first, then drawn by population without replacement.
  std::vector<std::size_t> chosen;
  if (!ms.empty()) {
    chosen.push_back(static_cast<std::size_t>(std::max_element(weights.begin(), weights.end()) -
                                              weights.begin()));
  }
  DemoRandom random(seed ^ 0x6F7267616E697361ULL);
  while (chosen.size() < wanted) {
    std::vector<double> left = weights;
    for (auto i : chosen) left[i] = 0;
    chosen.push_back(random.Weighted(left));
  }
  for (auto i : chosen) {
    const auto& m = ms[i];
    OrganisationSlot s;
    s.kind = SlotKind::kMunicipalSocialServices;
    s.seed_key = "municipal_social_services:" + m.code;
    s.municipality = m.code;
    if (auto place = geography.Locate(m.code); place && place->police_region) {
      s.police_region = place->police_region->id;
    }
    s.username = "demo-sw-" + m.code;
    s.display_name = "Demo social worker, " + m.name;
    s.role = "social_worker";
    s.weight = PopulationOf(m);
    out.push_back(std::move(s));
  }
  struct Ngo {
    const char* name;
    const char* municipality;
    double weight;
  };
  const Ngo ngos[] = {{"Stödboendet Fyren (demo)", "0180", 4},
                      {"Skyddat boende Ljusglimten (demo)", "1480", 3},
                      {"Stödcentret Tranan (demo)", "1280", 3}};
  int n = 0;
  for (const auto& ngo : ngos) {
    if (!geography.FindMunicipality(ngo.municipality)) continue;
    OrganisationSlot s;
    s.kind = SlotKind::kNgo;
    s.name = ngo.name;
    s.municipality = ngo.municipality;
    if (auto place = geography.Locate(ngo.municipality); place && place->police_region) {
      s.police_region = place->police_region->id;
    }
    s.username = "demo-ngo-" + std::to_string(++n);
    s.display_name = std::string("Demo NGO worker, ") + ngo.name;
    s.role = "ngo_worker";
    s.weight = ngo.weight;
    out.push_back(std::move(s));
  }
  OrganisationSlot iom;
  iom.kind = SlotKind::kIom;
  iom.seed_key = "iom";
  iom.username = "demo-iom";
  iom.display_name = "Demo IOM caseworker";
  iom.role = "iom_caseworker";
  iom.weight = 1;
  out.push_back(std::move(iom));
  for (const auto& r : geography.police_regions()) {
    OrganisationSlot s;
    s.kind = SlotKind::kPoliceRegion;
    s.seed_key = "police_region:" + r.id;
    s.police_region = r.id;
    s.username = "demo-police-" + r.id;
    s.display_name = "Demo police investigator, " + r.name_en;
    s.role = "police_investigator";
    s.weight = RegionPopulation(geography, r.id);
    out.push_back(std::move(s));
  }
  for (const auto& r : geography.police_regions()) {
    OrganisationSlot s;
    s.kind = SlotKind::kRegionalCoordinator;
    s.seed_key = "regional_coordinator:" + r.id;
    s.police_region = r.id;
    s.username = "demo-rc-" + r.id;
    s.display_name = "Demo regional coordinator, " + r.name_en;
    s.role = "regional_coordinator";
    s.weight = RegionPopulation(geography, r.id);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace opennrm::cli::demo
