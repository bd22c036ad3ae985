#include "cli/demo/shelter_plan.hpp"

#include <string>

#include "cli/demo/random.hpp"
#include "core/stockholm_date_math.hpp"

namespace opennrm::cli::demo {

namespace {

struct ShelterRow {
  const char* name;
  orgs::CoverageScope scope;
  std::vector<std::string> codes;  // counties, police regions or municipalities
  std::vector<std::string> services;
  std::vector<orgs::CapacityEntry> capacity;
  std::vector<std::string> languages;
  bool full;  // reported full (no free place)
};

// Where each shelter is and what it offers. Spread over the seven police
// regions; two are full whatever the seed, so routing meets "no free place".
const std::vector<ShelterRow>& Rows() {
  using S = orgs::CoverageScope;
  static const std::vector<ShelterRow> rows = {
      {"Skyddat boende Vintergatan (demo)",
       S::kCounties,
       {"01", "03"},
       {"shelter_women", "shelter_children", "psychological_support", "legal_advice"},
       {{"women", "adults", 10}, {"any", "children", 4}},
       {"swe", "eng", "ron", "tha"},
       false},
      {"Mansboendet Ankaret (demo)",
       S::kPoliceRegions,
       {"stockholm", "mitt"},
       {"shelter_men", "employment_support", "interpretation"},
       {{"men", "adults", 6}},
       {"swe", "eng", "ukr", "rus"},
       true},
      {"Kvinnojouren Måsen (demo)",
       S::kCounties,
       {"14", "13"},
       {"shelter_women", "counselling_leave_prostitution", "medical_care"},
       {{"women", "adults", 8}},
       {"swe", "eng", "bul", "ron"},
       false},
      {"Stödboendet Västkusten (demo)",
       S::kPoliceRegions,
       {"vast"},
       {"shelter_men", "shelter_lgbtq", "legal_advice"},
       {{"men", "adults", 4}, {"any", "adults", 2}},
       {"swe", "eng", "ara"},
       false},
      {"Skyddat boende Öresund (demo)",
       S::kPoliceRegions,
       {"syd"},
       {"shelter_women", "shelter_families", "psychological_support"},
       {{"women", "adults", 9}, {"any", "children", 6}},
       {"swe", "eng", "pol", "ara"},
       false},
      {"Familjeboendet Linden (demo)",
       S::kPoliceRegions,
       {"ost"},
       {"shelter_families", "shelter_children", "language_support"},
       {{"any", "any", 8}},
       {"swe", "eng", "ukr"},
       false},
      {"Kvinnoboendet Bergslagen (demo)",
       S::kPoliceRegions,
       {"bergslagen"},
       {"shelter_women", "outreach"},
       {{"women", "adults", 5}},
       {"swe", "eng", "tha"},
       true},
      {"Härbärget Skogsbäret (demo)",
       S::kCounties,
       {"17", "20"},
       {"shelter_men", "interpretation", "return_assistance"},
       {{"men", "adults", 12}},
       {"swe", "eng", "tha", "vie"},
       false},
      {"Norrskenets skyddade boende (demo)",
       S::kPoliceRegions,
       {"nord"},
       {"shelter_women", "shelter_men", "interpretation"},
       {{"women", "adults", 6}, {"men", "adults", 8}},
       {"swe", "eng", "tha", "fin"},
       false},
      {"Regnbågshuset (demo)",
       S::kNational,
       {},
       {"shelter_lgbtq", "psychological_support", "legal_advice"},
       {{"any", "adults", 4}},
       {"swe", "eng"},
       false},
      {"Barnboendet Lärkan (demo)",
       S::kCounties,
       {"05", "06", "04"},
       {"shelter_children", "psychological_support"},
       {{"any", "children", 5}},
       {"swe", "eng", "ara", "prs"},
       false},
  };
  return rows;
}

bool Known(const geo::Geography& g, const ShelterRow& row) {
  for (const auto& code : row.codes) {
    switch (row.scope) {
      case orgs::CoverageScope::kCounties:
        if (!g.FindCounty(code)) return false;
        break;
      case orgs::CoverageScope::kPoliceRegions:
        if (!g.FindPoliceRegion(code)) return false;
        break;
      case orgs::CoverageScope::kMunicipalities:
        if (!g.FindMunicipality(code)) return false;
        break;
      case orgs::CoverageScope::kNational:
        break;
    }
  }
  return true;
}

}  // namespace

std::vector<orgs::OrganisationDraft> PlanShelters(const geo::Geography& geography, CivilDate today,
                                                  std::uint64_t seed) {
  DemoRandom random(seed ^ 0x7368656C74657273ULL);
  std::vector<orgs::OrganisationDraft> out;
  for (const auto& row : Rows()) {
    const int reported_days_ago = random.Between(0, 6);
    const double share = random.Unit();
    if (!Known(geography, row)) continue;
    orgs::OrganisationDraft d;
    d.name = row.name;
    d.kind = orgs::Kind::kNgoShelter;
    d.coverage = orgs::Coverage{row.scope, row.codes};
    d.services = row.services;
    d.capacity = row.capacity;
    d.languages = row.languages;
    int total = 0;
    for (const auto& c : row.capacity) total += c.places;
    // Full ones report every place taken; the others between a third and all but one.
    const int occupied =
        row.full ? total
                 : std::min(total - 1, total / 3 + static_cast<int>(share * (total - total / 3)));
    d.occupancy = orgs::Occupancy{occupied, FormatIsoDate(AddDays(today, -reported_days_ago))};
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace opennrm::cli::demo
