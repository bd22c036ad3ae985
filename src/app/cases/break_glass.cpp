// Break-glass: opening a case of one's own organisation outside one's
// assignment, with a written reason, for the rest of the session. Logged,
// and the organisation's administrators are notified.
#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/cases.hpp"
#include "app/notifications.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

constexpr size_t kMinReasonChars = 10;
constexpr size_t kMaxReasonBytes = 4000;  // ~1000 characters in any script

size_t CodePoints(const std::string& utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

Status CheckReason(const std::string& reason) {
  if (!text::IsCleanUtf8(reason)) {
    return Invalid("reason", "format", "The reason contains characters that are not allowed.");
  }
  std::string trimmed = text::Trim(reason);
  if (CodePoints(trimmed) < kMinReasonChars) {
    return Invalid("reason", "too_short",
                   "Write why you need to open this case (at least 10 characters).");
  }
  if (reason.size() > kMaxReasonBytes || CodePoints(trimmed) > 1000) {
    return Invalid("reason", "too_long", "Keep the reason under 1000 characters.");
  }
  return Ok();
}

}  // namespace

Result<CaseView> BreakGlass(const Context& ctx, const Caller& caller, const std::string& case_id,
                            const std::string& reason, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (auto st = CheckReason(reason); !st) return tl::unexpected(st.error());
  std::optional<LoadedCase> loaded;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = LoadCase(**uow, ctx, caller, case_id);
    if (!found) return tl::unexpected(found.error());
    if (!*found) return NotFound("No such case.");
    loaded = std::move(*found);
  }
  auto decision = access::Decide(caller.actor, access::Action::kRecordBreakGlass, loaded->resource);
  if (!decision) {
    // A refused attempt is logged too, against the case's owner.
    ::opennrm::audit::Event e =
        EventOf(ctx, caller.actor, "case.break_glass", "denied", client.request_id);
    e.objects.push_back(Object("case", loaded->row.id, loaded->row.organisation_id));
    e.purpose = "break_glass";
    if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
    if (decision.reason == std::string_view("already_assigned")) {
      return tl::unexpected(Error{ErrorCode::kForbidden,
                                  "You are on this case's team; open it as usual.",
                                  {},
                                  "already-on-team"});
    }
    if (auto st = Require(decision); !st) return tl::unexpected(st.error());
  }
  ports::BreakGlassRow opening;
  opening.id = ctx.ids.NewId();
  opening.case_id = case_id;
  opening.organisation_id = loaded->row.organisation_id;
  opening.user_id = caller.actor.user_id;
  opening.session_id = caller.session->id;
  opening.opened_at_us = NowUs(ctx);
  opening.expires_at_us = caller.session->expires_at_us;
  // Sealed outside the write transaction (sealing may create a data key).
  auto sealed = Security(ctx).cipher.Seal(
      ports::FieldLocation{opening.organisation_id, "break_glass", "reason", opening.id},
      text::Trim(reason));
  if (!sealed) return tl::unexpected(sealed.error());
  opening.reason_sealed = std::move(*sealed);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->cases().InsertBreakGlass(opening); !st) {
      return tl::unexpected(st.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "case.break_glass", "allowed", client.request_id);
  e.objects.push_back(Object("case", loaded->row.id, loaded->row.organisation_id));
  e.purpose = "break_glass";
  e.reason_id = opening.id;
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  auto notified = NotifyBreakGlass(ctx, caller.actor, opening.organisation_id, "case", case_id,
                                   text::Trim(reason));
  if (!notified) return tl::unexpected(notified.error());
  return ReadCase(ctx, caller, case_id, client);
}

}  // namespace opennrm::app
