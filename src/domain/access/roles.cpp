#include "domain/access/roles.hpp"

#include <algorithm>
#include <array>

namespace opennrm::access {

namespace {

using orgs::Kind;

struct RoleInfo {
  Role role;
  std::string_view name;
  bool personal_data;
  std::vector<Kind> kinds;  // empty: every kind
};

const std::vector<RoleInfo>& Roles() {
  static const std::vector<RoleInfo> kRoles{
      // The platform's operators sit in the national unit or an organisation
      // of kind "other" (an IT provider); they manage organisations, not cases.
      {Role::kSystemAdministrator,
       "system_administrator",
       true,
       {Kind::kNationalUnit, Kind::kOther}},
      {Role::kOrganisationAdministrator, "organisation_administrator", true, {}},
      {Role::kHotlineOperator, "hotline_operator", true, {Kind::kNationalUnit}},
      {Role::kRegionalCoordinator, "regional_coordinator", true, {Kind::kRegionalCoordinator}},
      {Role::kSocialWorker, "social_worker", true, {Kind::kMunicipalSocialServices}},
      {Role::kPoliceInvestigator, "police_investigator", true, {Kind::kPoliceRegion}},
      {Role::kProsecutor, "prosecutor", true, {Kind::kProsecutionAuthority}},
      {Role::kMigrationOfficer, "migration_officer", true, {Kind::kMigrationAgency}},
      {Role::kIomCaseworker, "iom_caseworker", true, {Kind::kIom}},
      {Role::kNgoWorker, "ngo_worker", true, {Kind::kNgoShelter}},
      {Role::kStatistician,
       "statistician",
       false,
       {Kind::kNationalUnit, Kind::kCountyBoard, Kind::kRegionalCoordinator, Kind::kPoliceRegion}},
      // The audit log names no person, but auditors see who did what: staff
      // identities are personal data too, so MFA applies.
      {Role::kAuditor, "auditor", true, {}},
      {Role::kNationalAuditor, "national_auditor", true, {Kind::kNationalUnit}},
  };
  return kRoles;
}

const RoleInfo* Find(Role role) {
  for (const auto& r : Roles()) {
    if (r.role == role) return &r;
  }
  return nullptr;
}

}  // namespace

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> kAll = [] {
    std::vector<Role> v;
    for (const auto& r : Roles()) v.push_back(r.role);
    return v;
  }();
  return kAll;
}

std::string_view ToString(Role role) {
  const RoleInfo* r = Find(role);
  return r ? r->name : "";
}

std::optional<Role> ParseRole(std::string_view text) {
  for (const auto& r : Roles()) {
    if (r.name == text) return r.role;
  }
  return std::nullopt;
}

bool KindAllowsRole(orgs::Kind kind, Role role) {
  const RoleInfo* r = Find(role);
  if (!r) return false;
  return r->kinds.empty() || std::find(r->kinds.begin(), r->kinds.end(), kind) != r->kinds.end();
}

bool SeesPersonalData(Role role) {
  const RoleInfo* r = Find(role);
  return !r || r->personal_data;  // unknown: assume the strictest
}

}  // namespace opennrm::access
