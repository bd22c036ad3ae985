#include "app/cases/persons.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/case_lookups.hpp"
#include "app/cases/person_support.hpp"
#include "app/cases/statistics_facts.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/codes.hpp"
#include "domain/cases/protected_identity.hpp"
#include "domain/names/search_keys.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

ports::FieldLocation At(const std::string& org, const std::string& column, const std::string& id) {
  return ports::FieldLocation{org, "persons", column, id};
}

Result<CasePersonView> Opened(const Context& ctx, const ports::CasePerson& cp) {
  auto& cipher = Security(ctx).cipher;
  CasePersonView v;
  v.person.id = cp.person.id;
  v.person.organisation_id = cp.person.organisation_id;
  v.code = cp.person.code;
  if (auto code = cases::ParsePersonCode(cp.person.code)) v.person.code = *code;
  v.person.protection =
      cases::ParseProtectionLevel(cp.person.protection).value_or(cases::ProtectionLevel::kNone);
  v.person.merged_into = cp.person.merged_into;
  auto identity = cipher.Open(At(cp.person.organisation_id, "identity", cp.person.id),
                              cp.person.identity_sealed);
  if (!identity) return Internal("A person's identity could not be opened.");
  if (auto st = ctx.codec->DecodeIdentity(*identity, v.person); !st) {
    return tl::unexpected(st.error());
  }
  if (!cp.person.contact_sealed.empty()) {  // left out by callers that show no contact details
    auto contact = cipher.Open(At(cp.person.organisation_id, "contact", cp.person.id),
                               cp.person.contact_sealed);
    if (!contact) return Internal("A person's contact details could not be opened.");
    auto details = ctx.codec->DecodeContact(*contact);
    if (!details) return tl::unexpected(details.error());
    v.person.contact = std::move(*details);
  }
  v.role = cases::ParsePersonRole(cp.link.role).value_or(cases::PersonRole::kWitness);
  v.added_by = cp.link.added_by;
  v.added_at_us = cp.link.added_at_us;
  v.version = cp.person.version;
  return v;
}

// Every spelling of every name, Latin and original script.
std::vector<std::string> Spellings(const cases::Person& p) {
  std::vector<std::string> out;
  for (const auto& n : p.names) {
    out.push_back(n.latin);
    if (!n.original.empty()) out.push_back(n.original);
  }
  return out;
}

// The keyed digests of a person's name keys (outside any write transaction).
Result<std::vector<std::string>> NameDigests(const Context& ctx, const cases::Person& p) {
  if (!ctx.romaniser || p.names.empty()) return std::vector<std::string>{};
  auto keys = names::KeysForNames(*ctx.romaniser, Spellings(p));
  return Security(ctx).blind_index.Digests(p.organisation_id, names::IndexInputs(keys));
}

}  // namespace

