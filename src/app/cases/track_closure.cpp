// Closing a case with a reason, and reopening it. Closing ends every track
// where it stands (the tracks keep their last step, which the timeline and
// statistics read); reopening resumes them there.
#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/track_facts.hpp"
#include "app/cases/tracks.hpp"
#include "domain/tracks/closure.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

Result<CaseView> Reload(const Context& ctx, const Caller& caller, const std::string& case_id) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto loaded = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead);
  if (!loaded) return tl::unexpected(loaded.error());
  return ViewOf(*loaded);
}

// Changes the case's status by a team member, with one log entry; on a
// refusal the write is given up and the refusal audited.
Result<CaseView> ChangeStatus(const Context& ctx, const Caller& caller, const std::string& case_id,
                              const std::string& action, const std::optional<std::string>& reason,
                              const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  ports::CaseRow row;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto loaded =
        LoadForTeam(*uow, ctx, caller, case_id, access::Action::kRecordWrite, action,
                    "Only the case's team closes or reopens the case.", client.request_id);
    if (!loaded) return tl::unexpected(loaded.error());
    row = loaded->row;
    const long long expected = row.version;
    const long long now = NowUs(ctx);
    NewEntry entry;
    entry.section = access::Section::kSupport;
    if (reason) {  // closing
      auto why = tracks::RequireClosureReason(*reason);
      if (!why) return tl::unexpected(why.error());
      if (auto st = RequireOpen(row); !st) return tl::unexpected(st.error());
      row.status = "closed";
      row.closure_reason = tracks::ToString(*why);
      row.closed_at_us = now;
      entry.kind = "case.closed";
      entry.details = {{"reason", row.closure_reason}};
    } else {  // reopening
      if (row.status != "closed") {
        return Invalid("case", "case_open", "The case is open; only a closed case is reopened.");
      }
      entry.kind = "case.reopened";
      entry.details = {{"previous_reason", row.closure_reason}};
      row.status = "open";
      row.closure_reason.clear();
      row.closed_at_us.reset();
    }
    row.updated_at_us = now;
    row.version = expected + 1;
    if (auto st = (*uow)->cases().Update(row, expected); !st) return tl::unexpected(st.error());
    if (auto e = AppendEntry(**uow, ctx, caller, case_id, std::move(entry)); !e) {
      return tl::unexpected(e.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "allowed", client.request_id);
  auto object = Object("case", row.id, row.organisation_id);
  object.sections = {"support"};
  e.objects.push_back(std::move(object));
  e.purpose = "assignment";
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return Reload(ctx, caller, case_id);
}

}  // namespace

Result<CaseView> CloseCase(const Context& ctx, const Caller& caller, const std::string& case_id,
                           const std::string& reason, const ClientInfo& client) {
  return ChangeStatus(ctx, caller, case_id, "case.closed", reason, client);
}

Result<CaseView> ReopenCase(const Context& ctx, const Caller& caller, const std::string& case_id,
                            const ClientInfo& client) {
  return ChangeStatus(ctx, caller, case_id, "case.reopened", std::nullopt, client);
}

}  // namespace opennrm::app
