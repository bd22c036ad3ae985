#include "domain/cases/person_role.hpp"

#include <algorithm>

#include "domain/access/policy.hpp"
#include "domain/cases/enum_names.hpp"

namespace opennrm::cases {

namespace {

using N = std::string_view;

constexpr auto kRoles = detail::MakeNames<PersonRole>(
    std::pair{PersonRole::kPresumedVictim, N("presumed_victim")},
    std::pair{PersonRole::kAccompanyingChild, N("accompanying_child")},
    std::pair{PersonRole::kWitness, N("witness")}, std::pair{PersonRole::kSuspect, N("suspect")},
    std::pair{PersonRole::kBuyerOfSexualServices, N("buyer_of_sexual_services")});

bool MayHandleOffenceData(access::Role role) {
  if (role == access::Role::kNgoWorker || role == access::Role::kIomCaseworker) return false;
  return access::HandlesCases(role);
}

}  // namespace

std::vector<PersonRole> AllPersonRoles() { return kRoles.All(); }
std::string_view ToString(PersonRole role) { return kRoles.Name(role); }
std::optional<PersonRole> ParsePersonRole(std::string_view text) { return kRoles.Parse(text); }

bool CountsAsVictim(PersonRole role) { return role == PersonRole::kPresumedVictim; }

bool NeedsPublicAuthority(PersonRole role) {
  return role == PersonRole::kSuspect || role == PersonRole::kBuyerOfSexualServices;
}

bool CaseMayHold(orgs::Kind owner_kind, PersonRole role) {
  return !NeedsPublicAuthority(role) || orgs::IsPublicAuthority(owner_kind);
}

bool MayHandleRole(const access::Actor& actor, PersonRole role) {
  if (!NeedsPublicAuthority(role)) return true;
  if (actor.IsToken() || !orgs::IsPublicAuthority(actor.organisation_kind)) return false;
  return std::any_of(actor.roles.begin(), actor.roles.end(), MayHandleOffenceData);
}

}  // namespace opennrm::cases
