#include "domain/geo/geography.hpp"

#include <set>

#include "domain/text/fold.hpp"

namespace opennrm::geo {

namespace {

template <class Index>
bool AddUnique(Index& index, const std::string& key, size_t pos) {
  return index.emplace(key, pos).second;
}

}  // namespace

Result<Geography> Geography::Build(GeographyData data) {
  Geography g;
  g.data_ = std::move(data);
  for (size_t i = 0; i < g.data_.police_regions.size(); ++i) {
    const auto& r = g.data_.police_regions[i];
    if (r.id.empty() || !AddUnique(g.region_index_, r.id, i)) {
      return Invalid("police_regions[" + std::to_string(i) + "].id", "unique",
                     "Police region id '" + r.id + "' is empty or repeated.");
    }
  }
  for (size_t i = 0; i < g.data_.counties.size(); ++i) {
    const auto& c = g.data_.counties[i];
    if (c.code.size() != 2 || !AddUnique(g.county_index_, c.code, i)) {
      return Invalid("counties[" + std::to_string(i) + "].code", "unique",
                     "County code '" + c.code + "' is malformed or repeated.");
    }
    if (!g.region_index_.count(c.police_region)) {
      return Invalid(
          "counties[" + std::to_string(i) + "].police_region", "unknown_code",
          "County " + c.code + " names unknown police region '" + c.police_region + "'.");
    }
  }
  for (size_t i = 0; i < g.data_.municipalities.size(); ++i) {
    const auto& m = g.data_.municipalities[i];
    if (m.code.size() != 4 || !AddUnique(g.municipality_index_, m.code, i)) {
      return Invalid("municipalities[" + std::to_string(i) + "].code", "unique",
                     "Municipality code '" + m.code + "' is malformed or repeated.");
    }
    if (!g.county_index_.count(m.county_code)) {
      return Invalid("municipalities[" + std::to_string(i) + "].county_code", "unknown_code",
                     "Municipality " + m.code + " names unknown county '" + m.county_code + "'.");
    }
    g.folded_names_.push_back(text::Fold(m.name));
  }
  for (size_t i = 0; i < g.data_.population.size(); ++i) {
    const auto& p = g.data_.population[i];
    if (p.level == "county") {
      auto it = g.county_index_.find(p.code);
      if (it == g.county_index_.end()) {
        return Invalid("population[" + std::to_string(i) + "].code", "unknown_code",
                       "Population row for unknown county '" + p.code + "'.");
      }
      g.data_.counties[it->second].population = p.population;
    } else if (p.level == "municipality") {
      auto it = g.municipality_index_.find(p.code);
      if (it == g.municipality_index_.end()) {
        return Invalid("population[" + std::to_string(i) + "].code", "unknown_code",
                       "Population row for unknown municipality '" + p.code + "'.");
      }
      g.data_.municipalities[it->second].population = p.population;
    } else {
      return Invalid("population[" + std::to_string(i) + "].level", "enum",
                     "Population level must be county or municipality.");
    }
  }
  return g;
}

const PoliceRegion* Geography::FindPoliceRegion(std::string_view id) const {
  auto it = region_index_.find(id);
  return it == region_index_.end() ? nullptr : &data_.police_regions[it->second];
}

const County* Geography::FindCounty(std::string_view code) const {
  auto it = county_index_.find(code);
  return it == county_index_.end() ? nullptr : &data_.counties[it->second];
}

const Municipality* Geography::FindMunicipality(std::string_view code) const {
  auto it = municipality_index_.find(code);
  return it == municipality_index_.end() ? nullptr : &data_.municipalities[it->second];
}

std::optional<Place> Geography::Locate(std::string_view municipality_code) const {
  const Municipality* m = FindMunicipality(municipality_code);
  if (!m) return std::nullopt;
  const County* c = FindCounty(m->county_code);
  return Place{m, c, c ? FindPoliceRegion(c->police_region) : nullptr};
}

std::vector<const Municipality*> Geography::FindMunicipalities(const MunicipalityQuery& q) const {
  std::string prefix = q.name_prefix ? text::Fold(*q.name_prefix) : std::string();
  std::vector<const Municipality*> out;
  for (size_t i = 0; i < data_.municipalities.size(); ++i) {
    const auto& m = data_.municipalities[i];
    if (q.county && m.county_code != *q.county) continue;
    if (q.police_region) {
      const County* c = FindCounty(m.county_code);
      if (!c || c->police_region != *q.police_region) continue;
    }
    if (!prefix.empty() && folded_names_[i].compare(0, prefix.size(), prefix) != 0) continue;
    out.push_back(&m);
  }
  return out;
}

std::vector<const County*> Geography::CountiesOf(std::string_view police_region) const {
  std::vector<const County*> out;
  for (const auto& c : data_.counties) {
    if (c.police_region == police_region) out.push_back(&c);
  }
  return out;
}

}  // namespace opennrm::geo
