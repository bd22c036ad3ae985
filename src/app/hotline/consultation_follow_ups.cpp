// AddFollowUp and MarkFollowUpDone (consultations.hpp): a follow-up's text
// sealed before the write transaction; the follow-up and the consultation's
// place in the queue written together, then audited.
#include "app/auth/internal.hpp"
#include "app/hotline/consultation_support.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace consultation_internal;

namespace {

constexpr const char* kAdded = "consultation.follow_up_added";
constexpr const char* kDone = "consultation.follow_up_done";
constexpr std::size_t kMaxText = 4000;

// Moves the consultation to `status` in `uow` (a new version) unless it is there.
Status MoveTo(ports::UnitOfWork& uow, ports::ConsultationRow row, const std::string& status,
              long long now_us) {
  if (row.status == status) return Ok();
  const long long expected = row.version;
  row.status = status;
  row.updated_at_us = now_us;
  row.version = expected + 1;
  auto st = uow.consultations().Update(row, expected);
  if (!st && st.error().code == ErrorCode::kConflict) return tl::unexpected(Stale());
  return st;
}

::opennrm::audit::Event FollowUpEvent(const Context& ctx, const Caller& caller, const char* action,
                                      const ports::ConsultationRow& row,
                                      const std::string& follow_up_id,
                                      const std::string& request_id) {
  auto e = EventOn(ctx, caller, action, row.id, row.organisation_id, request_id);
  e.objects.push_back(Object("consultation_follow_up", follow_up_id, row.organisation_id));
  return e;
}

}  // namespace

Result<FollowUpView> AddFollowUp(const Context& ctx, const Caller& caller, const std::string& id,
                                 const std::string& text, const std::optional<CivilDate>& due_on,
                                 const ClientInfo& client) {
  std::string org;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto row = LoadFor(**uow, caller, id);
    if (!row) {
      uow->reset();
      return tl::unexpected(RefusedOn(ctx, caller, kAdded, id, row.error(), client.request_id));
    }
    org = row->organisation_id;
  }
  Problems p;
  if (text.empty()) p.Add("text", "required", "Say what is to be done.");
  if (text.size() > kMaxText) p.Add("text", "max_length", "At most 4000 characters.");
  if (due_on && *due_on < StockholmDateOf(ctx.clock.Now())) {
    p.Add("due_on", "in_past", "A follow-up is due today or later.");
  }
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
  const long long now_us = NowUs(ctx);
  ports::FollowUpRow f;
  f.id = ctx.ids.NewId();
  f.consultation_id = id;
  f.due_on = due_on;
  auto sealed = Security(ctx).cipher.Seal(FollowUpTextAt(org, f.id), text);
  if (!sealed) return tl::unexpected(sealed.error());
  f.text_sealed = std::move(*sealed);
  f.created_by = caller.actor.user_id;
  f.created_at_us = now_us;
  ports::ConsultationRow row;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    auto loaded = LoadFor(db, caller, id);  // as it is now, inside the write
    if (!loaded) return tl::unexpected(loaded.error());
    row = std::move(*loaded);
    if (row.status == "closed") return tl::unexpected(Closed());
    if (auto st = db.consultations().InsertFollowUp(f); !st) return tl::unexpected(st.error());
    if (auto st = MoveTo(db, row, "waiting_follow_up", now_us); !st) {
      return tl::unexpected(st.error());
    }
    if (auto c = db.Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = Audit(ctx, FollowUpEvent(ctx, caller, kAdded, row, f.id, client.request_id)); !st) {
    return tl::unexpected(st.error());
  }
  FollowUpView v;
  v.id = f.id;
  v.due_on = f.due_on;
  v.text = text;
  v.created_by = NamedRef{caller.actor.user_id, caller.user ? caller.user->display_name : ""};
  v.created_at_us = now_us;
  return v;
}

Result<FollowUpView> MarkFollowUpDone(const Context& ctx, const Caller& caller,
                                      const std::string& id, const std::string& follow_up_id,
                                      const ClientInfo& client) {
  const long long now_us = NowUs(ctx);
  ports::ConsultationRow row;
  std::optional<ports::FollowUpRow> follow_up;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    auto loaded = LoadFor(db, caller, id);
    if (!loaded) {
      uow->reset();
      return tl::unexpected(RefusedOn(ctx, caller, kDone, id, loaded.error(), client.request_id));
    }
    row = std::move(*loaded);
    if (follow_up_id.size() <= 64) {
      auto found = db.consultations().FindFollowUp(follow_up_id);
      if (!found) return tl::unexpected(found.error());
      follow_up = std::move(*found);
    }
    if (!follow_up || follow_up->consultation_id != row.id) {
      return NotFound("No such follow-up of this consultation.");
    }
    if (follow_up->done_at_us) {
      const char* detail = "The follow-up was marked done before.";
      return tl::unexpected(Error{ErrorCode::kConflict,
                                  detail,
                                  {FieldProblem{"follow_up", "already_done", detail}},
                                  "follow-up-done"});
    }
    auto marked = db.consultations().MarkFollowUpDone(follow_up_id, now_us, caller.actor.user_id);
    if (!marked) return tl::unexpected(marked.error());
    if (!*marked) return tl::unexpected(Stale());
    if (row.status != "closed") {
      auto status = OpenStatusOf(db, row);
      if (!status) return tl::unexpected(status.error());
      if (auto st = MoveTo(db, row, *status, now_us); !st) return tl::unexpected(st.error());
    }
    if (auto c = db.Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = Audit(ctx, FollowUpEvent(ctx, caller, kDone, row, follow_up_id, client.request_id));
      !st) {
    return tl::unexpected(st.error());
  }
  follow_up->done_at_us = now_us;
  follow_up->done_by = caller.actor.user_id;
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  NameBook names(**uow);
  return FollowUpViewOf(ctx, names, row.organisation_id, *follow_up);
}

}  // namespace opennrm::app
