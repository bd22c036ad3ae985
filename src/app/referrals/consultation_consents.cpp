// The consents and referrals of a consultation (consultation_consents.hpp):
// authorise on the consultation, check, seal, write, audit; sending and
// listing referrals through the consultation source (SendReferralFrom,
// ListReferralsSentFrom).
#include "app/referrals/consultation_consents.hpp"

#include <map>
#include <optional>
#include <set>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_lookups.hpp"
#include "app/referrals/consent_support.hpp"
#include "app/referrals/referral_source_consultation.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace consent_internal;
using namespace referral_internal;

namespace {

constexpr const char* kRecorded = "consent.recorded";
constexpr const char* kRead = "consent.list_read";
constexpr const char* kSent = "referral.sent";

// Problems of `from` not yet in `p` (the input's reading names some rules already).
void AddUnseen(const Error& from, Problems& p) {
  for (const auto& f : from.fields) {
    bool seen = false;
    for (const auto& q : p.items()) seen = seen || (q.field == f.field && q.rule == f.rule);
    if (!seen) p.Add(f.field, f.rule, f.detail);
  }
}

// The person a consultation describes, for the consent's rules: known by the
// consultation's id; their languages are not recorded, so the consent's
// (or its interpreter's) language is taken as understood.
cases::Person DescribedPerson(const std::string& consultation_id, const referrals::Consent& c) {
  cases::Person person;
  person.id = consultation_id;
  person.languages.push_back(c.language);
  if (c.interpreter) person.languages.push_back(c.interpreter->language);
  return person;
}

}  // namespace

Result<ConsentView> RecordConsultationConsent(const Context& ctx, const Caller& caller,
                                              const std::string& consultation_id,
                                              const NewConsent& input, const ClientInfo& client) {
  if (auto st = case_internal::RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  std::string org;
  std::optional<orgs::Organisation> recipient;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto row =
        LoadConsultationAudited(*uow, ctx, caller, consultation_id, kRecorded, client.request_id);
    if (!row) return tl::unexpected(row.error());
    org = row->organisation_id;
    const std::string& id = input.recipient_organisation_id;
    if (!id.empty() && id.size() <= 64) {
      auto found = (*uow)->organisations().Find(id);
      if (!found) return tl::unexpected(found.error());
      recipient = std::move(*found);
    }
  }
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  Problems p;
  referrals::Consent consent = ConsentFromInput(input, p);
  consent.id = ctx.ids.NewId();
  consent.person_id = consultation_id;  // for the checks; no person record is named
  consent.taken_by = caller.actor.user_id;
  CheckConsentRecipient(input.recipient_organisation_id, recipient, org, p);
  const cases::Person person = DescribedPerson(consultation_id, consent);
  if (auto st = referrals::ValidateConsent(consent, person, case_internal::LookupsOf(ctx), today);
      !st) {
    AddUnseen(st.error(), p);
  }
  consent.person_id.clear();
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());

  ports::ConsentRow row;
  row.id = consent.id;
  row.organisation_id = org;
  row.consultation_id = consultation_id;  // case_id and person_id stay ""
  row.recipient_organisation_id = consent.recipient_organisation_id;
  row.purpose = std::string(referrals::ToString(consent.purpose));
  for (auto s : consent.sections) row.sections.emplace_back(access::ToString(s));
  row.given_on = consent.given_on;
  row.form = std::string(referrals::ToString(consent.form));
  row.language = consent.language;
  row.taken_by = consent.taken_by;
  row.created_at_us = NowUs(ctx);
  // As RecordConsent keeps it; sealed before the write transaction.
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
    if (auto st = (*uow)->consents().Insert(row); !st) return tl::unexpected(st.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kRecorded, "allowed", client.request_id);
  e.objects.push_back(ConsultationObject(consultation_id, org));
  e.objects.push_back(Object("consent", row.id, org));
  e.purpose = kHotlinePurpose;
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  ConsentView v;
  v.consent = std::move(consent);
  v.consultation_id = consultation_id;
  v.organisation_id = org;
  v.recipient_name = recipient ? recipient->data.name : "";
  v.note = input.note;
  v.recorded_at_us = row.created_at_us;
  v.version = row.version;
  return v;
}

Result<std::vector<ConsentView>> ListConsultationConsents(const Context& ctx, const Caller& caller,
                                                          const std::string& consultation_id,
                                                          const ClientInfo& client) {
  if (auto st = case_internal::RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  std::string org;
  std::vector<ports::ConsentRow> rows;
  std::map<std::string, std::string> names;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto row =
        LoadConsultationAudited(*uow, ctx, caller, consultation_id, kRead, client.request_id);
    if (!row) return tl::unexpected(row.error());
    org = row->organisation_id;
    auto found = (*uow)->consents().OfConsultation(consultation_id);
    if (!found) return tl::unexpected(found.error());
    rows = std::move(*found);
    std::set<std::string> recipients;
    for (const auto& r : rows) recipients.insert(r.recipient_organisation_id);
    for (const auto& id : recipients) {
      auto o = (*uow)->organisations().Find(id);
      if (!o) return tl::unexpected(o.error());
      if (*o) names[id] = (*o)->data.name;
    }
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kRead, "allowed", client.request_id);
  e.objects.push_back(ConsultationObject(consultation_id, org));
  std::vector<ConsentView> out;
  for (const auto& row : rows) {
    auto v = OpenConsent(ctx, row, {}, names);
    if (!v) return tl::unexpected(v.error());
    e.objects.push_back(Object("consent", row.id, row.organisation_id));
    out.push_back(std::move(*v));
  }
  e.purpose = kHotlinePurpose;
  // Durable before the consents are returned.
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

Result<ReferralView> SendConsultationReferral(const Context& ctx, const Caller& caller,
                                              const std::string& consultation_id,
                                              const NewReferral& input, const ClientInfo& client) {
  const ReferralSource* source = SourceOfKind(kConsultationSource);
  if (!source) return Internal("No consultation source of referrals.");
  Problems p;
  CheckConsultationSections(input.sections, p);
  if (!p.empty()) {
    // Told only to whom may send from the consultation; a refusal as the send's.
    if (auto st = case_internal::RequireUser(caller); !st) return tl::unexpected(st.error());
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto from = source->AuthoriseSend(*uow, ctx, caller, consultation_id, kSent, client.request_id);
    if (!from) return tl::unexpected(from.error());
    if (auto st = p.ToStatus("The referral cannot be sent as it is."); !st) {
      return tl::unexpected(st.error());
    }
  }
  NewReferral in = input;
  in.person_id = consultation_id;  // the person the consultation describes
  return SendReferralFrom(ctx, caller, *source, consultation_id, in, client);
}

Result<std::vector<ReferralView>> ListConsultationReferrals(const Context& ctx,
                                                            const Caller& caller,
                                                            const std::string& consultation_id,
                                                            const ClientInfo& client) {
  const ReferralSource* source = SourceOfKind(kConsultationSource);
  if (!source) return Internal("No consultation source of referrals.");
  return ListReferralsSentFrom(ctx, caller, *source, consultation_id, client);
}

}  // namespace opennrm::app
