// Correcting a person of a case (issue 4 item 1): the team replaces the
// person's identity, contact details and protection. The same validation as
// when the person was added; the version the caller read (409 otherwise);
// sealed before one write unit of work that stores the record, replaces the
// name index (the old digests go), re-makes the statistics row from the
// corrected identity, appends one timeline entry naming which parts changed,
// and — when protection is raised — forgets the case's geography in the same
// transaction. The audit event after the commit. See docs/cases.md
// ("Correcting a person") and docs/security.md (protected identity).
//
// An assumed identity (fingerade personuppgifter) is never given to, or taken
// from, an existing record: the link between an assumed identity and a
// former one is never stored, and a record that changed into the other would
// be exactly that link. The person is added anew instead.
#include <optional>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/case_lookups.hpp"
#include "app/cases/person_support.hpp"
#include "app/cases/persons.hpp"
#include "app/cases/statistics_facts.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/protected_identity.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

constexpr const char* kAction = "case.person_updated";

ports::FieldLocation At(const std::string& org, const std::string& column, const std::string& id) {
  return ports::FieldLocation{org, "persons", column, id};
}

Error Stale() {
  return Error{ErrorCode::kConflict,
               "The person was changed by someone else; reload the persons and try again.",
               {},
               "person-changed"};
}

// The parts of a person that differ, as stable words (for the timeline).
std::vector<std::string> ChangedParts(const cases::Person& a, const cases::Person& b) {
  std::vector<std::string> out;
  if (a.names != b.names) out.push_back("names");
  if (a.date_of_birth != b.date_of_birth) out.push_back("date_of_birth");
  if (a.claimed_minor != b.claimed_minor) out.push_back("claimed_minor");
  if (a.gender != b.gender) out.push_back("gender");
  if (a.citizenship.status != b.citizenship.status ||
      a.citizenship.countries != b.citizenship.countries) {
    out.push_back("citizenship");
  }
  if (a.residence_permit != b.residence_permit) out.push_back("residence_permit");
  if (a.unaccompanied != b.unaccompanied) out.push_back("unaccompanied");
  if (a.languages != b.languages) out.push_back("languages");
  if (a.documents != b.documents) out.push_back("documents");
  if (a.contact.phones != b.contact.phones || a.contact.emails != b.contact.emails ||
      a.contact.address != b.contact.address || a.contact.notes != b.contact.notes) {
    out.push_back("contact");
  }
  if (a.protection != b.protection) out.push_back("protection");
  return out;
}

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ",") + w;
  return out;
}

// Whether going from `before` to `after` raises protection (from none, or
// to a stricter level): the case's geography must go.
bool Raises(cases::ProtectionLevel before, cases::ProtectionLevel after) {
  return cases::IsProtected(after) && after != before && cases::Stricter(before, after) == after;
}

// What the update reads before it writes.
struct UpdateInputs {
  LoadedCase loaded;
  ports::CasePerson row;
  std::optional<ports::StatisticsFactRow> facts;  // the person's statistics row, if counted
  std::vector<std::string> merged_from;           // records of the case merged into the person
};

Result<UpdateInputs> Load(const Context& ctx, const Caller& caller, const std::string& case_id,
                          const std::string& person_id, const ClientInfo& client) {
  UpdateInputs in;
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto l =
      LoadForTeam(*uow, ctx, caller, case_id, access::Action::kRecordWrite, kAction,
                  "Only the case's team corrects persons; break-glass reads.", client.request_id);
  if (!l) return tl::unexpected(l.error());
  in.loaded = std::move(*l);
  auto persons = (*uow)->persons().OfCase(case_id);
  if (!persons) return tl::unexpected(persons.error());
  bool found = false;
  for (const auto& p : *persons) {
    if (p.person.merged_into == person_id) in.merged_from.push_back(p.person.id);
    if (p.person.id != person_id) continue;
    auto role = cases::ParsePersonRole(p.link.role).value_or(cases::PersonRole::kWitness);
    if (!cases::MayHandleRole(caller.actor, role)) continue;  // suspects and buyers
    in.row = p;
    found = true;
  }
  if (!found) return NotFound("No such person in this case.");
  auto facts = (*uow)->statistics_facts().OfCase(case_id);
  if (!facts) return tl::unexpected(facts.error());
  for (const auto& f : *facts) {
    if (f.person.person_id == person_id) in.facts = f;
  }
  return in;
}

// The person's statistics row made again from the corrected identity (as of
// the day it was first recorded). A row once protected stays without a
// country when protection is lowered: lifting protection restores nothing by
// itself (docs/security.md).
Status RemakeStatistics(ports::UnitOfWork& uow, const Context& ctx, const UpdateInputs& in,
                        const cases::Person& person, long long now_us) {
  if (!in.facts) return Ok();
  auto recorded_on = ParseIsoDate(in.facts->person.recorded_on);
  if (!recorded_on) return Internal("A statistics row has no readable date.");
  const std::string& case_id = in.loaded.row.id;
  if (auto st = uow.statistics_facts().RemoveVictim(case_id, person.id, now_us); !st) return st;
  if (auto st = AddVictimFacts(uow, ctx, in.loaded.row, in.loaded.resource.owner_kind, person,
                               *recorded_on, now_us);
      !st) {
    return st;
  }
  if (in.facts->person.is_protected && !cases::IsProtected(person.protection)) {
    return uow.statistics_facts().MarkProtected(case_id, person.id);
  }
  return Ok();
}

