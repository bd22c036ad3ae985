#include "app/cases/proceedings_record.hpp"

#include <map>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/track_facts.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/police_report.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

ports::FieldLocation BodyAt(const std::string& org, const std::string& id) {
  return ports::FieldLocation{org, "case_proceedings", "body", id};
}

// Offence data: the owner must be a public authority (422, the rule every
// caller can act on), and the caller's role one that handles it (403).
Status RequireOffenceData(const LoadedCase& c, const Caller& caller) {
  if (!orgs::IsPublicAuthority(c.resource.owner_kind)) {
    return Invalid("proceedings", "proceedings_need_authority",
                   "Only a case owned by a public authority records criminal proceedings.");
  }
  if (!MayHandleOffenceData(caller.actor)) {
    return Forbidden("forbidden", "Your role does not handle criminal proceedings.");
  }
  return Ok();
}

// The view of the stored versions (newest last), opening the newest.
Result<ProceedingsView> ViewOf(const Context& ctx, const std::string& case_id,
                               const std::vector<ports::ProceedingsRow>& rows) {
  ProceedingsView v;
  v.case_id = case_id;
  for (const auto& r : rows) v.versions.push_back({r.version, r.recorded_by, r.recorded_at_us});
  if (rows.empty()) return v;
  const auto& latest = rows.back();
  auto bytes =
      Security(ctx).cipher.Open(BodyAt(latest.organisation_id, latest.id), latest.body_sealed);
  if (!bytes) return Internal("A proceedings record could not be opened.");
  auto body = ctx.codec->DecodeProceedings(*bytes);
  if (!body) return tl::unexpected(body.error());
  v.version = latest.version;
  v.body = std::move(*body);
  v.recorded_by = latest.recorded_by;
  v.recorded_at_us = latest.recorded_at_us;
  return v;
}

Status Audited(const Context& ctx, const Caller& caller, const std::string& action,
               const LoadedCase& c, const std::string& request_id) {
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "allowed", request_id);
  auto object = Object("case", c.row.id, c.row.organisation_id);
  object.sections = {"proceedings"};
  e.objects.push_back(std::move(object));
  if (c.break_glass && !c.resource.assigned) {
    e.purpose = "break_glass";
    e.reason_id = c.break_glass->id;
  } else {
    e.purpose = "assignment";
  }
  return Audit(ctx, std::move(e));
}

}  // namespace

Result<ProceedingsView> ReadProceedings(const Context& ctx, const Caller& caller,
                                        const std::string& case_id, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  const std::string action = "case.proceedings_read";
  std::optional<LoadedCase> loaded;
  std::vector<ports::ProceedingsRow> rows;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::string owner;
    auto l = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
    if (l) {
      owner = l->row.organisation_id;
      if (auto st = RequireOffenceData(*l, caller); !st) l = tl::unexpected(st.error());
    }
    if (!l) {
      uow->reset();
      return tl::unexpected(
          AuditDenied(ctx, caller, action, case_id, owner, l.error(), client.request_id));
    }
    loaded = std::move(*l);
    auto found = (*uow)->case_tracks().ProceedingsVersions(case_id);
    if (!found) return tl::unexpected(found.error());
    rows = std::move(*found);
  }
  auto view = ViewOf(ctx, case_id, rows);
  if (!view) return tl::unexpected(view.error());
  // Durable before the record is returned.
  if (auto st = Audited(ctx, caller, action, *loaded, client.request_id); !st) {
    return tl::unexpected(st.error());
  }
  return view;
}

