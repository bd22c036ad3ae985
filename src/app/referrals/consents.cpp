// RecordConsent and ListConsents (consents.hpp): authorise, check, seal,
// write the consent and its timeline entry in one transaction, audit; read
// for whoever may read the case, audited before the answer.
#include "app/referrals/consents.hpp"

#include <map>
#include <set>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/case_lookups.hpp"
#include "app/cases/note_support.hpp"
#include "app/cases/person_support.hpp"
#include "app/referrals/consent_support.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/checks.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;
using namespace consent_internal;

namespace {

constexpr const char* kRecorded = "consent.recorded";
constexpr const char* kRead = "consent.list_read";

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ",") + w;
  return out;
}

// What RecordConsent reads before it checks: the case, its persons, the recipient.
struct Before {
  LoadedCase loaded;
  std::vector<ports::CasePerson> persons;
  std::optional<orgs::Organisation> recipient;
};

}  // namespace

Result<ConsentView> RecordConsent(const Context& ctx, const Caller& caller,
                                  const std::string& case_id, const NewConsent& input,
                                  const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  std::optional<Before> before;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto l =
        LoadForTeam(*uow, ctx, caller, case_id, access::Action::kRecordWrite, kRecorded,
                    "Only the case's team records consents; break-glass reads.", client.request_id);
    if (!l) return tl::unexpected(l.error());
    auto persons = (*uow)->persons().OfCase(case_id);
    if (!persons) return tl::unexpected(persons.error());
    std::optional<orgs::Organisation> recipient;
    if (!input.recipient_organisation_id.empty() && input.recipient_organisation_id.size() <= 64) {
      auto found = (*uow)->organisations().Find(input.recipient_organisation_id);
      if (!found) return tl::unexpected(found.error());
      recipient = std::move(*found);
    }
    before = Before{std::move(*l), std::move(*persons), std::move(recipient)};
  }
  const std::string& org = before->loaded.row.organisation_id;
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  Problems p;
  referrals::Consent consent = ConsentFromInput(input, p);
  consent.id = ctx.ids.NewId();
  consent.taken_by = caller.actor.user_id;
  const ports::CasePerson* found = nullptr;
  for (const auto& cp : before->persons) {
    if (cp.person.id == input.person_id) found = &cp;
  }
  cases::Person person;  // whose consent it is, opened for the language rules
  person.id = input.person_id;
  if (!input.person_id.empty()) {
    if (!found) {
      p.Add("person_id", "not_in_case", "No such person in this case.");
    } else if (found->person.merged_into) {
      p.Add("person_id", "person_merged",
            "This record was merged into another one (" + *found->person.merged_into +
                "); record there.");
    } else {
      auto opened = OpenCasePerson(ctx, *found);
      if (!opened) return tl::unexpected(opened.error());
      person = std::move(opened->person);
    }
  }
  CheckConsentRecipient(input.recipient_organisation_id, before->recipient, org, p);
  if (auto st = referrals::ValidateConsent(consent, person, LookupsOf(ctx), today); !st) {
    for (const auto& f : st.error().fields) {
      bool seen = false;  // ConsentFromInput names some rules already
      for (const auto& q : p.items()) seen = seen || (q.field == f.field && q.rule == f.rule);
      if (!seen) p.Add(f.field, f.rule, f.detail);
    }
  }
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());

  ports::ConsentRow row;
  row.id = consent.id;
  row.organisation_id = org;
  row.case_id = case_id;
  row.person_id = consent.person_id;
  row.recipient_organisation_id = consent.recipient_organisation_id;
  row.purpose = std::string(referrals::ToString(consent.purpose));
  for (auto s : consent.sections) row.sections.emplace_back(access::ToString(s));
  row.given_on = consent.given_on;
  row.form = std::string(referrals::ToString(consent.form));
  row.language = consent.language;
  row.taken_by = consent.taken_by;
  row.created_at_us = NowUs(ctx);
  // How it was given, in the conversation record's format; sealed before the
  // write transaction (sealing may create a data key).
  if (consent.interpreter || !input.note.empty()) {
    cases::Conversation how{consent.given_on, consent.taken_by, consent.language,
                            consent.interpreter, input.note};
    auto sealed =
        Security(ctx).cipher.Seal(ConsentBodyAt(org, row.id), ctx.codec->EncodeConversation(how));
    if (!sealed) return tl::unexpected(sealed.error());
    row.body_sealed = std::move(*sealed);
  }
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    if (auto st = db.consents().Insert(row); !st) return tl::unexpected(st.error());
    NewEntry entry{kRecorded,
                   access::Section::kSupport,
                   row.person_id,
                   row.id,
                   {{"recipient_organisation_id", row.recipient_organisation_id},
                    {"purpose", row.purpose},
                    {"sections", Joined(row.sections)},
                    {"given_on", FormatIsoDate(row.given_on)},
                    {"form", row.form}}};
    if (auto e = AppendEntry(db, ctx, caller, case_id, std::move(entry)); !e) {
      return tl::unexpected(e.error());
    }
    if (auto c = db.Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kRecorded, "allowed", client.request_id);
  auto object = Object("case", case_id, org);
  object.sections = {"support"};
  e.objects.push_back(std::move(object));
  e.objects.push_back(Object("person", row.person_id, org));
  e.objects.push_back(Object("consent", row.id, org));
  e.purpose = "assignment";
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  ConsentView v;
  v.consent = std::move(consent);
  v.case_id = case_id;
  v.organisation_id = org;
  v.person_code = found ? found->person.code : "";
  v.recipient_name = before->recipient ? before->recipient->data.name : "";
  v.note = input.note;
  v.recorded_at_us = row.created_at_us;
  v.version = row.version;
  return v;
}

Result<std::vector<ConsentView>> ListConsents(const Context& ctx, const Caller& caller,
                                              const std::string& case_id,
                                              const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  std::optional<LoadedCase> loaded;
  std::vector<ports::ConsentRow> rows;
  std::map<std::string, std::string> codes;
  std::map<std::string, std::string> names;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::string owner;
    auto l = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
    if (!l) {
      uow->reset();
      return tl::unexpected(
          AuditDenied(ctx, caller, kRead, case_id, owner, l.error(), client.request_id));
    }
    loaded = std::move(*l);
    auto found = (*uow)->consents().OfCase(case_id);
    if (!found) return tl::unexpected(found.error());
    rows = std::move(*found);
    auto persons = (*uow)->persons().OfCase(case_id);
    if (!persons) return tl::unexpected(persons.error());
    for (const auto& cp : *persons) codes[cp.person.id] = cp.person.code;
    std::set<std::string> recipients;
    for (const auto& r : rows) recipients.insert(r.recipient_organisation_id);
    for (const auto& id : recipients) {
      auto o = (*uow)->organisations().Find(id);
      if (!o) return tl::unexpected(o.error());
      if (*o) names[id] = (*o)->data.name;
    }
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kRead, "allowed", client.request_id);
  auto object = Object("case", case_id, loaded->row.organisation_id);
  object.sections = {"support"};
  e.objects.push_back(std::move(object));
  std::vector<ConsentView> out;
  for (const auto& row : rows) {
    auto v = OpenConsent(ctx, row, codes, names);
    if (!v) return tl::unexpected(v.error());
    e.objects.push_back(Object("consent", row.id, row.organisation_id));
    out.push_back(std::move(*v));
  }
  SetReadPurpose(e, *loaded);
  // Durable before the consents are returned.
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app