// The audit event of the update: the case and the person with the sections written.
Status AuditUpdate(const Context& ctx, const Caller& caller, const std::string& case_id,
                   const cases::Person& person, const std::vector<std::string>& changed,
                   const ClientInfo& client) {
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kAction, "allowed", client.request_id);
  e.objects.push_back(Object("case", case_id, person.organisation_id));
  auto object = Object("person", person.id, person.organisation_id);
  bool contact = false, identity = false;
  for (const auto& part : changed) (part == "contact" ? contact : identity) = true;
  if (identity) object.sections.push_back("identity");
  if (contact) object.sections.push_back("contact");
  e.objects.push_back(std::move(object));
  e.purpose = "assignment";
  return Audit(ctx, std::move(e));
}

}  // namespace

Result<CasePersonView> UpdateCasePerson(const Context& ctx, const Caller& caller,
                                        const std::string& case_id, const std::string& person_id,
                                        const CasePersonUpdate& input, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  auto in = Load(ctx, caller, case_id, person_id, client);
  if (!in) return tl::unexpected(in.error());
  if (in->row.person.merged_into) {
    return Invalid("person_id", "person_merged",
                   "This record was merged into another and is read-only; correct the record it "
                   "was merged into.");
  }
  if (!input.role.empty() && input.role != in->row.link.role) {
    return Invalid("role", "fixed", "A person's role in the case is not changed here.");
  }
  auto current = OpenCasePerson(ctx, in->row);
  if (!current) return tl::unexpected(current.error());

  TimePoint now = ctx.clock.Now();
  cases::Person person = input.person;
  person.id = current->person.id;
  person.organisation_id = current->person.organisation_id;
  person.code = current->person.code;
  person.merged_into.reset();
  person.merged_from.clear();
  if (auto st = cases::ValidatePerson(person, LookupsOf(ctx), StockholmDateOf(now)); !st) {
    return tl::unexpected(st.error());
  }
  const cases::ProtectionLevel before = current->person.protection;
  const auto assumed = cases::ProtectionLevel::kAssumedIdentity;
  if (person.protection != before && (person.protection == assumed || before == assumed)) {
    return Invalid("protection", "assumed_identity_needs_new_record",
                   before == assumed
                       ? "A record with an assumed identity keeps it: add the person anew with "
                         "the identity they use now; this record is kept or closed as your "
                         "routine says. The two are never linked."
                       : "An assumed identity is never given to an existing record: add the "
                         "person anew with the assumed identity; this record is kept or closed "
                         "as your routine says. The two are never linked.");
  }
  if (in->row.person.version != input.expected_version) return tl::unexpected(Stale());

  std::vector<std::string> changed = ChangedParts(current->person, person);
  if (changed.empty()) {
    // Nothing to write: the person as stored (read, so audited).
    if (auto st =
            AuditUpdate(ctx, caller, case_id, current->person, {"identity", "contact"}, client);
        !st) {
      return tl::unexpected(st.error());
    }
    current->person.merged_from = in->merged_from;
    return std::move(*current);
  }

  // Sealed before the write transaction (sealing may create a data key).
  auto& cipher = Security(ctx).cipher;
  auto identity = cipher.Seal(At(person.organisation_id, "identity", person.id),
                              ctx.codec->EncodeIdentity(person));
  if (!identity) return tl::unexpected(identity.error());
  auto contact = cipher.Seal(At(person.organisation_id, "contact", person.id),
                             ctx.codec->EncodeContact(person.contact));
  if (!contact) return tl::unexpected(contact.error());
  auto digests = PersonNameDigests(ctx, person);
  if (!digests) return tl::unexpected(digests.error());

  long long now_us = NowUs(ctx);
  ports::PersonRow row = in->row.person;
  row.protection = std::string(cases::ToString(person.protection));
  row.identity_sealed = std::move(*identity);
  row.contact_sealed = std::move(*contact);
  row.updated_at_us = now_us;
  row.version = input.expected_version + 1;
  bool only_contact = changed.size() == 1 && changed[0] == "contact";
  NewEntry entry{"person.updated",
                 only_contact ? access::Section::kContact : access::Section::kIdentity,
                 person.id,
                 person.id,
                 {{"changed", Joined(changed)}, {"code", row.code}}};
  if (person.protection != before) {
    entry.details.push_back({"protection", std::string(cases::ToString(person.protection))});
  }
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->persons().Update(row, input.expected_version); !st) {
      if (st.error().code == ErrorCode::kConflict) return tl::unexpected(Stale());
      return tl::unexpected(st.error());
    }
    // The name index replaced: the old spellings are no longer found.
    if (auto st = (*uow)->persons().IndexNames(person.organisation_id, person.id, *digests); !st) {
      return tl::unexpected(st.error());
    }
    if (auto st = RemakeStatistics(**uow, ctx, *in, person, now_us); !st) {
      return tl::unexpected(st.error());
    }
    // A person lives in the one case that added them (persons are not shared
    // between cases), so the case's geography is the one to forget.
    if (Raises(before, person.protection)) {
      if (auto st = ForgetCaseGeography(**uow, ctx, case_id, person.id, now_us); !st) {
        return tl::unexpected(st.error());
      }
    }
    auto appended = AppendEntry(**uow, ctx, caller, case_id, entry);
    if (!appended) return tl::unexpected(appended.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = AuditUpdate(ctx, caller, case_id, person, changed, client); !st) {
    return tl::unexpected(st.error());
  }
  CasePersonView v = std::move(*current);
  v.person = std::move(person);
  v.version = row.version;
  v.person.merged_from = in->merged_from;
  return v;
}

}  // namespace opennrm::app
