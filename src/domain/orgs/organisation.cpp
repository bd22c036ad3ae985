#include "domain/orgs/organisation.hpp"

#include <array>
#include <utility>

namespace opennrm::orgs {

namespace {

struct KindInfo {
  Kind kind;
  std::string_view name;
  bool public_authority;
};

// Public authorities as GLOSSARY.md lists them. Regional coordination is
// hosted by a municipality's social services, so it is an authority too.
constexpr std::array<KindInfo, 14> kKinds{{
    {Kind::kNationalUnit, "national_unit", true},
    {Kind::kCountyBoard, "county_board", true},
    {Kind::kMunicipalSocialServices, "municipal_social_services", true},
    {Kind::kRegionalCoordinator, "regional_coordinator", true},
    {Kind::kPoliceRegion, "police_region", true},
    {Kind::kProsecutionAuthority, "prosecution_authority", true},
    {Kind::kMigrationAgency, "migration_agency", true},
    {Kind::kWorkEnvironmentAuthority, "work_environment_authority", true},
    {Kind::kTaxAgency, "tax_agency", true},
    {Kind::kCustoms, "customs", true},
    {Kind::kIom, "iom", false},
    {Kind::kNgoShelter, "ngo_shelter", false},
    {Kind::kHealthCare, "health_care", false},
    {Kind::kOther, "other", false},
}};

constexpr std::array<std::pair<CoverageScope, std::string_view>, 4> kScopes{{
    {CoverageScope::kNational, "national"},
    {CoverageScope::kPoliceRegions, "police_regions"},
    {CoverageScope::kCounties, "counties"},
    {CoverageScope::kMunicipalities, "municipalities"},
}};

}  // namespace

const std::vector<Kind>& AllKinds() {
  static const std::vector<Kind> kAll = [] {
    std::vector<Kind> v;
    for (const auto& k : kKinds) v.push_back(k.kind);
    return v;
  }();
  return kAll;
}

std::string_view ToString(Kind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "other";
}

std::optional<Kind> ParseKind(std::string_view text) {
  for (const auto& k : kKinds) {
    if (k.name == text) return k.kind;
  }
  return std::nullopt;
}

bool IsPublicAuthority(Kind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k.public_authority;
  }
  return false;
}

std::string_view ToString(CoverageScope scope) {
  for (const auto& [s, name] : kScopes) {
    if (s == scope) return name;
  }
  return "national";
}

std::optional<CoverageScope> ParseScope(std::string_view text) {
  for (const auto& [s, name] : kScopes) {
    if (name == text) return s;
  }
  return std::nullopt;
}

}  // namespace opennrm::orgs
