// Loading a case together with the facts the access policy needs about the
// caller's relation to it (team, break-glass). Not part of the app's API.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/auth/views.hpp"
#include "app/cases/cases.hpp"
#include "app/context.hpp"
#include "domain/access/policy.hpp"
#include "ports/case_repository.hpp"

namespace opennrm::app::case_internal {

struct LoadedCase {
  ports::CaseRow row;
  std::vector<ports::TeamMemberRow> team;
  std::optional<ports::BreakGlassRow> break_glass;  // the caller's opening in force, off the team
  access::Resource resource;
};

// The case with the caller's relation to it; nullopt when there is no such
// case. The policy has not been asked yet.
Result<std::optional<LoadedCase>> LoadCase(ports::UnitOfWork& uow, const Context& ctx,
                                           const Caller& caller, const std::string& case_id);

// The case if `action` is allowed on it; kNotFound when it does not exist or
// the caller may not know it does, kForbidden when visible but refused. On a
// refusal of an existing case, `owner` (if given) gets its organisation.
Result<LoadedCase> LoadAllowed(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                               const std::string& case_id, access::Action action,
                               std::string* owner = nullptr);

// Records a refused attempt (`event_action`, outcome "denied") on `case_id`,
// owned by `owner` (empty when there is no such case), then gives back
// `refusal`. Call it outside any write transaction.
Error AuditDenied(const Context& ctx, const Caller& caller, const std::string& event_action,
                  const std::string& case_id, const std::string& owner, Error refusal,
                  const std::string& request_id);

// The case for what only its team does (changes, the export): `action`
// allowed (LoadAllowed) and the caller on the team, else kForbidden
// "not-on-team" with `why_team` as its detail (break-glass readers only
// read). Every refusal gives up `uow` (reset, so no transaction is held) and
// is audited as `event_action` (AuditDenied) before it is returned.
Result<LoadedCase> LoadForTeam(std::unique_ptr<ports::UnitOfWork>& uow, const Context& ctx,
                               const Caller& caller, const std::string& case_id,
                               access::Action action, const std::string& event_action,
                               std::string_view why_team, const std::string& request_id);

CaseSummary SummaryOf(const ports::CaseRow& row);
// The view of a loaded case; the team members' display names come with the team.
CaseView ViewOf(const LoadedCase& c);

// Users act on cases in person: API tokens cannot (yet).
Status RequireUser(const Caller& caller);

}  // namespace opennrm::app::case_internal
