#include "domain/access/policy.hpp"

#include <algorithm>

namespace opennrm::access {

namespace {

Decision Allow(std::string_view reason) { return Decision{true, reason, Visibility::kVisible}; }
Decision Forbidden(std::string_view reason) {
  return Decision{false, reason, Visibility::kVisible};
}
Decision Hidden(std::string_view reason) { return Decision{false, reason, Visibility::kHidden}; }

bool Own(const Actor& a, const Resource& r) {
  return !a.organisation_id.empty() && r.owner_organisation_id == a.organisation_id;
}

bool Contains(const std::vector<Role>& roles, Role role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool AnyCaseRole(const Actor& a) {
  return std::any_of(a.roles.begin(), a.roles.end(), HandlesCases);
}

// An API token acts for its organisation within its scope only.
Decision DecideToken(const Actor& a, Action action, const Resource& r) {
  if (!TokenMayHold(action) || !a.Scoped(action)) {
    return r.kind == ResourceKind::kNone || Own(a, r) ? Forbidden("token_scope")
                                                      : Hidden("token_scope");
  }
  switch (action) {
    case Action::kDirectoryRead:
    case Action::kReferenceRead:
    case Action::kStatisticsRead:
      return Allow("token_scope");
    case Action::kUsersRead:
      if (r.kind == ResourceKind::kAccount && Own(a, r)) return Allow("token_own_organisation");
      return Hidden("other_organisation");
    case Action::kAuditRead:
      if (r.kind == ResourceKind::kAuditLog && Own(a, r)) return Allow("token_own_organisation");
      return Hidden("other_organisation");
    default:
      return Hidden("deny_default");
  }
}

Decision DecideUsersRead(const Actor& a, const Resource& r) {
  if (r.kind != ResourceKind::kAccount) return Hidden("wrong_resource");
  if (r.self) return Allow("self");
  if (Own(a, r) && a.Has(Role::kOrganisationAdministrator))
    return Allow("organisation_administrator");
  if (a.Has(Role::kSystemAdministrator)) {
    if (Own(a, r)) return Allow("system_administrator");
    if (Contains(r.account_roles, Role::kOrganisationAdministrator)) {
      return Allow("system_administrator");
    }
  }
  return Hidden("deny_default");
}

Decision DecideUsersManage(const Actor& a, const Resource& r) {
  Decision read = DecideUsersRead(a, r);
  if (r.kind != ResourceKind::kAccount) return Hidden("wrong_resource");
  // One's own account changes through the account routes, never by granting
  // oneself roles.
  if (r.self) return Forbidden("self");
  bool admin =
      (Own(a, r) && a.Has(Role::kOrganisationAdministrator)) || a.Has(Role::kSystemAdministrator);
  auto deny = [&](std::string_view reason) {
    return read.allowed ? Forbidden(reason) : Hidden(reason);
  };
  if (!admin) return deny("deny_default");
  for (Role role : r.account_roles) {
    if (!MayGrant(a, Own(a, r), r.owner_kind, role)) return deny("role_not_grantable");
  }
  if (r.account_roles.empty() && !Own(a, r)) return deny("role_not_grantable");
  return Allow(Own(a, r) && a.Has(Role::kOrganisationAdministrator) ? "organisation_administrator"
                                                                    : "system_administrator");
}

Decision DecideRecord(const Actor& a, Action action, const Resource& r,
                      std::optional<Section> section) {
  if (r.kind != ResourceKind::kRecord) return Hidden("wrong_resource");
  if (!AnyCaseRole(a)) return Hidden("no_case_role");
  if (Own(a, r)) {
    if (action == Action::kRecordBreakGlass) {
      // On the team: the record is visible anyway; there is no glass to break.
      if (r.assigned) return Forbidden("already_assigned");
      if (!std::any_of(a.roles.begin(), a.roles.end(), MayBreakGlass)) {
        return Hidden("no_break_glass_role");
      }
      return Allow("break_glass");
    }
    if (r.assigned) return Allow("own_organisation_assigned");
    if (r.break_glass_opened) return Allow("break_glass");
    return Hidden("not_assigned");
  }
  // Another organisation's record: only sections its owner disclosed, read only.
  if (action != Action::kRecordRead) return Hidden("other_organisation");
  if (section && std::find(r.disclosed.begin(), r.disclosed.end(), *section) != r.disclosed.end()) {
    return Allow("disclosed");
  }
  return Hidden("not_disclosed");
}

// Statistics (docs/design/statistics-api.md, "Who"). Published releases
// are read by statisticians and by the coordinators, the hotline and the
// platform's operators; only the national unit's statisticians import and
// publish; exact figures of one's own organisation go to the roles that
// work with its records (regional coordination, the national unit's
// hotline), never to the statistician, who sees no person.
Decision DecideStatistics(const Actor& a, Action action) {
  switch (action) {
    case Action::kStatisticsRead:
      for (Role role : {Role::kStatistician, Role::kRegionalCoordinator, Role::kHotlineOperator,
                        Role::kSystemAdministrator}) {
        if (a.Has(role)) return Allow(ToString(role));
      }
      return Forbidden("deny_default");
    case Action::kStatisticsManage:
      if (!a.Has(Role::kStatistician)) return Forbidden("deny_default");
      return a.organisation_kind == orgs::Kind::kNationalUnit ? Allow("statistician")
                                                              : Forbidden("not_national_unit");
    case Action::kStatisticsOwn:
      if (a.Has(Role::kRegionalCoordinator)) return Allow("regional_coordinator");
      if (a.Has(Role::kHotlineOperator)) return Allow("hotline_operator");
      return Forbidden("deny_default");
    default:
      return Hidden("deny_default");
  }
}

}  // namespace

bool HandlesCases(Role role) {
  switch (role) {
    case Role::kHotlineOperator:
    case Role::kRegionalCoordinator:
    case Role::kSocialWorker:
    case Role::kPoliceInvestigator:
    case Role::kProsecutor:
    case Role::kMigrationOfficer:
    case Role::kIomCaseworker:
    case Role::kNgoWorker:
      return true;
    default:
      return false;
  }
}

bool MayBreakGlass(Role role) {
  // Those who may have to act at once for a person in danger; an NGO or the
  // hotline work from what was disclosed or recorded by them.
  switch (role) {
    case Role::kRegionalCoordinator:
    case Role::kSocialWorker:
    case Role::kPoliceInvestigator:
    case Role::kProsecutor:
    case Role::kMigrationOfficer:
      return true;
    default:
      return false;
  }
}

bool MayGrant(const Actor& granter, bool own, orgs::Kind kind, Role role) {
  if (!KindAllowsRole(kind, role)) return false;
  if (granter.Has(Role::kSystemAdministrator)) {
    if (role == Role::kOrganisationAdministrator) return true;
    if (role == Role::kSystemAdministrator && own) return true;
  }
  if (own && granter.Has(Role::kOrganisationAdministrator)) {
    return role != Role::kSystemAdministrator;
  }
  return false;
}

Decision Decide(const Actor& a, Action action, const Resource& r, std::optional<Section> section) {
  if (a.organisation_id.empty()) return Hidden("no_actor");
  if (a.IsToken()) return DecideToken(a, action, r);
  switch (action) {
    case Action::kDirectoryRead:
    case Action::kReferenceRead:
      return Allow("signed_in");
    case Action::kDirectoryManage:
      return a.Has(Role::kSystemAdministrator) ? Allow("system_administrator")
                                               : Forbidden("deny_default");
    case Action::kOwnAccount:
      return r.kind == ResourceKind::kAccount && r.self ? Allow("self") : Hidden("not_self");
    case Action::kUsersRead:
      return DecideUsersRead(a, r);
    case Action::kUsersManage:
      return DecideUsersManage(a, r);
    case Action::kTokensManage:
      if (r.kind != ResourceKind::kAccount || !Own(a, r)) return Hidden("other_organisation");
      return a.Has(Role::kOrganisationAdministrator) ? Allow("organisation_administrator")
                                                     : Forbidden("deny_default");
    case Action::kAuditRead:
      if (r.kind != ResourceKind::kAuditLog) return Hidden("wrong_resource");
      if (a.Has(Role::kNationalAuditor)) return Allow("national_auditor");
      if (Own(a, r) && a.Has(Role::kAuditor)) return Allow("auditor");
      return Own(a, r) ? Forbidden("deny_default") : Hidden("other_organisation");
    case Action::kRecordRead:
    case Action::kRecordWrite:
    case Action::kRecordBreakGlass:
      return DecideRecord(a, action, r, section);
    case Action::kStatisticsRead:
    case Action::kStatisticsManage:
    case Action::kStatisticsOwn:
      return DecideStatistics(a, action);
  }
  return Hidden("deny_default");
}

}  // namespace opennrm::access
