// Merging two records of the same person in one case (issue 4 item 1): the
// domain decides what the kept record gains (cases::Merge); here the team
// check, the versions both records were read at, one write unit of work that
// re-seals the kept record, retires the other (merged_into, read-only,
// still readable), moves the name index and the statistics row to the kept
// record, and one timeline entry; the audit event after the commit.
//
// Both records must be in the case named by the path: a duplicate is found
// where it is seen, and a merge across cases would silently change what
// another case's team sees. See docs/cases.md ("Merging duplicates").
#include <optional>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/person_support.hpp"
#include "app/cases/persons.hpp"
#include "app/cases/statistics_facts.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/merge.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

constexpr const char* kAction = "case.persons_merged";

// The domain names the two records kept_person_id / merged_person_id; the
// API names them by the path's person_id and the body's duplicate_person_id.
Error ApiFields(Error error) {
  for (auto& p : error.fields) {
    if (p.field == "kept_person_id") p.field = "person_id";
    if (p.field == "merged_person_id") p.field = "duplicate_person_id";
  }
  return error;
}

// The person `id` of the case, if the caller may handle their role.
const ports::CasePerson* Find(const std::vector<ports::CasePerson>& persons, const Caller& caller,
                              const std::string& id) {
  for (const auto& p : persons) {
    if (p.person.id != id) continue;
    auto role = cases::ParsePersonRole(p.link.role).value_or(cases::PersonRole::kWitness);
    return cases::MayHandleRole(caller.actor, role) ? &p : nullptr;
  }
  return nullptr;
}

Error Stale(const std::string& which) {
  return Error{ErrorCode::kConflict,
               "The " + which +
                   " record was changed by someone else; reload the persons and try "
                   "again.",
               {},
               "person-changed"};
}

ports::FieldLocation At(const std::string& org, const std::string& column, const std::string& id) {
  return ports::FieldLocation{org, "persons", column, id};
}

// What the merge reads before it writes: the case, both records opened and
// the kept record's statistics row (its date, if it is counted).
struct MergeInputs {
  LoadedCase loaded;
  ports::CasePerson kept_row;
  ports::CasePerson duplicate_row;
  std::vector<ports::CasePerson> persons;
  std::optional<std::string> kept_recorded_on;
  bool duplicate_counted = false;
};

Result<MergeInputs> Load(const Context& ctx, const Caller& caller, const std::string& case_id,
                         const std::string& person_id, const PersonMerge& input,
                         const ClientInfo& client) {
  MergeInputs in;
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto l =
      LoadForTeam(*uow, ctx, caller, case_id, access::Action::kRecordWrite, kAction,
                  "Only the case's team merges persons; break-glass reads.", client.request_id);
  if (!l) return tl::unexpected(l.error());
  in.loaded = std::move(*l);
  auto persons = (*uow)->persons().OfCase(case_id);
  if (!persons) return tl::unexpected(persons.error());
  in.persons = std::move(*persons);
  const auto* kept = Find(in.persons, caller, person_id);
  if (!kept) return NotFound("No such person in this case.");
  in.kept_row = *kept;
  if (input.duplicate_person_id.empty()) {
    return Invalid("duplicate_person_id", "required", "Choose the record to merge into this one.");
  }
  const auto* duplicate = Find(in.persons, caller, input.duplicate_person_id);
  if (!duplicate) {
    return Invalid("duplicate_person_id", "not_in_case",
                   "Only another record of a person in this case can be merged into it.");
  }
  in.duplicate_row = *duplicate;
  auto facts = (*uow)->statistics_facts().OfCase(case_id);
  if (!facts) return tl::unexpected(facts.error());
  for (const auto& f : *facts) {
    if (f.person.person_id == person_id) in.kept_recorded_on = f.person.recorded_on;
    if (f.person.person_id == input.duplicate_person_id) in.duplicate_counted = true;
  }
  return in;
}

// The statistics count the person once: the duplicate's row goes; the kept
// row is made again from the merged record (as of the day it was recorded).
Status MoveStatistics(ports::UnitOfWork& uow, const Context& ctx, const MergeInputs& in,
                      const cases::Person& kept, long long now_us) {
  const std::string& case_id = in.loaded.row.id;
  if (in.duplicate_counted) {
    if (auto st = uow.statistics_facts().RemoveVictim(case_id, in.duplicate_row.person.id, now_us);
        !st) {
      return st;
    }
  }
  if (!in.kept_recorded_on) return Ok();
  auto recorded_on = ParseIsoDate(*in.kept_recorded_on);
  if (!recorded_on) return Internal("A statistics row has no readable date.");
  if (auto st = uow.statistics_facts().RemoveVictim(case_id, kept.id, now_us); !st) return st;
  return AddVictimFacts(uow, ctx, in.loaded.row, in.loaded.resource.owner_kind, kept, *recorded_on,
                        now_us);
}

}  // namespace

