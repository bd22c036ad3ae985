// The predefined tables of presumed victims that a release publishes (issue 7
// items 1 and 3): each geography (police region or county) as rows, by one
// category as columns, or by nothing (one column "total"). Statisticians see
// these tables only, for published years and areas; never a table built on
// request. Ids read "victims.<geography>.<category>" ("victims.county.form")
// and "victims.<geography>" for the geography alone. Also the series a
// release counts: one per kind of reporting organisation, the regional
// coordinators' first (the national headline, as in Sweden's annual
// figures); no person is matched across series. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/stats/dimension.hpp"

namespace opennrm::stats {

struct CatalogueTable {
  std::string id;                    // "victims.police_region.gender"
  std::string group;                 // "victims"
  Dimension rows;                    // kPoliceRegion or kCounty
  std::optional<Dimension> columns;  // none: one column "total"
};

// Every predefined victims table, geography by geography, categories in a
// fixed order (gender, age_group, age_band, citizenship_group, case_type,
// form, sector, outcome, step, then the geography alone).
const std::vector<CatalogueTable>& VictimTableCatalogue();

// The table with `id`; nullptr when there is none.
const CatalogueTable* FindVictimTable(std::string_view id);

// The organisation kinds a release counts, each a series of its own:
// regional_coordinator (the national headline), police_region,
// municipal_social_services, migration_agency, ngo_shelter, iom.
const std::vector<std::string>& ReleaseSeries();
bool IsReleaseSeries(std::string_view series);

// The word the API uses for a table's column dimension: the dimension's
// word, or "total" for none.
std::string ColumnWord(const std::optional<Dimension>& columns);

}  // namespace opennrm::stats
