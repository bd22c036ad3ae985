#include "app/cases/record_store.hpp"

#include "app/auth/internal.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/case_lookups.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/person_role.hpp"

namespace opennrm::app::case_internal {

using namespace auth_internal;

namespace {

ports::FieldLocation BodyAt(const std::string& org, const std::string& id) {
  return ports::FieldLocation{org, "case_records", "body", id};
}

std::string EventAction(const RecordKind& kind, std::string_view verb) {
  return "case." + std::string(kind.name) + "_" + std::string(verb);
}

// The person `at` names, checked against the caller's right to see them.
Result<const ports::CasePerson*> PersonIn(const std::vector<ports::CasePerson>& persons,
                                          const Caller& caller, const std::string& person_id) {
  for (const auto& p : persons) {
    if (p.person.id != person_id) continue;
    auto role = cases::ParsePersonRole(p.link.role).value_or(cases::PersonRole::kWitness);
    // Suspects and buyers do not exist for roles that may not handle them.
    if (!cases::MayHandleRole(caller.actor, role)) break;
    return &p;
  }
  return NotFound("No such person in this case.");
}

::opennrm::audit::Event EventFor(const Context& ctx, const Caller& caller,
                                 const std::string& action, const std::string& organisation_id,
                                 const RecordPlace& at, const RecordKind& kind,
                                 const std::string& request_id) {
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "allowed", request_id);
  auto the_case = Object("case", at.case_id, organisation_id);
  if (at.person_id.empty()) the_case.sections = {std::string(access::ToString(kind.section))};
  e.objects.push_back(std::move(the_case));
  if (!at.person_id.empty()) {
    auto person = Object("person", at.person_id, organisation_id);
    person.sections = {std::string(access::ToString(kind.section))};
    e.objects.push_back(std::move(person));
  }
  return e;
}

}  // namespace

Result<RecordTarget> LoadForWrite(const Context& ctx, const Caller& caller, const RecordPlace& at,
                                  const RecordKind& kind, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  RecordTarget t;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto l = LoadForTeam(*uow, ctx, caller, at.case_id, access::Action::kRecordWrite,
                         EventAction(kind, "recorded"),
                         "Only the case's team records; break-glass reads.", client.request_id);
    if (!l) return tl::unexpected(l.error());
    t.loaded = std::move(*l);
    auto persons = (*uow)->persons().OfCase(at.case_id);
    if (!persons) return tl::unexpected(persons.error());
    t.persons = std::move(*persons);
  }
  if (!at.person_id.empty()) {
    auto person = PersonIn(t.persons, caller, at.person_id);
    if (!person) return tl::unexpected(person.error());
    t.person = *person;
    // A merged record is kept as it was: new records go to the kept one.
    if (t.person->person.merged_into) {
      return Invalid("person_id", "person_merged",
                     "This record was merged into another one (" + *t.person->person.merged_into +
                         "); record there.");
    }
    auto role = cases::ParsePersonRole(t.person->link.role).value_or(cases::PersonRole::kWitness);
    if (cases::NeedsPublicAuthority(role)) {
      return Invalid("person_id", "not_for_suspect_or_buyer",
                     "The person's voice, safety and assessment are recorded for victims, "
                     "children and witnesses, not for a suspect or a buyer.");
    }
  }
  t.today = StockholmDateOf(ctx.clock.Now());
  t.lookups = LookupsOf(ctx, t.loaded.row.steps_version);
  return t;
}

Result<cases::Person> OpenPerson(const Context& ctx, const ports::CasePerson& cp) {
  cases::Person p;
  p.id = cp.person.id;
  p.organisation_id = cp.person.organisation_id;
  auto identity = Security(ctx).cipher.Open(
      ports::FieldLocation{cp.person.organisation_id, "persons", "identity", cp.person.id},
      cp.person.identity_sealed);
  if (!identity) return Internal("A person's identity could not be opened.");
  if (auto st = ctx.codec->DecodeIdentity(*identity, p); !st) return tl::unexpected(st.error());
  return p;
}

