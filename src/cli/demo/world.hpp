// Everything the demo generator draws from, built once per run: the
// organisation slots, the geography with its population weights, the
// citizenship table as weighted indexes and the case rules the server
// enforces (steps, clocks, offences, indicators). Immutable after BuildWorld;
// thread-safe to share between the threads that plan cases.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/case_rules.hpp"
#include "cli/demo/organisations_plan.hpp"
#include "cli/demo/random.hpp"
#include "cli/demo/tables.hpp"
#include "core/date.hpp"
#include "domain/geo/geography.hpp"

namespace opennrm::cli::demo {

// Items (slot or municipality indexes) with a weighted draw among them.
struct Pool {
  std::vector<std::size_t> items;
  WeightedIndex index{std::vector<double>{}};
  bool empty() const { return items.empty(); }
  std::size_t Draw(DemoRandom& random) const { return items[index.Draw(random)]; }
};

struct DemoWorld {
  const geo::Geography* geography = nullptr;
  const app::CaseRules* rules = nullptr;
  std::vector<OrganisationSlot> slots;
  CivilDate today;  // no plan dates anything after it
  KeeperShares shares;
  std::map<SlotKind, Pool> slots_by_kind;
  Pool municipalities;                                // by population, nationwide
  std::map<std::string, Pool> by_county;              // county code -> its municipalities
  std::map<std::string, Pool> by_region;              // police region -> its municipalities
  WeightedIndex citizenships{std::vector<double>{}};  // over CitizenshipProfiles()
};

// REQUIRES: `geography` and `rules` outlive the world; `rules` holds steps
// in force over the two years before `today`, the clock rules, the offences
// and the indicator checklist.
DemoWorld BuildWorld(const geo::Geography& geography, const app::CaseRules& rules,
                     std::vector<OrganisationSlot> slots, CivilDate today);

}  // namespace opennrm::cli::demo
