#include "app/cases/case_access.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"
#include "domain/cases/case_record.hpp"

namespace opennrm::app::case_internal {

namespace {

// The kind of the organisation that owns a case. A case of the caller's own organisation (nearly
// every case request) takes it from the caller's checked session, which any change to the
// organisation renews (docs/adr/0015-session-check-cache.md); any other owner is looked up. Only
// the kind is needed: the organisation's lists (coverage, services, languages) would cost three
// more queries.
Result<orgs::Kind> OwnerKind(ports::UnitOfWork& uow, const Caller& caller,
                             const std::string& organisation_id) {
  if (!caller.actor.organisation_id.empty() && caller.actor.organisation_id == organisation_id) {
    return caller.actor.organisation_kind;
  }
  auto org = uow.organisations().FindWithoutLists(organisation_id);
  if (!org) return tl::unexpected(org.error());
  if (!*org) return Internal("A case's organisation is missing.");
  return (*org)->data.kind;
}

}  // namespace

Result<std::optional<LoadedCase>> LoadCase(ports::UnitOfWork& uow, const Context& ctx,
                                           const Caller& caller, const std::string& case_id) {
  auto row = uow.cases().Find(case_id);
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<LoadedCase>();
  LoadedCase c;
  c.row = std::move(**row);
  auto kind = OwnerKind(uow, caller, c.row.organisation_id);
  if (!kind) return tl::unexpected(kind.error());
  auto team = uow.cases().Team(case_id);
  if (!team) return tl::unexpected(team.error());
  c.team = std::move(*team);
  c.resource.kind = access::ResourceKind::kRecord;
  c.resource.owner_organisation_id = c.row.organisation_id;
  c.resource.owner_kind = *kind;
  const std::string& user_id = caller.actor.user_id;
  if (!user_id.empty() && caller.session) {
    c.resource.assigned = std::any_of(c.team.begin(), c.team.end(),
                                      [&](const auto& m) { return m.user_id == user_id; });
  }
  // A break-glass opening matters only to a user off the team (the policy and every audit
  // event look at it then only), so the team's reads skip its query.
  if (!user_id.empty() && caller.session && !c.resource.assigned) {
    auto opened = uow.cases().ActiveBreakGlass(case_id, user_id, caller.session->id,
                                               auth_internal::NowUs(ctx));
    if (!opened) return tl::unexpected(opened.error());
    c.break_glass = std::move(*opened);
    c.resource.break_glass_opened = c.break_glass.has_value();
  }
  return std::optional<LoadedCase>(std::move(c));
}

Result<LoadedCase> LoadAllowed(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                               const std::string& case_id, access::Action action,
                               std::string* owner) {
  auto loaded = LoadCase(uow, ctx, caller, case_id);
  if (!loaded) return tl::unexpected(loaded.error());
  if (!*loaded) return NotFound("No such case.");
  auto decision = access::Decide(caller.actor, action, (*loaded)->resource);
  if (auto st = auth_internal::Require(decision); !st) {
    if (owner) *owner = (*loaded)->row.organisation_id;
    return tl::unexpected(st.error());
  }
  return std::move(**loaded);
}

Error AuditDenied(const Context& ctx, const Caller& caller, const std::string& event_action,
                  const std::string& case_id, const std::string& owner, Error refusal,
                  const std::string& request_id) {
  if (refusal.code != ErrorCode::kNotFound && refusal.code != ErrorCode::kForbidden) {
    return refusal;
  }
  ::opennrm::audit::Event e =
      auth_internal::EventOf(ctx, caller.actor, event_action, "denied", request_id);
  // An id that names no case is recorded as asked, without an owner.
  e.objects.push_back(auth_internal::Object("case", case_id.substr(0, 64), owner));
  if (auto st = auth_internal::Audit(ctx, std::move(e)); !st) return st.error();
  return refusal;
}

Result<LoadedCase> LoadForTeam(std::unique_ptr<ports::UnitOfWork>& uow, const Context& ctx,
                               const Caller& caller, const std::string& case_id,
                               access::Action action, const std::string& event_action,
                               std::string_view why_team, const std::string& request_id) {
  std::string owner;
  auto loaded = LoadAllowed(*uow, ctx, caller, case_id, action, &owner);
  if (loaded && !loaded->resource.assigned) {
    owner = loaded->row.organisation_id;
    loaded = Forbidden("not-on-team", std::string(why_team));
  }
  if (!loaded) {
    uow.reset();
    return tl::unexpected(
        AuditDenied(ctx, caller, event_action, case_id, owner, loaded.error(), request_id));
  }
  return loaded;
}

CaseSummary SummaryOf(const ports::CaseRow& row) {
  CaseSummary s;
  s.id = row.id;
  s.code = row.code;
  s.type = cases::ParseCaseType(row.type).value_or(cases::CaseType::kTraffickingInHumanBeings);
  s.status = row.status;
  s.organisation_id = row.organisation_id;
  s.created_at_us = row.created_at_us;
  s.updated_at_us = row.updated_at_us;
  s.version = row.version;
  s.missing_alert_open = row.missing_alert_open;
  return s;
}

CaseView ViewOf(const LoadedCase& c) {
  CaseView v;
  v.summary = SummaryOf(c.row);
  v.closure_reason = c.row.closure_reason;
  v.steps_version = c.row.steps_version;
  for (const auto& m : c.team) {
    v.team.push_back(TeamMemberView{m.user_id, m.display_name, m.added_by, m.added_at_us});
  }
  if (c.resource.assigned) {
    v.access = CaseAccess::kTeam;
  } else if (c.break_glass) {
    v.access = CaseAccess::kBreakGlass;
    v.break_glass_expires_at_us = c.break_glass->expires_at_us;
  }
  return v;
}

Status RequireUser(const Caller& caller) {
  if (caller.actor.IsToken() || !caller.session || !caller.user) {
    return Forbidden("token-not-allowed", "API tokens cannot work with cases.");
  }
  return Ok();
}

}  // namespace opennrm::app::case_internal
