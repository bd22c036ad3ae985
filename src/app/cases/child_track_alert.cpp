// Missing-child alerts: opened and resolved by the case's team; the team and
// the regional coordination are told at once.
#include <algorithm>
#include <set>

#include "app/auth/internal.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/child_track_support.hpp"
#include "app/cases/clock_support.hpp"
#include "core/stockholm_date.hpp"
#include "domain/orgs/coverage.hpp"

namespace opennrm::app::case_internal {

Status RequireChildTrack(const Context& ctx, const ports::CasePerson& person) {
  auto child = FollowsChildTrack(ctx, person, TodayIn(ctx));
  if (!child) return tl::unexpected(child.error());
  if (!*child) {
    return Invalid("person_id", "not_child_track",
                   "The child track is for a person under 18, or claimed or estimated to be; "
                   "this person is recorded as an adult.");
  }
  return Ok();
}

namespace {

Result<std::vector<orgs::Organisation>> ActiveOrganisations(const Context& ctx) {
  if (ctx.directory) {
    auto snapshot = ctx.directory->Active(ctx.db);
    if (!snapshot) return tl::unexpected(snapshot.error());
    return **snapshot;
  }
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  ports::OrganisationFilter f;
  f.active = true;
  f.limit = 10000;
  auto page = (*uow)->organisations().List(f);
  if (!page) return tl::unexpected(page.error());
  return std::move(page->items);
}

}  // namespace

Result<bool> OrganisationExists(const Context& ctx, const std::string& organisation_id) {
  auto all = ActiveOrganisations(ctx);
  if (!all) return tl::unexpected(all.error());
  return std::any_of(all->begin(), all->end(),
                     [&](const orgs::Organisation& o) { return o.id == organisation_id; });
}

MissingAlertView AlertView(const ports::MissingAlertRow& row) {
  MissingAlertView v;
  v.id = row.id;
  v.case_id = row.case_id;
  v.person_id = row.person_id;
  v.open = !row.resolved_at_us.has_value();
  v.opened_by = row.opened_by;
  v.opened_at_us = row.opened_at_us;
  v.resolved_by = row.resolved_by;
  v.resolved_at_us = row.resolved_at_us;
  return v;
}

}  // namespace opennrm::app::case_internal

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

struct Recipients {
  std::vector<std::pair<std::string, std::string>> users;  // user id, organisation id
  std::string regional_coordination;
};

// Whether two coverages share a municipality.
bool Overlap(const geo::Geography& g, const orgs::Coverage& a, const orgs::Coverage& b) {
  for (const auto& m : g.municipalities()) {
    auto place = g.Locate(m.code);
    if (place && orgs::Covers(a, *place) && orgs::Covers(b, *place)) return true;
  }
  return false;
}

// The team, and the regional coordinators of organisations whose coverage
// meets the case's organisation's — or, when there are none, that
// organisation's administrators. (Cases record no place of their own yet.)
Result<Recipients> RecipientsOf(const Context& ctx, const LoadedCase& c) {
  Recipients out;
  std::set<std::string> seen;
  for (const auto& m : c.team) {
    if (seen.insert(m.user_id).second) out.users.push_back({m.user_id, c.row.organisation_id});
  }
  auto all = ActiveOrganisations(ctx);
  if (!all) return tl::unexpected(all.error());
  const orgs::Organisation* owner = nullptr;
  for (const auto& o : *all) {
    if (o.id == c.row.organisation_id) owner = &o;
  }
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto users_of = [&](const std::string& org, access::Role role) -> Status {
    ports::UserFilter f;
    f.organisation_id = org;
    f.role = role;
    f.active = true;
    f.limit = 500;
    auto page = (*uow)->users().List(f);
    if (!page) return tl::unexpected(page.error());
    for (const auto& u : page->items) {
      if (seen.insert(u.id).second) out.users.push_back({u.id, org});
    }
    return Ok();
  };
  const size_t before = out.users.size();
  if (owner && ctx.reference) {
    for (const auto& o : *all) {
      if (o.data.kind != orgs::Kind::kRegionalCoordinator && o.id != owner->id) continue;
      if (o.id != owner->id &&
          !Overlap(ctx.reference->geography, owner->data.coverage, o.data.coverage)) {
        continue;
      }
      if (auto st = users_of(o.id, access::Role::kRegionalCoordinator); !st) {
        return tl::unexpected(st.error());
      }
    }
  }
  if (out.users.size() > before) {
    out.regional_coordination = "regional_coordinators";
  } else {
    if (auto st = users_of(c.row.organisation_id, access::Role::kOrganisationAdministrator); !st) {
      return tl::unexpected(st.error());
    }
    out.regional_coordination = "organisation_administrators";
  }
  return out;
}