Result<CasePersonView> AddCasePerson(const Context& ctx, const Caller& caller,
                                     const std::string& case_id, const NewCasePerson& input,
                                     const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  std::optional<LoadedCase> loaded;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto l =
        LoadForTeam(*uow, ctx, caller, case_id, access::Action::kRecordWrite, "case.person_added",
                    "Only the case's team adds persons; break-glass reads.", client.request_id);
    if (!l) return tl::unexpected(l.error());
    loaded = std::move(*l);
  }
  auto role = cases::ParsePersonRole(input.role);
  if (!role) {
    return Invalid("role", "unknown_code",
                   "Choose a role: presumed_victim, accompanying_child, witness, suspect or "
                   "buyer_of_sexual_services.");
  }
  if (!cases::CaseMayHold(loaded->resource.owner_kind, *role)) {
    return Invalid(
        "role",
        *role == cases::PersonRole::kSuspect ? "suspect_needs_authority" : "buyer_needs_authority",
        "Only a case kept by a public authority records suspects or buyers.");
  }
  if (!cases::MayHandleRole(caller.actor, *role)) {
    return Forbidden("forbidden", "Your role does not handle suspects or buyers.");
  }
  TimePoint now = ctx.clock.Now();
  CivilDate today = StockholmDateOf(now);
  cases::Person person = input.person;
  person.id = ctx.ids.NewId();
  person.organisation_id = loaded->row.organisation_id;
  person.merged_into.reset();
  person.merged_from.clear();
  person.code = cases::PersonCode{today.year, 1};  // the real number is taken when stored
  if (auto st = cases::ValidatePerson(person, LookupsOf(ctx), today); !st) {
    return tl::unexpected(st.error());
  }
  // Sealed before the write transaction (sealing may create a data key).
  auto& cipher = Security(ctx).cipher;
  auto identity = cipher.Seal(At(person.organisation_id, "identity", person.id),
                              ctx.codec->EncodeIdentity(person));
  if (!identity) return tl::unexpected(identity.error());
  auto contact = cipher.Seal(At(person.organisation_id, "contact", person.id),
                             ctx.codec->EncodeContact(person.contact));
  if (!contact) return tl::unexpected(contact.error());
  auto digests = NameDigests(ctx, person);
  if (!digests) return tl::unexpected(digests.error());
  ports::CasePerson stored;
  stored.person.id = person.id;
  stored.person.organisation_id = person.organisation_id;
  stored.person.protection = std::string(cases::ToString(person.protection));
  stored.person.identity_sealed = std::move(*identity);
  stored.person.contact_sealed = std::move(*contact);
  stored.person.created_at_us = stored.person.updated_at_us = NowUs(ctx);
  stored.link = {case_id, person.id, std::string(cases::ToString(*role)), caller.actor.user_id,
                 stored.person.created_at_us};
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto number = (*uow)->persons().NextCodeNumber(today.year);
    if (!number) return tl::unexpected(number.error());
    stored.person.code = cases::ToString(cases::PersonCode{today.year, *number});
    if (auto st = (*uow)->persons().Insert(stored.person); !st) return tl::unexpected(st.error());
    if (auto st = (*uow)->persons().AddToCase(stored.link); !st) return tl::unexpected(st.error());
    if (auto st = (*uow)->persons().IndexNames(person.organisation_id, person.id, *digests); !st) {
      return tl::unexpected(st.error());
    }
    auto entry = AppendEntry(
        **uow, ctx, caller, case_id,
        {"person.added",
         access::Section::kIdentity,
         person.id,
         person.id,
         {{"role", std::string(cases::ToString(*role))}, {"code", stored.person.code}}});
    if (!entry) return tl::unexpected(entry.error());
    // Presumed victims only: an accompanying child is recorded, never counted.
    if (*role == cases::PersonRole::kPresumedVictim) {
      if (auto st = AddVictimFacts(**uow, ctx, loaded->row, loaded->resource.owner_kind, person,
                                   today, stored.person.created_at_us);
          !st) {
        return tl::unexpected(st.error());
      }
    }
    // A protected person joining a case whose places are already indexed:
    // the geography of the case goes now, in the same transaction.
    if (cases::IsProtected(person.protection)) {
      if (auto st =
              ForgetCaseGeography(**uow, ctx, case_id, person.id, stored.person.created_at_us);
          !st) {
        return tl::unexpected(st.error());
      }
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "case.person_added", "allowed", client.request_id);
  e.objects.push_back(Object("case", case_id, person.organisation_id));
  auto object = Object("person", person.id, person.organisation_id);
  object.sections = {"identity", "contact"};
  e.objects.push_back(std::move(object));
  e.purpose = "assignment";
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  // The person as validated and stored: no need to open what was just sealed.
  CasePersonView v;
  v.code = stored.person.code;
  if (auto code = cases::ParsePersonCode(stored.person.code)) person.code = *code;
  v.person = std::move(person);
  v.role = *role;
  v.added_by = stored.link.added_by;
  v.added_at_us = stored.link.added_at_us;
  v.version = stored.person.version;
  return v;
}

Result<std::vector<CasePersonView>> ListCasePersons(const Context& ctx, const Caller& caller,
                                                    const std::string& case_id,
                                                    const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  std::optional<LoadedCase> loaded;
  std::vector<ports::CasePerson> rows;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::string owner;
    auto l = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
    if (!l) {
      uow->reset();
      return tl::unexpected(AuditDenied(ctx, caller, "case.persons_read", case_id, owner, l.error(),
                                        client.request_id));
    }
    loaded = std::move(*l);
    auto found = (*uow)->persons().OfCase(case_id);
    if (!found) return tl::unexpected(found.error());
    rows = std::move(*found);
  }
  std::vector<CasePersonView> out;
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "case.persons_read", "allowed", client.request_id);
  e.objects.push_back(Object("case", case_id, loaded->row.organisation_id));
  for (const auto& row : rows) {
    auto role = cases::ParsePersonRole(row.link.role).value_or(cases::PersonRole::kWitness);
    if (!cases::MayHandleRole(caller.actor, role)) continue;  // suspects and buyers
    auto view = Opened(ctx, row);
    if (!view) return tl::unexpected(view.error());
    auto object = Object("person", row.person.id, row.person.organisation_id);
    object.sections = {"identity", "contact"};
    e.objects.push_back(std::move(object));
    out.push_back(std::move(*view));
  }
  case_internal::LinkMerged(out);
  if (loaded->break_glass) {
    e.purpose = "break_glass";
    e.reason_id = loaded->break_glass->id;
  } else {
    e.purpose = "assignment";
  }
  // Durable before the persons are returned.
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

