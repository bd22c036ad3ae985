// The access policy (security core): one pure function of (actor, action,
// resource, section) that allows or denies with a reason. Deny by default:
// every allow is a rule below; anything else is refused. Records about people
// are decided section by section, because disclosures are made per section.
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/access/action.hpp"
#include "domain/access/actor.hpp"
#include "domain/access/section.hpp"

namespace opennrm::access {

enum class ResourceKind {
  kNone,          // no particular record: the directory, reference data, statistics
  kOrganisation,  // an organisation in the directory
  kAccount,       // a user account or API token of an organisation
  kAuditLog,      // the audit events about an organisation's records and users
  kRecord,        // a record about a person, owned by one organisation
};

// The record the action concerns, described by its relation to the actor
// (the caller resolves these facts from storage; the policy only decides).
struct Resource {
  ResourceKind kind = ResourceKind::kNone;
  std::string owner_organisation_id;  // the controller; empty for kNone
  orgs::Kind owner_kind = orgs::Kind::kOther;
  // kAccount: the roles the account holds now and, for a change, will hold.
  std::vector<Role> account_roles;
  bool self = false;  // kAccount: the actor's own account
  // kRecord:
  bool assigned = false;            // the actor is on the record's team
  bool break_glass_opened = false;  // the actor opened it by break-glass, with a reason
  std::vector<Section> disclosed;   // sections disclosed to the actor's organisation
};

enum class Visibility {
  kVisible,  // the caller may know the record exists: deny with 403
  kHidden,   // the caller may not: deny with 404, exactly as a missing record
};

struct Decision {
  bool allowed = false;
  std::string_view reason;  // a stable code, e.g. "own_organisation_assigned", "deny_default"
  Visibility visibility = Visibility::kHidden;  // meaningful when denied
  explicit operator bool() const { return allowed; }
};

Decision Decide(const Actor& actor, Action action, const Resource& resource,
                std::optional<Section> section = std::nullopt);

// The roles that work with records about people (case roles).
bool HandlesCases(Role role);
// The roles that may break the glass on a record of their own organisation.
bool MayBreakGlass(Role role);
// The roles a user with `granter` roles may grant in an organisation of `kind`
// in an organisation that is (`own`) or is not the granter's.
bool MayGrant(const Actor& granter, bool own, orgs::Kind kind, Role role);

}  // namespace opennrm::access
