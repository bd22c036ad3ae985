#include "domain/stats/table_catalogue.hpp"

#include <algorithm>

namespace opennrm::stats {

namespace {

std::vector<CatalogueTable> Build() {
  const Dimension categories[] = {
      Dimension::kGender,           Dimension::kAgeGroup, Dimension::kAgeBand,
      Dimension::kCitizenshipGroup, Dimension::kCaseType, Dimension::kForm,
      Dimension::kSector,           Dimension::kOutcome,  Dimension::kStep};
  std::vector<CatalogueTable> out;
  for (Dimension geography : {Dimension::kPoliceRegion, Dimension::kCounty}) {
    const std::string prefix = "victims." + std::string(ToString(geography));
    for (Dimension c : categories) {
      out.push_back({prefix + "." + std::string(ToString(c)), "victims", geography, c});
    }
    out.push_back({prefix, "victims", geography, std::nullopt});
  }
  return out;
}

}  // namespace

const std::vector<CatalogueTable>& VictimTableCatalogue() {
  static const std::vector<CatalogueTable> kAll = Build();
  return kAll;
}

const CatalogueTable* FindVictimTable(std::string_view id) {
  for (const auto& t : VictimTableCatalogue()) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const std::vector<std::string>& ReleaseSeries() {
  static const std::vector<std::string> kAll{
      "regional_coordinator", "police_region", "municipal_social_services",
      "migration_agency",     "ngo_shelter",   "iom"};
  return kAll;
}

bool IsReleaseSeries(std::string_view series) {
  const auto& all = ReleaseSeries();
  return std::find(all.begin(), all.end(), series) != all.end();
}

std::string ColumnWord(const std::optional<Dimension>& columns) {
  return columns ? std::string(ToString(*columns)) : "total";
}

}  // namespace opennrm::stats