Result<std::vector<FoundPersonView>> SearchPersons(const Context& ctx, const Caller& caller,
                                                   const PersonSearch& search,
                                                   const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  access::Resource own;
  own.kind = access::ResourceKind::kRecord;
  own.owner_organisation_id = caller.actor.organisation_id;
  own.owner_kind = caller.actor.organisation_kind;
  own.assigned = true;
  if (auto d = access::Decide(caller.actor, access::Action::kRecordRead, own); !d) {
    return Forbidden("forbidden", "Your role does not keep cases (" + std::string(d.reason) + ").");
  }
  Problems problems;
  if (!text::IsCleanUtf8(search.name) || text::Trim(search.name).empty() ||
      search.name.size() > 400) {
    problems.Add("name", "required", "Write a name to search for (at most 400 bytes).");
  }
  if (search.limit < 1 || search.limit > 50) {
    problems.Add("limit", "range", "limit must be between 1 and 50.");
  }
  if (auto st = problems.ToStatus(); !st) return tl::unexpected(st.error());
  if (!ctx.romaniser || !ctx.codec) return Internal("Name search is not set up.");
  names::NameQuery query = names::QueryForName(*ctx.romaniser, search.name);
  std::vector<FoundPersonView> out;
  if (!query.terms.empty()) {
    ports::NameSearch s;
    s.organisation_id = caller.actor.organisation_id;
    s.viewer_user_id = caller.actor.user_id;
    s.viewer_session_id = caller.session->id;
    s.now_us = NowUs(ctx);
    s.limit = search.limit;
    for (auto role : cases::AllPersonRoles()) {
      if (!cases::MayHandleRole(caller.actor, role)) {
        s.hidden_roles.emplace_back(cases::ToString(role));
      }
    }
    auto& index = Security(ctx).blind_index;
    for (const auto& term : query.terms) {
      std::vector<std::string> exact, phonetic;
      for (const auto& k : term.exact)
        exact.push_back(names::IndexInput(names::KeyKind::kExact, k));
      for (const auto& k : term.phonetic) {
        phonetic.push_back(names::IndexInput(names::KeyKind::kPhonetic, k));
      }
      auto exact_digests = index.Digests(caller.actor.organisation_id, exact);
      if (!exact_digests) return tl::unexpected(exact_digests.error());
      auto phonetic_digests = index.Digests(caller.actor.organisation_id, phonetic);
      if (!phonetic_digests) return tl::unexpected(phonetic_digests.error());
      s.terms.push_back({std::move(*exact_digests), std::move(*phonetic_digests)});
    }
    std::vector<ports::FoundPerson> found;
    {
      auto uow = ctx.db.Begin(ports::Access::kRead);
      if (!uow) return tl::unexpected(uow.error());
      auto rows = (*uow)->persons().FindByName(s);
      if (!rows) return tl::unexpected(rows.error());
      found = std::move(*rows);
    }
    // The index decided the match (a keyed digest of each word): only the page's identities are
    // opened, never their contact details.
    for (auto& f : found) {
      f.in_case.person.contact_sealed.clear();
      auto view = Opened(ctx, f.in_case);
      if (!view) return tl::unexpected(view.error());
      out.push_back({std::move(*view), f.in_case.link.case_id, f.exact});
    }
  }
  // One event listing every person returned (never the name asked for).
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "persons.searched", "allowed", client.request_id);
  for (const auto& f : out) {
    auto object = Object("person", f.person.person.id, f.person.person.organisation_id);
    object.sections = {"identity"};
    e.objects.push_back(std::move(object));
  }
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app

namespace opennrm::app::case_internal {

Result<CasePersonView> OpenCasePerson(const Context& ctx, const ports::CasePerson& cp) {
  return Opened(ctx, cp);
}

Result<std::vector<std::string>> PersonNameDigests(const Context& ctx, const cases::Person& p) {
  return NameDigests(ctx, p);
}

void LinkMerged(std::vector<CasePersonView>& views) {
  for (const auto& retired : views) {
    if (!retired.person.merged_into) continue;
    for (auto& kept : views) {
      if (kept.person.id == *retired.person.merged_into) {
        kept.person.merged_from.push_back(retired.person.id);
      }
    }
  }
}

}  // namespace opennrm::app::case_internal
