// SendReferral (referrals.hpp): authorise on the case, read and decide the
// disclosure and snapshot the package in one read unit of work, seal the
// package, the justification and the notices, then write the referral, its
// package, its first step, the case's timeline entry and the notices in one
// write transaction, and audit the disclosure.
#include <optional>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/person_support.hpp"
#include "app/referrals/consent_support.hpp"
#include "app/referrals/referral_pieces.hpp"
#include "app/referrals/referral_support.hpp"
#include "app/referrals/snapshot.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/date_of_birth.hpp"
#include "domain/cases/person_role.hpp"
#include "domain/referrals/lifecycle.hpp"
#include "domain/referrals/referral_decision.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;
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

// The person of the case the referral is about; problems name "person_id".
const ports::CasePerson* PersonOf(const std::vector<ports::CasePerson>& persons,
                                  const std::string& person_id, Problems& p) {
  if (person_id.empty()) {
    p.Add("person_id", "required", "Choose the person the referral is about.");
    return nullptr;
  }
  for (const auto& cp : persons) {
    if (cp.person.id != person_id) continue;
    if (cp.person.merged_into) {
      p.Add("person_id", "person_merged",
            "This record was merged into another one (" + *cp.person.merged_into +
                "); refer from there.");
      return nullptr;
    }
    return &cp;
  }
  p.Add("person_id", "not_in_case", "No such person in this case.");
  return nullptr;
}

// The consent relied on, if one is named: a consent of this case, opened.
Result<std::optional<referrals::Consent>> ConsentOf(const Context& ctx, ports::UnitOfWork& uow,
                                                    const std::string& case_id,
                                                    const NewReferral& input, Problems& p) {
  if (!input.consent_id || input.consent_id->empty()) return std::nullopt;
  std::optional<ports::ConsentRow> row;
  if (input.consent_id->size() <= 64) {
    auto found = uow.consents().Find(*input.consent_id);
    if (!found) return tl::unexpected(found.error());
    row = std::move(*found);
  }
  if (!row || row->case_id != case_id) {
    p.Add("consent_id", "unknown_consent", "No such consent recorded on this case.");
    return std::nullopt;
  }
  auto view = consent_internal::OpenConsent(ctx, *row, {}, {});
  if (!view) return tl::unexpected(view.error());
  return std::optional<referrals::Consent>(std::move(view->consent));
}

// Reads the case, the person, the recipient and the consent, decides the
// disclosure and builds the package's snapshot, in one read unit of work.
Result<Prepared> Prepare(const Context& ctx, const Caller& caller, const std::string& case_id,
                         const NewReferral& input, CivilDate today, const ClientInfo& client) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto l =
      LoadForTeam(*uow, ctx, caller, case_id, access::Action::kRecordWrite, kSent,
                  "Only the case's team sends referrals; break-glass reads.", client.request_id);
  if (!l) return tl::unexpected(l.error());
  auto& db = **uow;
  Problems p;
  const ReferralChoice choice = ParseChoice(input, p);
  auto persons = db.persons().OfCase(case_id);
  if (!persons) return tl::unexpected(persons.error());
  const ports::CasePerson* person = PersonOf(*persons, input.person_id, p);
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
  auto consent = ConsentOf(ctx, db, case_id, input, p);
  if (!consent) return tl::unexpected(consent.error());
  if (auto st = p.ToStatus(kRefused); !st) return tl::unexpected(st.error());

  auto opened = OpenCasePerson(ctx, *person);
  if (!opened) return tl::unexpected(opened.error());
  referrals::DisclosureDraft draft;
  draft.sender = {l->row.organisation_id, l->resource.owner_kind};
  if (recipient) {
    draft.recipient = {recipient->id, recipient->data.kind, recipient->data.active};
  }
  draft.facts.person_id = person->person.id;
  draft.facts.owner_kind = l->resource.owner_kind;
  draft.facts.includes_offence_roles = cases::NeedsPublicAuthority(opened->role);
  draft.facts.protected_identity = person->person.protection != "none";
  draft.facts.may_be_child =
      cases::MayBeChild(opened->person.date_of_birth, opened->person.claimed_minor, today);
  draft.facts.immediate_danger = input.immediate_danger;
  draft.purpose = *choice.purpose;
  draft.sections = choice.sections;
  draft.basis = {choice.basis, std::move(*consent), input.justification};
  auto scope = referrals::DecideDisclosure(draft, today, ctx.case_rules->disclosure_bases);
  if (!scope) return tl::unexpected(scope.error());
  auto progress = referrals::StartReferral(l->row.organisation_id, recipient->id, draft.purpose,
                                           today, ctx.case_rules->referral_purposes);
  if (!progress) return tl::unexpected(progress.error());
  auto workers = CaseWorkersOf(db, recipient->id);
  if (!workers) return tl::unexpected(workers.error());
  const bool to_authority = orgs::IsPublicAuthority(recipient->data.kind);
  auto snapshot =
      BuildPackageSnapshot(ctx, db, case_id, person->person.id, *scope, today, to_authority);
  if (!snapshot) return tl::unexpected(snapshot.error());
  Prepared out;
  out.sender_organisation_id = l->row.organisation_id;
  out.recipient_organisation_id = recipient->id;
  out.recipient_workers = std::move(*workers);
  out.scope = std::move(*scope);
  out.progress = std::move(*progress);
  out.delivery = DeliveryFor(choice.delivery, !out.recipient_workers.empty());
  out.snapshot = std::move(*snapshot);
  return out;
}

ports::ReferralRow RowOf(const Prepared& d, const std::string& case_id,
                         const std::string& person_id, const std::string& sent_by,
                         long long now_us) {
  ports::ReferralRow row;
  row.sender_organisation_id = d.sender_organisation_id;
  row.source_kind = "case";
  row.source_id = case_id;
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
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.codec || !ctx.case_rules) return Internal("No record codec or case rules.");
  ports::PackageSealer* packages = Security(ctx).packages;
  if (!packages) return Internal("No package sealer.");
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  auto prepared = Prepare(ctx, caller, case_id, input, today, client);
  if (!prepared) return tl::unexpected(prepared.error());
  const long long now_us = NowUs(ctx);
  ports::ReferralRow row = RowOf(*prepared, case_id, input.person_id, caller.actor.user_id, now_us);
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
    NewEntry entry{kSent, access::Section::kSupport, row.person_id, row.id, SentEntryDetails(row)};
    if (auto e = AppendEntry(db, ctx, caller, case_id, std::move(entry)); !e) {
      return tl::unexpected(e.error());
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
  return referral_internal::ViewOf(ctx, **uow, row, ReferralSide::kSender, true);
}

}  // namespace opennrm::app
