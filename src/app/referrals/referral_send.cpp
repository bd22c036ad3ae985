// SendReferral (referrals.hpp), from any source (SendReferralFrom,
// referral_source.hpp): authorise on the source, read and decide the
// disclosure and snapshot the package in one read unit of work, seal the
// package, the justification and the notices, then write the referral, its
// package, its first step, the source's history entry (a case's timeline)
// and the notices in one write transaction, and audit the disclosure.
#include <optional>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/referrals/consent_support.hpp"
#include "app/referrals/referral_pieces.hpp"
#include "app/referrals/referral_source.hpp"
#include "app/referrals/referral_support.hpp"
#include "core/stockholm_date.hpp"
#include "domain/referrals/lifecycle.hpp"
#include "domain/referrals/referral_decision.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace referral_internal;

namespace {

constexpr const char* kSent = "referral.sent";
constexpr const char* kRefused = "The referral cannot be sent as it is.";

// What the read unit of work settles before anything is sealed or written.
struct Prepared {
  std::string sender_organisation_id;
  std::string recipient_organisation_id;
  std::vector<std::string> recipient_workers;  // the recipient's case-working users
  referrals::ApprovedScope scope;
  referrals::ReferralProgress progress;
  std::string delivery;  // in_app | other_means
  std::string snapshot;  // the package's plaintext
};

// The consent relied on, if one is named: a consent recorded on this source, opened.
Result<std::optional<referrals::Consent>> ConsentOf(const Context& ctx, ports::UnitOfWork& uow,
                                                    const ReferralSource& source,
                                                    const std::string& source_id,
                                                    const NewReferral& input, Problems& p) {
  if (!input.consent_id || input.consent_id->empty()) return std::nullopt;
  std::optional<ports::ConsentRow> row;
  if (input.consent_id->size() <= 64) {
    auto found = uow.consents().Find(*input.consent_id);
    if (!found) return tl::unexpected(found.error());
    row = std::move(*found);
  }
  if (!row || !source.HoldsConsent(*row, source_id)) {
    p.Add("consent_id", "unknown_consent", "No such consent recorded on this case.");
    return std::nullopt;
  }
  auto view = consent_internal::OpenConsent(ctx, *row, {}, {});
  if (!view) return tl::unexpected(view.error());
  return std::optional<referrals::Consent>(std::move(view->consent));
}

// Reads the source, the person, the recipient and the consent, decides the
// disclosure and builds the package's snapshot, in one read unit of work.
Result<Prepared> Prepare(const Context& ctx, const Caller& caller, const ReferralSource& source,
                         const std::string& source_id, const NewReferral& input, CivilDate today,
                         const ClientInfo& client) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto from = source.AuthoriseSend(*uow, ctx, caller, source_id, kSent, client.request_id);
  if (!from) return tl::unexpected(from.error());
  auto& db = **uow;
  Problems p;
  const ReferralChoice choice = ParseChoice(input, p);
  auto facts = source.PersonFacts(ctx, db, *from, input.person_id, today, p);
  if (!facts) return tl::unexpected(facts.error());
  std::optional<orgs::Organisation> recipient;
  const std::string& recipient_id = input.recipient_organisation_id;
  if (!recipient_id.empty()) {
    if (recipient_id.size() <= 64) {
      auto found = db.organisations().FindWithoutLists(recipient_id);
      if (!found) return tl::unexpected(found.error());
      recipient = std::move(*found);
    }
    if (!recipient) {
      p.Add("recipient_organisation_id", "unknown_organisation",
            "No such organisation in the directory.");
    }
  }
  auto consent = ConsentOf(ctx, db, source, source_id, input, p);
  if (!consent) return tl::unexpected(consent.error());
  if (auto st = p.ToStatus(kRefused); !st) return tl::unexpected(st.error());
  if (!*facts) return Internal("The source gave no person and no problem.");

  referrals::DisclosureDraft draft;
  draft.sender = {from->owner_organisation_id, from->owner_kind};
  if (recipient) {
    draft.recipient = {recipient->id, recipient->data.kind, recipient->data.active};
  }
  draft.facts = std::move(**facts);
  draft.facts.immediate_danger = input.immediate_danger;
  draft.purpose = *choice.purpose;
  draft.sections = choice.sections;
  draft.basis = {choice.basis, std::move(*consent), input.justification};
  auto scope = referrals::DecideDisclosure(draft, today, ctx.case_rules->disclosure_bases);
  if (!scope) return tl::unexpected(scope.error());
  auto progress = referrals::StartReferral(from->owner_organisation_id, recipient->id,
                                           draft.purpose, today, ctx.case_rules->referral_purposes);
  if (!progress) return tl::unexpected(progress.error());
  auto workers = CaseWorkersOf(db, recipient->id);
  if (!workers) return tl::unexpected(workers.error());
  const bool to_authority = orgs::IsPublicAuthority(recipient->data.kind);
  auto snapshot =
      source.Snapshot(ctx, db, source_id, draft.facts.person_id, *scope, today, to_authority);
  if (!snapshot) return tl::unexpected(snapshot.error());
  Prepared out;
  out.sender_organisation_id = from->owner_organisation_id;
  out.recipient_organisation_id = recipient->id;
  out.recipient_workers = std::move(*workers);
  out.scope = std::move(*scope);
  out.progress = std::move(*progress);
  out.delivery = DeliveryFor(choice.delivery, !out.recipient_workers.empty());
  out.snapshot = std::move(*snapshot);
  return out;
}