Result<ProceedingsView> RecordProceedings(const Context& ctx, const Caller& caller,
                                          const std::string& case_id, const ProceedingsInput& input,
                                          const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec || !ctx.case_rules) return Internal("No record codec or case rules.");
  const std::string action = "case.proceedings_recorded";
  std::optional<LoadedCase> loaded;
  long long base = 0;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto l = LoadForTeam(*uow, ctx, caller, case_id, access::Action::kRecordWrite, action,
                         "Only the case's team records proceedings; break-glass reads.",
                         client.request_id);
    if (!l) return tl::unexpected(l.error());
    if (auto st = RequireOffenceData(*l, caller); !st) {
      uow->reset();
      return tl::unexpected(AuditDenied(ctx, caller, action, case_id, l->row.organisation_id,
                                        st.error(), client.request_id));
    }
    loaded = std::move(*l);
    if (auto st = RequireOpen(loaded->row); !st) return tl::unexpected(st.error());
    auto latest = (*uow)->case_tracks().LatestProceedings(case_id);
    if (!latest) return tl::unexpected(latest.error());
    base = *latest ? (*latest)->version : 0;
    if (input.expected_version && *input.expected_version != base) {
      return tl::unexpected(Error{ErrorCode::kConflict,
                                  "The proceedings were saved by someone else (version " +
                                      std::to_string(base) + "); reload them and try again.",
                                  {},
                                  "proceedings-changed"});
    }
    auto persons = (*uow)->persons().OfCase(case_id);
    if (!persons) return tl::unexpected(persons.error());
    std::map<std::string, cases::PersonRole, std::less<>> roles;
    for (const auto& p : *persons) {
      if (auto role = cases::ParsePersonRole(p.link.role)) roles[p.person.id] = *role;
    }
    cases::RoleOf role_of = [&roles](std::string_view id) -> std::optional<cases::PersonRole> {
      auto it = roles.find(id);
      if (it == roles.end()) return std::nullopt;
      return it->second;
    };
    cases::Lookups lookups;
    if (ctx.case_rules->offences) lookups.offences = &*ctx.case_rules->offences;
    Problems problems;
    cases::CheckProceedings(input.body, loaded->resource.owner_kind, role_of, lookups,
                            StockholmDateOf(ctx.clock.Now()), "", problems);
    if (auto st = problems.ToStatus("The proceedings cannot be saved as they are."); !st) {
      return tl::unexpected(st.error());
    }
  }
  cases::Proceedings body = input.body;
  for (auto& number : body.police_report_numbers) {
    number = cases::NormalisePoliceReportNumber(number).value_or(number);
  }
  ports::ProceedingsRow row;
  row.id = ctx.ids.NewId();
  row.case_id = case_id;
  row.organisation_id = loaded->row.organisation_id;
  row.version = base + 1;
  row.recorded_by = caller.actor.user_id;
  row.recorded_at_us = NowUs(ctx);
  // Sealed before the write transaction (sealing may create a data key).
  auto sealed = Security(ctx).cipher.Seal(BodyAt(row.organisation_id, row.id),
                                          ctx.codec->EncodeProceedings(body));
  if (!sealed) return tl::unexpected(sealed.error());
  row.body_sealed = std::move(*sealed);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto current = (*uow)->cases().Find(case_id);
    if (!current) return tl::unexpected(current.error());
    if (!*current) return NotFound("No such case.");
    if (auto st = RequireOpen(**current); !st) return tl::unexpected(st.error());
    // UNIQUE (case_id, version): a version saved meanwhile is a conflict.
    if (auto st = (*uow)->case_tracks().InsertProceedings(row); !st) {
      return tl::unexpected(st.error());
    }
    NewEntry entry{"proceedings.recorded",
                   access::Section::kProceedings,
                   "",
                   row.id,
                   {{"version", std::to_string(row.version)}}};
    auto appended = AppendEntry(**uow, ctx, caller, case_id, std::move(entry));
    if (!appended) return tl::unexpected(appended.error());
    auto set = DefinitionsOf(ctx, **current);
    if (!set) return tl::unexpected(set.error());
    for (const auto& fact : FactsImpliedBy(body)) {
      if (!(*set)->FindFact(fact)) continue;  // a definition version without it
      if (auto st = RecordFact(**uow, ctx, caller, case_id, fact, "", appended->id); !st) {
        return tl::unexpected(st.error());
      }
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = Audited(ctx, caller, action, *loaded, client.request_id); !st) {
    return tl::unexpected(st.error());
  }
  ProceedingsView v;
  v.case_id = case_id;
  v.version = row.version;
  v.body = std::move(body);
  v.recorded_by = row.recorded_by;
  v.recorded_at_us = row.recorded_at_us;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto rows = (*uow)->case_tracks().ProceedingsVersions(case_id);
    if (!rows) return tl::unexpected(rows.error());
    for (const auto& r : *rows) v.versions.push_back({r.version, r.recorded_by, r.recorded_at_us});
  }
  return v;
}

}  // namespace opennrm::app
