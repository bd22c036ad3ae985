// Immediate danger (issue 6 point 2; consultations.hpp): the alert to the
// regional coordinators covering the consultation's municipality, with the
// system's danger step, and RecordDangerStep for the steps the operator
// took. A notice names the consultation's code and the municipality only.
#include "app/auth/internal.hpp"
#include "app/hotline/consultation_support.hpp"

namespace opennrm::app {

using namespace auth_internal;

namespace consultation_internal {

namespace {

constexpr const char* kNoticeKind = "consultation_immediate_danger";
constexpr const char* kSystem = "system";

// The active regional coordinator organisations covering `place`.
Result<std::vector<std::string>> CoordinatorsOf(ports::UnitOfWork& uow, const geo::Place& place) {
  ports::OrganisationFilter f;
  f.kind = orgs::Kind::kRegionalCoordinator;
  f.covers =
      ports::CoveredPlace{place.municipality->code, place.county->code, place.police_region->id};
  f.active = true;
  f.limit = 50;
  auto page = uow.organisations().List(f);
  if (!page) return tl::unexpected(page.error());
  std::vector<std::string> out;
  for (const auto& o : page->items) out.push_back(o.id);
  return out;
}

// The active users of `org` holding regional_coordinator.
Result<std::vector<std::string>> CoordinatorUsersOf(ports::UnitOfWork& uow,
                                                    const std::string& org) {
  ports::UserFilter f;
  f.organisation_id = org;
  f.role = access::Role::kRegionalCoordinator;
  f.active = true;
  f.limit = 200;
  auto page = uow.users().List(f);
  if (!page) return tl::unexpected(page.error());
  std::vector<std::string> out;
  for (const auto& u : page->items) out.push_back(u.id);
  return out;
}

std::string NoticeDetail(const std::string& code, const std::string& municipality) {
  return "Akut fara: konsultation " + code + " (" + municipality +
         "). Ring den nationella enheten. / Immediate danger: consultation " + code + " (" +
         municipality + "). Call the national unit.";
}

}  // namespace

Result<DangerAlert> PrepareDangerAlert(const Context& ctx, const hotline::Consultation& c,
                                       const std::string& actor_user_id) {
  DangerAlert alert;
  const long long now_us = NowUs(ctx);
  alert.step = ports::DangerStepRow{
      c.id,
      0,
      std::string(hotline::ToString(hotline::DangerStep::kNotifiedRegionalCoordinator)),
      now_us,
      kSystem,
      now_us};
  if (!ctx.reference || c.municipality_code.empty()) return alert;
  auto place = ctx.reference->geography.Locate(c.municipality_code);
  if (!place || !place->municipality || !place->county || !place->police_region) return alert;
  std::vector<std::pair<std::string, std::vector<std::string>>> recipients;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto orgs = CoordinatorsOf(**uow, *place);
    if (!orgs) return tl::unexpected(orgs.error());
    for (const auto& org : *orgs) {
      auto users = CoordinatorUsersOf(**uow, org);
      if (!users) return tl::unexpected(users.error());
      recipients.emplace_back(org, std::move(*users));
    }
  }
  const std::string detail = NoticeDetail(c.code, place->municipality->name);
  for (const auto& [org, users] : recipients) {
    alert.coordinator_organisations.push_back(org);
    for (const auto& user : users) {
      ports::NotificationRecord n;
      n.id = ctx.ids.NewId();
      n.user_id = user;
      n.organisation_id = org;
      n.kind = kNoticeKind;
      n.subject_type = "consultation";
      n.subject_id = c.id;
      n.actor_user_id = actor_user_id;
      n.created_at_us = now_us;
      auto sealed = Security(ctx).cipher.Seal(
          ports::FieldLocation{org, "notifications", "detail", n.id}, detail);
      if (!sealed) return tl::unexpected(sealed.error());
      n.detail_sealed = std::move(*sealed);
      alert.notices.push_back(std::move(n));
    }
  }
  return alert;
}

Status WriteDangerAlert(ports::UnitOfWork& uow, const DangerAlert& alert) {
  for (const auto& n : alert.notices) {
    if (auto st = uow.notifications().Insert(n); !st) return st;
  }
  // The step says someone was told: only when a notice went out.
  if (alert.notices.empty()) return Ok();
  return uow.consultations().AppendDangerStep(alert.step);
}

}  // namespace consultation_internal

using namespace consultation_internal;

namespace {

constexpr const char* kStepRecorded = "consultation.danger_step_recorded";
constexpr long long kFutureSlackUs = 5LL * 60 * 1000000;

}  // namespace

Result<DangerStepView> RecordDangerStep(const Context& ctx, const Caller& caller,
                                        const std::string& id, const std::string& step,
                                        const std::optional<long long>& done_at_us,
                                        const ClientInfo& client) {
  const long long now_us = NowUs(ctx);
  ports::ConsultationRow row;
  std::optional<ports::DangerStepRow> recorded;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    auto loaded = LoadFor(db, caller, id);
    if (!loaded) {
      uow->reset();
      return tl::unexpected(
          RefusedOn(ctx, caller, kStepRecorded, id, loaded.error(), client.request_id));
    }
    row = std::move(*loaded);
    Problems p;
    auto parsed = hotline::ParseDangerStep(step);
    if (!parsed) {
      p.Add("step", "unknown_code", "Unknown danger step: " + step.substr(0, 64));
    } else if (*parsed == hotline::DangerStep::kNotifiedRegionalCoordinator) {
      p.Add("step", "system_only", "The system records this step when it notifies.");
    }
    const long long at = done_at_us.value_or(now_us);
    if (at < 0) p.Add("done_at_us", "out_of_range", "A time after 1970.");
    if (at > now_us + kFutureSlackUs) p.Add("done_at_us", "in_future", "Not in the future.");
    if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
    if (row.status == "closed") return tl::unexpected(Closed());
    ports::DangerStepRow r{row.id, 0, step, at, caller.actor.user_id, now_us};
    if (auto st = db.consultations().AppendDangerStep(r); !st) return tl::unexpected(st.error());
    auto steps = db.consultations().DangerSteps(row.id);
    if (!steps) return tl::unexpected(steps.error());
    if (steps->empty()) return Internal("A danger step was not kept.");
    recorded = steps->back();
    if (auto c = db.Commit(); !c) return tl::unexpected(c.error());
  }
  auto e = EventOn(ctx, caller, kStepRecorded, row.id, row.organisation_id, client.request_id);
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  DangerStepView v;
  v.n = recorded->n;
  v.step = recorded->step;
  v.done_at_us = recorded->done_at_us;
  v.recorded_by = NamedRef{caller.actor.user_id, caller.user ? caller.user->display_name : ""};
  v.recorded_at_us = recorded->recorded_at_us;
  return v;
}

}  // namespace opennrm::app