Status CheckUser(const Context& ctx, const std::string& organisation_id, const std::string& user_id,
                 const std::string& field, Problems& problems) {
  if (user_id.empty()) return Ok();  // "required" is the domain's to say
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto user = (*uow)->users().Find(user_id);
  if (!user) return tl::unexpected(user.error());
  if (!*user || (*user)->organisation_id != organisation_id) {
    problems.Add(field, "unknown_user", "Not a user of the case's organisation.");
  }
  return Ok();
}

Result<RecordVersionView> SaveRecord(const Context& ctx, const Caller& caller,
                                     const RecordTarget& target, const RecordKind& kind,
                                     RecordWrite write, const ClientInfo& client) {
  ports::CaseRecordRow row;
  row.id = ctx.ids.NewId();
  row.case_id = target.loaded.row.id;
  row.organisation_id = target.loaded.row.organisation_id;
  row.person_id = target.person ? target.person->person.id : "";
  row.kind = std::string(kind.name);
  row.recorded_by = caller.actor.user_id;
  // Sealed before the write transaction (sealing may create a data key).
  auto sealed = Security(ctx).cipher.Seal(BodyAt(row.organisation_id, row.id), write.body);
  if (!sealed) return tl::unexpected(sealed.error());
  row.body_sealed = std::move(*sealed);
  row.recorded_at_us = NowUs(ctx);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& records = (*uow)->case_records();
    if (auto st = kind.versions ? records.Supersede(row) : records.Add(row); !st) {
      return tl::unexpected(st.error());
    }
    if (write.also) {
      if (auto st = write.also(**uow); !st) return tl::unexpected(st.error());
    }
    auto entry = AppendEntry(
        **uow, ctx, caller, row.case_id,
        {row.kind + ".recorded", kind.section, row.person_id, row.id, std::move(write.details)});
    if (!entry) return tl::unexpected(entry.error());
    if (!write.fact.empty()) {
      if (auto st =
              RecordFact(**uow, ctx, caller, row.case_id, write.fact, row.person_id, entry->id);
          !st) {
        return tl::unexpected(st.error());
      }
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  auto e = EventFor(ctx, caller, EventAction(kind, "recorded"), row.organisation_id,
                    {row.case_id, row.person_id}, kind, client.request_id);
  e.objects.push_back(Object("case_record", row.id, row.organisation_id));
  e.purpose = "assignment";
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return VersionOf(row);
}

Result<std::vector<ports::CaseRecordRow>> ReadVersions(const Context& ctx, const Caller& caller,
                                                       const RecordPlace& at,
                                                       const RecordKind& kind,
                                                       const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  std::optional<LoadedCase> loaded;
  std::vector<ports::CaseRecordRow> rows;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::string owner;
    auto l = LoadAllowed(**uow, ctx, caller, at.case_id, access::Action::kRecordRead, &owner);
    if (!l) {
      uow->reset();
      return tl::unexpected(AuditDenied(ctx, caller, EventAction(kind, "read"), at.case_id, owner,
                                        l.error(), client.request_id));
    }
    loaded = std::move(*l);
    if (!at.person_id.empty()) {
      auto persons = (*uow)->persons().OfCase(at.case_id);
      if (!persons) return tl::unexpected(persons.error());
      if (auto p = PersonIn(*persons, caller, at.person_id); !p) return tl::unexpected(p.error());
    }
    auto found = (*uow)->case_records().Versions(at.case_id, at.person_id, std::string(kind.name));
    if (!found) return tl::unexpected(found.error());
    rows = std::move(*found);
  }
  auto e = EventFor(ctx, caller, EventAction(kind, "read"), loaded->row.organisation_id, at, kind,
                    client.request_id);
  if (loaded->break_glass) {
    e.purpose = "break_glass";
    e.reason_id = loaded->break_glass->id;
  } else {
    e.purpose = "assignment";
  }
  // Durable before the records are returned.
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return rows;
}

Result<std::string> OpenBody(const Context& ctx, const ports::CaseRecordRow& row) {
  auto bytes = Security(ctx).cipher.Open(BodyAt(row.organisation_id, row.id), row.body_sealed);
  if (!bytes) return Internal("A record of the case could not be opened.");
  return std::move(*bytes);
}

}  // namespace opennrm::app::case_internal
