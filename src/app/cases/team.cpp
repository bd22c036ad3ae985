// Keeping a case's team: the users of the owning organisation assigned to it.
#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/cases.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

// The change is made by a team member (break-glass readers only read); on a
// refusal the write is given up and the refusal audited as `event_action`.
Result<LoadedCase> LoadForTeamChange(std::unique_ptr<ports::UnitOfWork>& uow, const Context& ctx,
                                     const Caller& caller, const std::string& case_id,
                                     const std::string& event_action, const ClientInfo& client) {
  return LoadForTeam(uow, ctx, caller, case_id, access::Action::kRecordWrite, event_action,
                     "Only the case's team changes the team; break-glass opens a case for "
                     "reading.",
                     client.request_id);
}

Result<CaseView> Reload(const Context& ctx, const Caller& caller, const std::string& case_id) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto loaded = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead);
  if (!loaded) return tl::unexpected(loaded.error());
  return case_internal::ViewOf(*loaded);
}

Status Audited(const Context& ctx, const Caller& caller, const std::string& action,
               const ports::CaseRow& row, const std::string& user_id,
               const std::string& request_id) {
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "allowed", request_id);
  e.objects.push_back(Object("case", row.id, row.organisation_id));
  e.objects.push_back(Object("user", user_id, row.organisation_id));
  e.purpose = "assignment";
  return Audit(ctx, std::move(e));
}

}  // namespace

Result<CaseView> AddTeamMember(const Context& ctx, const Caller& caller, const std::string& case_id,
                               const std::string& user_id, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  ports::CaseRow row;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto loaded = LoadForTeamChange(*uow, ctx, caller, case_id, "case.team_added", client);
    if (!loaded) return tl::unexpected(loaded.error());
    row = loaded->row;
    auto user = (*uow)->users().Find(user_id);
    if (!user) return tl::unexpected(user.error());
    // Someone of another organisation, inactive, or without a case role
    // cannot join; the answer does not tell which.
    bool eligible = *user && (*user)->organisation_id == row.organisation_id && (*user)->active &&
                    std::any_of((*user)->roles.begin(), (*user)->roles.end(), access::HandlesCases);
    if (!eligible) {
      return Invalid("user_id", "not_eligible",
                     "Only active users of the case's organisation who work with cases can join "
                     "its team.");
    }
    auto added =
        (*uow)->cases().AddTeamMember({case_id, user_id, caller.actor.user_id, NowUs(ctx)});
    if (!added) return tl::unexpected(added.error());
    if (!*added) return Reload(ctx, caller, case_id);  // already there: nothing changes
    auto entry =
        AppendEntry(**uow, ctx, caller, case_id,
                    {"team.added", access::Section::kSupport, "", "", {{"user_id", user_id}}});
    if (!entry) return tl::unexpected(entry.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = Audited(ctx, caller, "case.team_added", row, user_id, client.request_id); !st) {
    return tl::unexpected(st.error());
  }
  return Reload(ctx, caller, case_id);
}

Status RemoveTeamMember(const Context& ctx, const Caller& caller, const std::string& case_id,
                        const std::string& user_id, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return st;
  ports::CaseRow row;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto loaded = LoadForTeamChange(*uow, ctx, caller, case_id, "case.team_removed", client);
    if (!loaded) return tl::unexpected(loaded.error());
    row = loaded->row;
    bool member = std::any_of(loaded->team.begin(), loaded->team.end(),
                              [&](const auto& m) { return m.user_id == user_id; });
    if (!member) return NotFound("That user is not on the case's team.");
    if (loaded->team.size() == 1) {
      return tl::unexpected(Error{ErrorCode::kConflict,
                                  "A case keeps at least one team member; add the new one first.",
                                  {},
                                  "last-team-member"});
    }
    auto removed = (*uow)->cases().RemoveTeamMember(case_id, user_id);
    if (!removed) return tl::unexpected(removed.error());
    auto entry =
        AppendEntry(**uow, ctx, caller, case_id,
                    {"team.removed", access::Section::kSupport, "", "", {{"user_id", user_id}}});
    if (!entry) return tl::unexpected(entry.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  return Audited(ctx, caller, "case.team_removed", row, user_id, client.request_id);
}

}  // namespace opennrm::app
