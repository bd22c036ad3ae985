// The sender's side beyond sending (referrals.hpp): the rules the referral
// dialog offers, the referrals sent from a case, and withdrawing one not
// yet answered.
#include <memory>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/note_support.hpp"
#include "app/referrals/referral_pieces.hpp"
#include "app/referrals/referral_support.hpp"
#include "core/stockholm_date.hpp"
#include "domain/referrals/lifecycle.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;
using namespace referral_internal;

namespace {

constexpr const char* kListRead = "referral.list_read";
constexpr const char* kWithdrawn = "referral.withdrawn";

// Records a refused step on the referral asked for (outcome "denied"), then
// gives back `refusal`. Call it outside any write transaction.
Error AuditDeniedStep(const Context& ctx, const Caller& caller, const std::string& action,
                      const std::string& referral_id, Error refusal,
                      const std::string& request_id) {
  if (refusal.code != ErrorCode::kNotFound && refusal.code != ErrorCode::kForbidden) {
    return refusal;
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "denied", request_id);
  // Recorded as asked, without an owner: the caller may not know it.
  e.objects.push_back(Object("referral", referral_id.substr(0, 64), ""));
  if (auto st = Audit(ctx, std::move(e)); !st) return st.error();
  return refusal;
}

// The lifecycle's view of a stored referral; kInternal for unknown words.
Result<referrals::ReferralProgress> ProgressOf(const ports::ReferralRow& row) {
  auto purpose = referrals::ParsePurpose(row.purpose);
  auto status = referrals::ParseReferralStatus(row.status);
  if (!purpose || !status) return Internal("A stored referral has an unknown purpose or status.");
  referrals::ReferralProgress p;
  p.sender_organisation_id = row.sender_organisation_id;
  p.recipient_organisation_id = row.recipient_organisation_id;
  p.purpose = *purpose;
  p.status = *status;
  p.sent_on = row.sent_on;
  p.respond_by = row.respond_by;
  p.answered_on = row.answered_on;
  p.completed_on = row.completed_on;
  p.outcome = row.outcome;
  return p;
}

}  // namespace

Result<ReferralRulesView> ReferralRules(const Context& ctx, const Caller& caller) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (!ctx.case_rules) return Internal("No case rules.");
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  const orgs::Kind kind = caller.actor.organisation_kind;
  ReferralRulesView v;
  v.sender_kind = std::string(orgs::ToString(kind));
  for (const auto* rule : ctx.case_rules->disclosure_bases.Available(kind, today)) {
    v.bases.push_back(*rule);
  }
  v.purposes = ctx.case_rules->referral_purposes.rules();
  return v;
}

Result<std::vector<ReferralView>> ListSentReferrals(const Context& ctx, const Caller& caller,
                                                    const std::string& case_id,
                                                    const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  std::optional<LoadedCase> loaded;
  std::vector<ReferralView> out;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::string owner;
    auto l = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
    if (!l) {
      uow->reset();
      return tl::unexpected(
          AuditDenied(ctx, caller, kListRead, case_id, owner, l.error(), client.request_id));
    }
    loaded = std::move(*l);
    auto rows = (*uow)->referrals().SentFromCase("case", case_id);
    if (!rows) return tl::unexpected(rows.error());
    for (const auto& row : *rows) {
      auto v = referral_internal::ViewOf(ctx, **uow, row, ReferralSide::kSender, true);
      if (!v) return tl::unexpected(v.error());
      out.push_back(std::move(*v));
    }
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kListRead, "allowed", client.request_id);
  auto object = Object("case", case_id, loaded->row.organisation_id);
  object.sections = {"support"};
  e.objects.push_back(std::move(object));
  for (const auto& v : out) {
    e.objects.push_back(Object("referral", v.id, v.sender_organisation_id));
  }
  SetReadPurpose(e, *loaded);
  // Durable before the referrals are returned.
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

Result<ReferralView> WithdrawReferral(const Context& ctx, const Caller& caller,
                                      const std::string& referral_id, long long expected_version,
                                      const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  ports::ReferralRow row;
  std::vector<std::string> workers;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto loaded = LoadReferralFor(**uow, ctx, caller, referral_id, true);
    if (loaded && loaded->side != ReferralSide::kSender) {
      loaded = NotFound("No such referral.");  // the recipient declines instead
    }
    if (!loaded) {
      uow->reset();
      return tl::unexpected(
          AuditDeniedStep(ctx, caller, kWithdrawn, referral_id, loaded.error(), client.request_id));
    }
    row = std::move(loaded->row);
    auto w = CaseWorkersOf(**uow, row.recipient_organisation_id);
    if (!w) return tl::unexpected(w.error());
    workers = std::move(*w);
  }
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  auto progress = ProgressOf(row);
  if (!progress) return tl::unexpected(progress.error());
  auto withdrawn = referrals::Withdraw(*progress, caller.actor.organisation_id, today);
  if (!withdrawn) return tl::unexpected(withdrawn.error());
  if (row.version != expected_version) {
    return Fail(ErrorCode::kConflict,
                "The referral was changed by someone else; reload it and try again.");
  }
  const long long now_us = NowUs(ctx);
  row.status = std::string(referrals::ToString(withdrawn->status));
  row.answered_on = withdrawn->answered_on;
  row.answered_by = caller.actor.user_id;
  row.updated_at_us = now_us;
  row.version = expected_version + 1;
  // Sealed before the write transaction (sealing may create a data key).
  auto notices = NoticesTo(ctx, workers, row.recipient_organisation_id, "referral_withdrawn",
                           row.id, caller.actor.user_id, row.code);
  if (!notices) return tl::unexpected(notices.error());
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    if (auto st = db.referrals().Update(row, expected_version); !st) {
      return tl::unexpected(st.error());
    }
    if (auto gone = db.referrals().DeletePackage(row.id); !gone) {
      return tl::unexpected(gone.error());
    }
    if (auto st = db.referrals().AppendStep(row.id, "withdraw", now_us, caller.actor.user_id,
                                            caller.actor.organisation_id);
        !st) {
      return tl::unexpected(st.error());
    }
    NewEntry entry{kWithdrawn,
                   access::Section::kSupport,
                   row.person_id,
                   row.id,
                   {{"referral_code", row.code},
                    {"recipient_organisation_id", row.recipient_organisation_id}}};
    if (auto e = AppendEntry(db, ctx, caller, row.source_id, std::move(entry)); !e) {
      return tl::unexpected(e.error());
    }
    for (const auto& n : *notices) {
      if (auto st = db.notifications().Insert(n); !st) return tl::unexpected(st.error());
    }
    if (auto c = db.Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = Audit(ctx, DisclosureEvent(ctx, caller, kWithdrawn, row, client.request_id)); !st) {
    return tl::unexpected(st.error());
  }
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return referral_internal::ViewOf(ctx, **uow, row, ReferralSide::kSender, true);
}

}  // namespace opennrm::app
