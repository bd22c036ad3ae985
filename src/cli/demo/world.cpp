#include "cli/demo/world.hpp"

namespace opennrm::cli::demo {

namespace {

void AddTo(Pool& pool, std::vector<double>& weights, std::size_t item, double weight) {
  pool.items.push_back(item);
  weights.push_back(weight);
}

}  // namespace

DemoWorld BuildWorld(const geo::Geography& geography, const app::CaseRules& rules,
                     std::vector<OrganisationSlot> slots, CivilDate today) {
  DemoWorld w;
  w.geography = &geography;
  w.rules = &rules;
  w.slots = std::move(slots);
  w.today = today;
  std::map<SlotKind, std::vector<double>> slot_weights;
  for (std::size_t i = 0; i < w.slots.size(); ++i) {
    AddTo(w.slots_by_kind[w.slots[i].kind], slot_weights[w.slots[i].kind], i, w.slots[i].weight);
  }
  for (auto& [kind, pool] : w.slots_by_kind) pool.index = WeightedIndex(slot_weights[kind]);

  std::vector<double> national;
  std::map<std::string, std::vector<double>> county_weights;
  std::map<std::string, std::vector<double>> region_weights;
  const auto& ms = geography.municipalities();
  for (std::size_t i = 0; i < ms.size(); ++i) {
    double pop = PopulationOf(ms[i]);
    AddTo(w.municipalities, national, i, pop);
    AddTo(w.by_county[ms[i].county_code], county_weights[ms[i].county_code], i, pop);
    if (auto place = geography.Locate(ms[i].code); place && place->police_region) {
      const std::string& r = place->police_region->id;
      AddTo(w.by_region[r], region_weights[r], i, pop);
    }
  }
  w.municipalities.index = WeightedIndex(national);
  for (auto& [code, pool] : w.by_county) pool.index = WeightedIndex(county_weights[code]);
  for (auto& [id, pool] : w.by_region) pool.index = WeightedIndex(region_weights[id]);

  std::vector<double> cw;
  for (const auto& p : CitizenshipProfiles()) cw.push_back(p.weight);
  w.citizenships = WeightedIndex(cw);
  return w;
}

}  // namespace opennrm::cli::demo