ports::ReferralRow RowOf(const Prepared& d, const ReferralSource& source,
                         const std::string& source_id, const std::string& person_id,
                         const std::string& sent_by, long long now_us) {
  ports::ReferralRow row;
  row.sender_organisation_id = d.sender_organisation_id;
  row.source_kind = std::string(source.Kind());
  row.source_id = source_id;
  row.person_id = person_id;
  row.recipient_organisation_id = d.recipient_organisation_id;
  row.purpose = std::string(referrals::ToString(d.progress.purpose));
  for (auto s : d.scope.sections) row.sections.emplace_back(access::ToString(s));
  for (auto s : d.scope.withheld) row.withheld.emplace_back(access::ToString(s));
  row.strip_places = d.scope.strip_places;
  row.protected_warning = d.scope.warn_recipient_protected;
  row.basis_code = std::string(referrals::ToString(d.scope.basis.code));
  row.basis_valid_from = d.scope.basis.valid_from;
  row.consent_id = d.scope.consent_id;
  row.status = "sent";
  row.sent_on = d.progress.sent_on;
  row.respond_by = d.progress.respond_by;
  row.sent_by = sent_by;
  row.delivery = d.delivery;
  row.created_at_us = now_us;
  row.updated_at_us = now_us;
  row.version = 1;
  return row;
}

// The next code of the year, taken in a transaction of its own once the
// referral is decided: the notices carry the code and are sealed before the
// referral's write transaction opens. A send that fails later leaves a gap
// in the numbers, never a repeat.
Result<std::string> TakeCode(const Context& ctx, int year) {
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto n = (*uow)->referrals().NextCodeNumber(year);
  if (!n) return tl::unexpected(n.error());
  if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  return ReferralCode(year, *n);
}

}  // namespace

Result<ReferralView> SendReferral(const Context& ctx, const Caller& caller,
                                  const std::string& case_id, const NewReferral& input,
                                  const ClientInfo& client) {
  const ReferralSource* source = SourceOfKind(kCaseSource);
  if (!source) return Internal("No case source of referrals.");
  return SendReferralFrom(ctx, caller, *source, case_id, input, client);
}

namespace referral_internal {

Result<ReferralView> SendReferralFrom(const Context& ctx, const Caller& caller,
                                      const ReferralSource& source, const std::string& source_id,
                                      const NewReferral& input, const ClientInfo& client) {
  if (auto st = case_internal::RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec || !ctx.case_rules) return Internal("No record codec or case rules.");
  ports::PackageSealer* packages = Security(ctx).packages;
  if (!packages) return Internal("No package sealer.");
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  auto prepared = Prepare(ctx, caller, source, source_id, input, today, client);
  if (!prepared) return tl::unexpected(prepared.error());
  const long long now_us = NowUs(ctx);
  ports::ReferralRow row =
      RowOf(*prepared, source, source_id, input.person_id, caller.actor.user_id, now_us);
  row.id = ctx.ids.NewId();

  // Sealed before the write transaction (sealing may create keys). Sent by
  // other means, the package is sealed to the sender, which prints it.
  const std::string& sealed_to =
      row.delivery == kInApp ? row.recipient_organisation_id : row.sender_organisation_id;
  auto package = packages->Seal(sealed_to, row.id, prepared->snapshot);
  if (!package) return tl::unexpected(package.error());
  prepared->snapshot.clear();
  if (!prepared->scope.justification.empty()) {
    auto sealed = Security(ctx).cipher.Seal(JustificationAt(row.sender_organisation_id, row.id),
                                            prepared->scope.justification);
    if (!sealed) return tl::unexpected(sealed.error());
    row.justification_sealed = std::move(*sealed);
  }
  auto code = TakeCode(ctx, today.year);
  if (!code) return tl::unexpected(code.error());
  row.code = std::move(*code);
  std::vector<ports::NotificationRecord> notices;
  if (row.delivery == kInApp) {
    auto n = NoticesTo(ctx, prepared->recipient_workers, row.recipient_organisation_id,
                       "referral_received", row.id, caller.actor.user_id, row.code);
    if (!n) return tl::unexpected(n.error());
    notices = std::move(*n);
  }
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    if (auto st = db.referrals().Insert(row); !st) return tl::unexpected(st.error());
    if (auto st = db.referrals().PutPackage(row.id, *package); !st) {
      return tl::unexpected(st.error());
    }
    if (auto st = db.referrals().AppendStep(row.id, "sent", now_us, caller.actor.user_id,
                                            row.sender_organisation_id);
        !st) {
      return tl::unexpected(st.error());
    }
    if (auto st = source.RecordStep(db, ctx, caller, row, kSent, SentEntryDetails(row)); !st) {
      return tl::unexpected(st.error());
    }
    for (const auto& n : notices) {
      if (auto st = db.notifications().Insert(n); !st) return tl::unexpected(st.error());
    }
    if (auto c = db.Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = Audit(ctx, DisclosureEvent(ctx, caller, kSent, row, client.request_id)); !st) {
    return tl::unexpected(st.error());
  }
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return ViewOf(ctx, **uow, row, ReferralSide::kSender, true);
}

}  // namespace referral_internal

}  // namespace opennrm::app
