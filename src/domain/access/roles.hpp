// The roles a user can hold, and which organisation kinds may grant them
// (security core). A role a kind does not allow cannot be granted: police
// roles only in a police organisation, and so on. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/orgs/organisation.hpp"

namespace opennrm::access {

enum class Role {
  kSystemAdministrator,        // organisations and their administrators; never case content
  kOrganisationAdministrator,  // users of their own organisation
  kHotlineOperator,            // national unit: hotline operator / adviser
  kRegionalCoordinator,
  kSocialWorker,
  kPoliceInvestigator,
  kProsecutor,
  kMigrationOfficer,
  kIomCaseworker,
  kNgoWorker,
  kStatistician,     // published statistics only, never a person
  kAuditor,          // the audit log of their own organisation
  kNationalAuditor,  // the whole audit log (which holds no personal data)
};

const std::vector<Role>& AllRoles();
std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view text);

// Whether an organisation of `kind` may grant `role` to its users.
bool KindAllowsRole(orgs::Kind kind, Role role);

// Whether the role can see personal data, so that TOTP is mandatory for it.
bool SeesPersonalData(Role role);

}  // namespace opennrm::access
