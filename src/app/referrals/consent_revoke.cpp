// RevokeConsent (consents.hpp): authorise on the consent's case (or
// consultation), check the revocation, seal the reason and the notices,
// store the revocation, its timeline entry (a case's) and the notices to
// the recipients of the referrals that relied on the consent in one
// transaction, audit.
#include <set>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/referrals/consent_support.hpp"
#include "app/referrals/consents.hpp"
#include "app/referrals/referral_source_consultation.hpp"
#include "app/referrals/referral_support.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;
using namespace consent_internal;

namespace {

constexpr const char* kRevoked = "consent.revoked";

// The active case-working users of each recipient of `relying`.
Result<std::vector<RecipientUsers>> UsersOf(ports::UnitOfWork& uow,
                                            const std::vector<ports::ReferralRow>& relying) {
  std::set<std::string> orgs;
  for (const auto& r : relying) orgs.insert(r.recipient_organisation_id);
  std::vector<RecipientUsers> out;
  for (const auto& org : orgs) {
    auto users = referral_internal::CaseWorkersOf(uow, org);
    if (!users) return tl::unexpected(users.error());
    out.push_back(RecipientUsers{org, std::move(*users)});
  }
  return out;
}

}  // namespace

std::vector<ports::NotificationRecord> RevocationNotices(
    const std::vector<ports::ReferralRow>& relying, const std::vector<RecipientUsers>& users,
    const std::string& actor_user_id, long long now_us) {
  std::vector<ports::NotificationRecord> out;
  std::set<std::pair<std::string, std::string>> sent;  // (organisation, user)
  for (const auto& r : relying) {
    for (const auto& ru : users) {
      if (ru.organisation_id != r.recipient_organisation_id) continue;
      for (const auto& user_id : ru.user_ids) {
        if (!sent.insert({ru.organisation_id, user_id}).second) continue;
        ports::NotificationRecord n;
        n.user_id = user_id;
        n.organisation_id = ru.organisation_id;
        n.kind = "consent_revoked";
        n.subject_type = "referral";
        n.subject_id = r.id;
        n.actor_user_id = actor_user_id;
        n.created_at_us = now_us;
        out.push_back(std::move(n));
      }
    }
  }
  return out;
}

std::string RevocationNoticeDetail(const std::string& referral_code, CivilDate revoked_on) {
  return "The consent that referral " + referral_code + " relied on was revoked on " +
         FormatIsoDate(revoked_on) +
         ": it covers no further disclosure; do not pass the information on on that basis.";
}

Result<ConsentView> RevokeConsent(const Context& ctx, const Caller& caller,
                                  const std::string& consent_id,
                                  const ConsentRevocationInput& input, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec) return Internal("No record codec.");
  ports::ConsentRow row;
  std::vector<ports::ReferralRow> relying;
  std::vector<RecipientUsers> users;
  std::map<std::string, std::string> codes;
  std::map<std::string, std::string> names;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::optional<ports::ConsentRow> found;
    if (consent_id.size() <= 64) {
      auto f = (*uow)->consents().Find(consent_id);
      if (!f) return tl::unexpected(f.error());
      found = std::move(*f);
    }
    if (!found) return NotFound("No such consent.");
    row = std::move(*found);
    if (!row.consultation_id.empty()) {
      // Recorded on a consultation: the unit's hotline operators revoke it.
      auto c = referral_internal::LoadConsultationAudited(*uow, ctx, caller, row.consultation_id,
                                                          kRevoked, client.request_id);
      if (!c) return tl::unexpected(c.error());
    } else {
      auto l = LoadForTeam(*uow, ctx, caller, row.case_id, access::Action::kRecordWrite, kRevoked,
                           "Only the case's team records a revocation; break-glass reads.",
                           client.request_id);
      if (!l) return tl::unexpected(l.error());
      auto persons = (*uow)->persons().OfCase(row.case_id);
      if (!persons) return tl::unexpected(persons.error());
      for (const auto& cp : *persons) codes[cp.person.id] = cp.person.code;
    }
    auto r = (*uow)->referrals().RelyingOnConsent(row.id);
    if (!r) return tl::unexpected(r.error());
    relying = std::move(*r);
    auto u = UsersOf(**uow, relying);
    if (!u) return tl::unexpected(u.error());
    users = std::move(*u);
    auto o = (*uow)->organisations().Find(row.recipient_organisation_id);
    if (!o) return tl::unexpected(o.error());
    if (*o) names[row.recipient_organisation_id] = (*o)->data.name;
  }
  auto view = OpenConsent(ctx, row, codes, names);
  if (!view) return tl::unexpected(view.error());
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  referrals::ConsentRevocation revocation{input.revoked_on, caller.actor.user_id, input.reason};
  auto revoked = referrals::Revoke(view->consent, revocation, today);
  if (!revoked) return tl::unexpected(revoked.error());
  const long long now_us = NowUs(ctx);
  // Sealed before the write transaction (sealing may create a data key).
  auto& cipher = Security(ctx).cipher;
  const long long expected = row.version;
  row.revoked_on = input.revoked_on;
  row.revoked_by = caller.actor.user_id;
  row.version = expected + 1;
  if (!input.reason.empty()) {
    auto sealed = cipher.Seal(ConsentRevocationAt(row.organisation_id, row.id), input.reason);
    if (!sealed) return tl::unexpected(sealed.error());
    row.revocation_sealed = std::move(*sealed);
  }
  auto notices = RevocationNotices(relying, users, caller.actor.user_id, now_us);
  for (auto& n : notices) {
    n.id = ctx.ids.NewId();
    std::string code;
    for (const auto& r : relying) {
      if (r.id == n.subject_id) code = r.code;
    }
    auto sealed =
        cipher.Seal(ports::FieldLocation{n.organisation_id, "notifications", "detail", n.id},
                    RevocationNoticeDetail(code, input.revoked_on));
    if (!sealed) return tl::unexpected(sealed.error());
    n.detail_sealed = std::move(*sealed);
  }
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    if (auto st = db.consents().Update(row, expected); !st) return tl::unexpected(st.error());
    for (const auto& n : notices) {
      if (auto st = db.notifications().Insert(n); !st) return tl::unexpected(st.error());
    }
    if (row.consultation_id.empty()) {  // a consultation has no timeline: the audit tells
      NewEntry entry{kRevoked,
                     access::Section::kSupport,
                     row.person_id,
                     row.id,
                     {{"revoked_on", FormatIsoDate(input.revoked_on)},
                      {"referrals_notified", std::to_string(relying.size())}}};
      if (auto e = AppendEntry(db, ctx, caller, row.case_id, std::move(entry)); !e) {
        return tl::unexpected(e.error());
      }
    }
    if (auto c = db.Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kRevoked, "allowed", client.request_id);
  if (!row.consultation_id.empty()) {
    e.objects.push_back(
        referral_internal::ConsultationObject(row.consultation_id, row.organisation_id));
  } else {
    auto object = Object("case", row.case_id, row.organisation_id);
    object.sections = {"support"};
    e.objects.push_back(std::move(object));
    e.objects.push_back(Object("person", row.person_id, row.organisation_id));
  }
  e.objects.push_back(Object("consent", row.id, row.organisation_id));
  for (const auto& r : relying) {
    e.objects.push_back(Object("referral", r.id, r.sender_organisation_id));
  }
  e.purpose = row.consultation_id.empty() ? "assignment" : referral_internal::kHotlinePurpose;
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  view->consent = std::move(*revoked);
  view->version = row.version;
  return std::move(*view);
}

}  // namespace opennrm::app