// Seals one notice per recipient (outside any write transaction).
Result<std::vector<ports::NotificationRecord>> Notices(const Context& ctx, const Caller& caller,
                                                       const LoadedCase& c,
                                                       const Recipients& recipients,
                                                       const std::string& kind) {
  // Stable parameters, never a sentence (the web app words them in the
  // reader's language, as for reminders), and no personal data: the case
  // code and the Stockholm day it happened; the kind says what —
  //   case=NRM-2026-000045&date=2026-11-29
  const std::string detail =
      "case=" + c.row.code + "&date=" + FormatIsoDate(StockholmDateOf(ctx.clock.Now()));
  std::vector<ports::NotificationRecord> out;
  for (const auto& [user_id, org] : recipients.users) {
    if (user_id == caller.actor.user_id) continue;
    ports::NotificationRecord n;
    n.id = ctx.ids.NewId();
    n.user_id = user_id;
    n.organisation_id = c.row.organisation_id;
    n.kind = kind;
    n.subject_type = "case";
    n.subject_id = c.row.id;
    n.actor_user_id = caller.actor.user_id;
    n.created_at_us = NowUs(ctx);
    auto sealed = Security(ctx).cipher.Seal(
        ports::FieldLocation{n.organisation_id, "notifications", "detail", n.id}, detail);
    if (!sealed) return tl::unexpected(sealed.error());
    n.detail_sealed = std::move(*sealed);
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace

Result<MissingAlertView> OpenMissingAlert(const Context& ctx, const Caller& caller,
                                          const std::string& case_id, const std::string& person_id,
                                          const ClientInfo& client) {
  auto loaded = LoadForTeamWrite(ctx, caller, case_id, "case.missing_child_alert", client);
  if (!loaded) return tl::unexpected(loaded.error());
  auto person = PersonOfCase(ctx, case_id, person_id);
  if (!person) return tl::unexpected(person.error());
  if (auto st = RequireChildTrack(ctx, *person); !st) return tl::unexpected(st.error());
  auto recipients = RecipientsOf(ctx, *loaded);
  if (!recipients) return tl::unexpected(recipients.error());
  auto notices = Notices(ctx, caller, *loaded, *recipients, "missing_child_alert");
  if (!notices) return tl::unexpected(notices.error());
  ports::MissingAlertRow row;
  row.id = ctx.ids.NewId();
  row.case_id = case_id;
  row.organisation_id = loaded->row.organisation_id;
  row.person_id = person_id;
  row.opened_by = caller.actor.user_id;
  row.opened_at_us = NowUs(ctx);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto opened = (*uow)->child_track().OpenAlert(row);
    if (!opened) return tl::unexpected(opened.error());
    if (!*opened) {
      return tl::unexpected(Error{ErrorCode::kConflict,
                                  "A missing-child alert is open for this child already.",
                                  {},
                                  "alert-open"});
    }
    NewEntry e;
    e.kind = "child.missing_alert_opened";
    e.section = access::Section::kChildProtection;
    e.person_id = person_id;
    e.subject_id = row.id;
    e.details = {{"notified", std::to_string(notices->size())},
                 {"regional_coordination", recipients->regional_coordination}};
    auto entry = AppendEntry(**uow, ctx, caller, case_id, std::move(e));
    if (!entry) return tl::unexpected(entry.error());
    for (const auto& n : *notices) {
      if (auto st = (*uow)->notifications().Insert(n); !st) return tl::unexpected(st.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st =
          AuditCaseRecord(ctx, caller, "case.missing_child_alert", loaded->row,
                          "missing_child_alert", row.id, {"child_protection"}, nullptr, client);
      !st) {
    return tl::unexpected(st.error());
  }
  MissingAlertView v = AlertView(row);
  v.notified = static_cast<int>(notices->size());
  v.regional_coordination = recipients->regional_coordination;
  return v;
}

Result<MissingAlertView> ResolveMissingAlert(const Context& ctx, const Caller& caller,
                                             const std::string& case_id,
                                             const std::string& person_id,
                                             const ClientInfo& client) {
  auto loaded = LoadForTeamWrite(ctx, caller, case_id, "case.missing_child_resolved", client);
  if (!loaded) return tl::unexpected(loaded.error());
  // An alert opened before the child's record was merged is still resolved on it.
  auto person = PersonOfCase(ctx, case_id, person_id, MergedPerson::kAllowed);
  if (!person) return tl::unexpected(person.error());
  auto recipients = RecipientsOf(ctx, *loaded);
  if (!recipients) return tl::unexpected(recipients.error());
  auto notices = Notices(ctx, caller, *loaded, *recipients, "missing_child_resolved");
  if (!notices) return tl::unexpected(notices.error());
  std::optional<ports::MissingAlertRow> resolved;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto r =
        (*uow)->child_track().ResolveAlert(case_id, person_id, caller.actor.user_id, NowUs(ctx));
    if (!r) return tl::unexpected(r.error());
    if (!*r) return NotFound("No missing-child alert is open for this person.");
    resolved = std::move(**r);
    NewEntry e;
    e.kind = "child.missing_alert_resolved";
    e.section = access::Section::kChildProtection;
    e.person_id = person_id;
    e.subject_id = resolved->id;
    auto entry = AppendEntry(**uow, ctx, caller, case_id, std::move(e));
    if (!entry) return tl::unexpected(entry.error());
    for (const auto& n : *notices) {
      if (auto st = (*uow)->notifications().Insert(n); !st) return tl::unexpected(st.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = AuditCaseRecord(ctx, caller, "case.missing_child_resolved", loaded->row,
                                "missing_child_alert", resolved->id, {"child_protection"}, nullptr,
                                client);
      !st) {
    return tl::unexpected(st.error());
  }
  MissingAlertView v = AlertView(*resolved);
  v.notified = static_cast<int>(notices->size());
  v.regional_coordination = recipients->regional_coordination;
  return v;
}

}  // namespace opennrm::app