Result<CasePersonView> MergePersons(const Context& ctx, const Caller& caller,
                                    const std::string& case_id, const std::string& person_id,
                                    const PersonMerge& input, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  auto in = Load(ctx, caller, case_id, person_id, input, client);
  if (!in) return tl::unexpected(in.error());
  auto kept = OpenCasePerson(ctx, in->kept_row);
  if (!kept) return tl::unexpected(kept.error());
  auto duplicate = OpenCasePerson(ctx, in->duplicate_row);
  if (!duplicate) return tl::unexpected(duplicate.error());
  TimePoint now = ctx.clock.Now();
  auto merged =
      cases::Merge(kept->person, duplicate->person, caller.actor.user_id, StockholmDateOf(now));
  if (!merged) return tl::unexpected(ApiFields(merged.error()));
  // A witness and a presumed victim are not silently made one (the
  // statistics count presumed victims only).
  if (in->kept_row.link.role != in->duplicate_row.link.role) {
    return Invalid("duplicate_person_id", "merge_different_roles",
                   "Only records with the same role in the case can be merged.");
  }
  if (in->kept_row.person.version != input.expected_version) return tl::unexpected(Stale("kept"));
  if (in->duplicate_row.person.version != input.duplicate_expected_version) {
    return tl::unexpected(Stale("duplicate"));
  }

  // Sealed before the write transaction (sealing may create a data key).
  const cases::Person& k = merged->kept;
  auto& cipher = Security(ctx).cipher;
  auto identity =
      cipher.Seal(At(k.organisation_id, "identity", k.id), ctx.codec->EncodeIdentity(k));
  if (!identity) return tl::unexpected(identity.error());
  auto contact =
      cipher.Seal(At(k.organisation_id, "contact", k.id), ctx.codec->EncodeContact(k.contact));
  if (!contact) return tl::unexpected(contact.error());
  auto digests = PersonNameDigests(ctx, k);
  if (!digests) return tl::unexpected(digests.error());

  long long now_us = NowUs(ctx);
  ports::PersonRow kept_row = in->kept_row.person;
  kept_row.protection = std::string(cases::ToString(k.protection));
  kept_row.identity_sealed = std::move(*identity);
  kept_row.contact_sealed = std::move(*contact);
  kept_row.updated_at_us = now_us;
  kept_row.version = input.expected_version + 1;
  ports::PersonRow retired_row = in->duplicate_row.person;
  retired_row.merged_into = k.id;
  retired_row.updated_at_us = now_us;
  retired_row.version = input.duplicate_expected_version + 1;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& persons = (*uow)->persons();
    if (auto st = persons.Update(kept_row, input.expected_version); !st) {
      if (st.error().code == ErrorCode::kConflict) return tl::unexpected(Stale("kept"));
      return tl::unexpected(st.error());
    }
    if (auto st = persons.Update(retired_row, input.duplicate_expected_version); !st) {
      if (st.error().code == ErrorCode::kConflict) return tl::unexpected(Stale("duplicate"));
      return tl::unexpected(st.error());
    }
    // The names are found once, on the kept record.
    if (auto st = persons.IndexNames(k.organisation_id, k.id, *digests); !st) {
      return tl::unexpected(st.error());
    }
    if (auto st = persons.IndexNames(k.organisation_id, retired_row.id, {}); !st) {
      return tl::unexpected(st.error());
    }
    if (auto st = MoveStatistics(**uow, ctx, *in, k, now_us); !st) {
      return tl::unexpected(st.error());
    }
    auto entry = AppendEntry(**uow, ctx, caller, case_id,
                             {"person.merged",
                              access::Section::kIdentity,
                              k.id,
                              retired_row.id,
                              {{"merged_person_id", retired_row.id},
                               {"merged_code", retired_row.code},
                               {"code", kept_row.code}}});
    if (!entry) return tl::unexpected(entry.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kAction, "allowed", client.request_id);
  e.objects.push_back(Object("case", case_id, k.organisation_id));
  for (const std::string& id : {k.id, retired_row.id}) {
    auto object = Object("person", id, k.organisation_id);
    object.sections = {"identity", "contact"};
    e.objects.push_back(std::move(object));
  }
  e.purpose = "assignment";
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());

  CasePersonView v = std::move(*kept);
  v.person = merged->kept;
  v.person.merged_from.clear();  // as a read shows it: the records merged into it in this case
  for (const auto& p : in->persons) {
    if (p.person.merged_into == k.id) v.person.merged_from.push_back(p.person.id);
  }
  v.person.merged_from.push_back(retired_row.id);
  v.version = kept_row.version;
  return v;
}

}  // namespace opennrm::app
