// The sender's side beyond sending (referrals.hpp): the rules the referral
// dialog offers, the referrals sent from a source (a case), and withdrawing
// one not yet answered (its source's history told through ReferralSource).
#include <memory>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/referrals/referral_pieces.hpp"
#include "app/referrals/referral_source.hpp"
#include "app/referrals/referral_support.hpp"
#include "core/stockholm_date.hpp"
#include "domain/referrals/lifecycle.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace referral_internal;

namespace {

constexpr const char* kListRead = "referral.list_read";
constexpr const char* kWithdrawn = "referral.withdrawn";

}  // namespace

Result<ReferralRulesView> ReferralRules(const Context& ctx, const Caller& caller) {
  if (auto st = case_internal::RequireUser(caller); !st) return tl::unexpected(st.error());
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
  const ReferralSource* source = SourceOfKind(kCaseSource);
  if (!source) return Internal("No case source of referrals.");
  return ListReferralsSentFrom(ctx, caller, *source, case_id, client);
}

Result<std::vector<ReferralView>> referral_internal::ListReferralsSentFrom(
    const Context& ctx, const Caller& caller, const ReferralSource& source,
    const std::string& source_id, const ClientInfo& client) {
  if (auto st = case_internal::RequireUser(caller); !st) return tl::unexpected(st.error());
  std::optional<SourceAccess> from;
  std::vector<ReferralView> out;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::string owner;
    auto s = source.AuthoriseRead(**uow, ctx, caller, source_id, false, &owner);
    if (!s) {
      uow->reset();
      return tl::unexpected(AuditRefusal(ctx, caller, kListRead, source.Kind(), source_id, owner,
                                         s.error(), client.request_id));
    }
    from = std::move(*s);
    auto rows = (*uow)->referrals().SentFromCase(std::string(source.Kind()), source_id);
    if (!rows) return tl::unexpected(rows.error());
    for (const auto& row : *rows) {
      auto v = ViewOf(ctx, **uow, row, ReferralSide::kSender, true);
      if (!v) return tl::unexpected(v.error());
      out.push_back(std::move(*v));
    }
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kListRead, "allowed", client.request_id);
  e.objects.push_back(source.ListedObject(*from));
  for (const auto& v : out) {
    e.objects.push_back(Object("referral", v.id, v.sender_organisation_id));
  }
  e.purpose = from->read_purpose;
  e.reason_id = from->reason_id;
  // Durable before the referrals are returned.
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

Result<ReferralView> WithdrawReferral(const Context& ctx, const Caller& caller,
                                      const std::string& referral_id, long long expected_version,
                                      const ClientInfo& client) {
  if (auto st = case_internal::RequireUser(caller); !st) return tl::unexpected(st.error());
  ports::ReferralRow row;
  const ReferralSource* from = nullptr;
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
          Refused(ctx, caller, kWithdrawn, referral_id, loaded.error(), client.request_id));
    }
    row = std::move(loaded->row);
    from = loaded->from;
    if (!from) return Internal("A referral's sender side has no source.");
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
    if (auto st = from->RecordStep(db, ctx, caller, row, kWithdrawn,
                                   {{"referral_code", row.code},
                                    {"recipient_organisation_id", row.recipient_organisation_id}});
        !st) {
      return tl::unexpected(st.error());
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
  return ViewOf(ctx, **uow, row, ReferralSide::kSender, true);
}

}  // namespace opennrm::app
