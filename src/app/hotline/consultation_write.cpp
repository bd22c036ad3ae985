// CreateConsultation and UpdateConsultation (consultations.hpp): authorise,
// check the input, take the year's code, seal the body and any
// immediate-danger notices, then write the consultation (and the alert) in
// one transaction, and audit.
#include "app/auth/internal.hpp"
#include "app/hotline/consultation_support.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace consultation_internal;

namespace {

constexpr const char* kCreated = "consultation.created";
constexpr const char* kUpdated = "consultation.updated";

// The year's next code, in a transaction of its own once the input is
// valid: an alert's notices carry the code and are sealed before the write
// transaction opens. A create that fails later leaves a gap, never a repeat.
Result<std::string> TakeCode(const Context& ctx, int year) {
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto n = (*uow)->consultations().NextCodeNumber(year);
  if (!n) return tl::unexpected(n.error());
  if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  return ConsultationCode(year, *n);
}

long long RespondByOf(const Context& ctx, const hotline::Consultation& c) {
  return hotline::RespondBy(ctx.hotline->office_hours, hotline::EffectiveUrgency(c),
                            c.received_at_us, StockholmZone());
}

// The audit event of a write, naming the organisations an alert told.
::opennrm::audit::Event WriteEvent(const Context& ctx, const Caller& caller, const char* action,
                                   const hotline::Consultation& c,
                                   const std::optional<DangerAlert>& alert,
                                   const std::string& request_id) {
  auto e = EventOn(ctx, caller, action, c.id, c.organisation_id, request_id);
  if (alert) {
    for (const auto& org : alert->coordinator_organisations) {
      e.objects.push_back(Object("organisation", org, org));
    }
  }
  return e;
}

// Writes `row` (inserted, or updated at `expected_version`) and the alert
// in one transaction; then audits and answers the view.
Result<ConsultationView> Store(const Context& ctx, const Caller& caller, const char* action,
                               const hotline::Consultation& c, std::optional<long long> expected,
                               const std::optional<DangerAlert>& alert, const ClientInfo& client) {
  auto row = SealedRow(ctx, c);
  if (!row) return tl::unexpected(row.error());
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    Status st =
        expected ? db.consultations().Update(*row, *expected) : db.consultations().Insert(*row);
    if (!st) {
      if (expected && st.error().code == ErrorCode::kConflict) return tl::unexpected(Stale());
      return tl::unexpected(st.error());
    }
    if (alert) {
      if (auto a = WriteDangerAlert(db, *alert); !a) return tl::unexpected(a.error());
    }
    if (auto done = db.Commit(); !done) return tl::unexpected(done.error());
  }
  if (auto st = Audit(ctx, WriteEvent(ctx, caller, action, c, alert, client.request_id)); !st) {
    return tl::unexpected(st.error());
  }
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return ViewOf(ctx, **uow, *row);
}

}  // namespace

Result<ConsultationView> CreateConsultation(const Context& ctx, const Caller& caller,
                                            const ConsultationInput& input,
                                            const ClientInfo& client) {
  if (auto st = RequireOperator(caller); !st) {
    return tl::unexpected(RefusedOn(ctx, caller, kCreated, "", st.error(), client.request_id));
  }
  if (!ctx.hotline || !ctx.consultation_codec) return Internal("No hotline settings or codec.");
  const long long now_us = NowUs(ctx);
  std::optional<hotline::Consultation> checked;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto c = CheckedInput(ctx, **uow, input, now_us);
    if (!c) return tl::unexpected(c.error());
    checked = std::move(*c);
  }
  hotline::Consultation& c = *checked;
  c.id = ctx.ids.NewId();
  c.organisation_id = caller.actor.organisation_id;
  c.created_by = caller.actor.user_id;
  c.created_at_us = now_us;
  c.updated_at_us = now_us;
  c.version = 1;
  c.respond_by_us = RespondByOf(ctx, c);
  if (input.assign_to_me) {
    c.status = hotline::QueueStatus::kAssigned;
    c.assigned_to = caller.actor.user_id;
    c.first_response_at_us = now_us;
  } else {
    c.status = hotline::QueueStatus::kNew;
  }
  auto code = TakeCode(ctx, StockholmDateOf(ctx.clock.Now()).year);
  if (!code) return tl::unexpected(code.error());
  c.code = std::move(*code);
  std::optional<DangerAlert> alert;
  if (c.immediate_danger) {
    auto a = PrepareDangerAlert(ctx, c, caller.actor.user_id);
    if (!a) return tl::unexpected(a.error());
    alert = std::move(*a);
  }
  return Store(ctx, caller, kCreated, c, std::nullopt, alert, client);
}

Result<ConsultationView> UpdateConsultation(const Context& ctx, const Caller& caller,
                                            const std::string& id, const ConsultationInput& input,
                                            const ClientInfo& client) {
  if (!ctx.hotline || !ctx.consultation_codec) return Internal("No hotline settings or codec.");
  const long long now_us = NowUs(ctx);
  std::optional<ports::ConsultationRow> before;
  std::optional<hotline::Consultation> checked;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto row = LoadFor(**uow, caller, id);
    if (!row) {
      uow->reset();
      return tl::unexpected(RefusedOn(ctx, caller, kUpdated, id, row.error(), client.request_id));
    }
    before = std::move(*row);
    auto c = CheckedInput(ctx, **uow, input, now_us);
    if (!c) return tl::unexpected(c.error());
    checked = std::move(*c);
  }
  if (before->status == "closed") return tl::unexpected(Closed());
  if (before->version != input.version) return tl::unexpected(Stale());
  hotline::Consultation& c = *checked;
  c.id = before->id;
  c.code = before->code;
  c.organisation_id = before->organisation_id;
  auto status = hotline::ParseQueueStatus(before->status);
  if (!status) return Internal("A stored consultation has an unknown status.");
  c.status = *status;
  c.assigned_to = before->assigned_to;
  c.first_response_at_us = before->first_response_at_us;
  c.closed_at_us = before->closed_at_us;
  c.created_by = before->created_by;
  c.created_at_us = before->created_at_us;
  c.updated_at_us = now_us;
  c.version = before->version + 1;
  c.respond_by_us = RespondByOf(ctx, c);
  std::optional<DangerAlert> alert;
  if (c.immediate_danger && !before->immediate_danger) {
    auto a = PrepareDangerAlert(ctx, c, caller.actor.user_id);
    if (!a) return tl::unexpected(a.error());
    alert = std::move(*a);
  }
  return Store(ctx, caller, kUpdated, c, before->version, alert, client);
}

}  // namespace opennrm::app
