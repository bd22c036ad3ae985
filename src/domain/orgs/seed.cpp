#include "domain/orgs/seed.hpp"

#include <map>

namespace opennrm::orgs {

namespace {

OrganisationDraft Draft(std::string name, Kind kind, CoverageScope scope,
                        std::vector<std::string> codes, std::vector<std::string> services = {}) {
  OrganisationDraft d;
  d.name = std::move(name);
  d.kind = kind;
  d.coverage = Coverage{scope, std::move(codes)};
  d.services = std::move(services);
  d.languages = {"swe"};
  d.active = true;
  return d;
}

// "Polisregion Nord" -> "polisregion Nord", as it reads inside a name.
std::string LowerFirstWord(const std::string& s) {
  std::string out = s;
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z')
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

}  // namespace

std::string MunicipalityOrganisationName(const std::string& municipality) {
  static const std::map<std::string, std::string> kOfficial{
      {"Gotland", "Region Gotland"},
      {"Stockholm", "Stockholms stad"},
      {"Göteborg", "Göteborgs Stad"},
      {"Malmö", "Malmö stad"},
  };
  auto it = kOfficial.find(municipality);
  return it != kOfficial.end() ? it->second : municipality + " kommun";
}

std::vector<SeedEntry> SeedDirectory(const geo::Geography& g) {
  std::vector<SeedEntry> out;
  out.push_back(
      {"national_unit",
       Draft("Nationellt stöd mot prostitution och människohandel (NSPM), "
             "Jämställdhetsmyndigheten",
             Kind::kNationalUnit, CoverageScope::kNational, {}, {"advice_to_professionals"})});
  for (const auto& c : g.counties()) {
    out.push_back({"county_board:" + c.code, Draft("Länsstyrelsen i " + c.name, Kind::kCountyBoard,
                                                   CoverageScope::kCounties, {c.code})});
  }
  for (const auto& m : g.municipalities()) {
    out.push_back(
        {"municipal_social_services:" + m.code,
         Draft("Socialtjänsten, " + MunicipalityOrganisationName(m.name),
               Kind::kMunicipalSocialServices, CoverageScope::kMunicipalities, {m.code})});
  }
  for (const auto& r : g.police_regions()) {
    out.push_back({"regional_coordinator:" + r.id,
                   Draft("Regionkoordinator, " + LowerFirstWord(r.name), Kind::kRegionalCoordinator,
                         CoverageScope::kPoliceRegions, {r.id}, {"advice_to_professionals"})});
    out.push_back({"police_region:" + r.id,
                   Draft(r.name, Kind::kPoliceRegion, CoverageScope::kPoliceRegions, {r.id})});
  }
  out.push_back({"prosecution_authority", Draft("Åklagarmyndigheten", Kind::kProsecutionAuthority,
                                                CoverageScope::kNational, {})});
  out.push_back({"migration_agency",
                 Draft("Migrationsverket", Kind::kMigrationAgency, CoverageScope::kNational, {})});
  out.push_back(
      {"work_environment_authority",
       Draft("Arbetsmiljöverket", Kind::kWorkEnvironmentAuthority, CoverageScope::kNational, {})});
  out.push_back(
      {"tax_agency", Draft("Skatteverket", Kind::kTaxAgency, CoverageScope::kNational, {})});
  out.push_back({"customs", Draft("Tullverket", Kind::kCustoms, CoverageScope::kNational, {})});
  out.push_back(
      {"iom", Draft("IOM – Internationella organisationen för migration", Kind::kIom,
                    CoverageScope::kNational, {}, {"return_assistance", "reintegration_support"})});
  return out;
}

}  // namespace opennrm::orgs
