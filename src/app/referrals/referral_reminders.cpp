// SendReferralReminders (referrals.hpp): the referrals still awaiting an
// answer after their deadline, each reminded of once. The reminder is
// claimed in the database (the reminders table of case management) in the
// same transaction as its notices and its step, so it goes out once
// whatever restarts or servers there are. A referral whose history holds a
// reminder is skipped before anything is sealed, so the job stays cheap
// while old referrals wait.
#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/referrals/referral_source.hpp"
#include "app/referrals/referral_support.hpp"
#include "core/stockholm_date.hpp"
#include "core/stockholm_date_math.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace referral_internal;

namespace {

constexpr const char* kOverdue = "referral_overdue";

struct DueReferral {
  ports::ReferralRow row;
  std::vector<std::string> sender_users;     // the source's team (ReferralSource::TeamOf)
  std::vector<std::string> recipient_users;  // the recipient's case-working users
};

bool Reminded(const std::vector<ports::ReferralStepRow>& steps) {
  return std::any_of(steps.begin(), steps.end(),
                     [](const auto& s) { return s.step == "reminder"; });
}

// The overdue referrals not yet reminded of, with whom to tell.
Result<std::vector<DueReferral>> Collect(const Context& ctx, CivilDate today) {
  std::vector<DueReferral> out;
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto& db = **uow;
  // Due by yesterday: still sent the day after its deadline.
  auto rows = db.referrals().OpenDueBy(AddDays(today, -1));
  if (!rows) return tl::unexpected(rows.error());
  for (auto& row : *rows) {
    auto steps = db.referrals().Steps(row.id);
    if (!steps) return tl::unexpected(steps.error());
    if (Reminded(*steps)) continue;
    DueReferral d;
    if (const ReferralSource* from = SourceOfKind(row.source_kind)) {
      auto team = from->TeamOf(db, row.source_id);
      if (!team) return tl::unexpected(team.error());
      d.sender_users = std::move(*team);
    }
    auto workers = CaseWorkersOf(db, row.recipient_organisation_id);
    if (!workers) return tl::unexpected(workers.error());
    d.recipient_users = std::move(*workers);
    d.row = std::move(row);
    out.push_back(std::move(d));
  }
  return out;
}

// Reminds both sides of one referral unless another run claimed it or it
// was answered meanwhile; whether it did.
Result<bool> Remind(const Context& ctx, const DueReferral& d, long long now_us) {
  const ports::ReferralRow& row = d.row;
  // Sealed before the write transaction (sealing may create a data key).
  auto to_sender =
      NoticesTo(ctx, d.sender_users, row.sender_organisation_id, kOverdue, row.id, "", row.code);
  if (!to_sender) return tl::unexpected(to_sender.error());
  auto to_recipient = NoticesTo(ctx, d.recipient_users, row.recipient_organisation_id, kOverdue,
                                row.id, "", row.code);
  if (!to_recipient) return tl::unexpected(to_recipient.error());
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto& db = **uow;
  auto now = db.referrals().Find(row.id);
  if (!now) return tl::unexpected(now.error());
  if (!*now || (*now)->status != "sent") return false;  // answered meanwhile: rolls back
  auto claimed = db.case_clocks().ClaimReminder(row.id, "overdue", row.respond_by, now_us);
  if (!claimed) return tl::unexpected(claimed.error());
  if (!*claimed) return false;  // sent before: the unit of work rolls back
  for (const auto* notices : {&*to_sender, &*to_recipient}) {
    for (const auto& n : *notices) {
      if (auto st = db.notifications().Insert(n); !st) return tl::unexpected(st.error());
    }
  }
  // Taken by no user; recorded under the sender, whose process it is.
  if (auto st =
          db.referrals().AppendStep(row.id, "reminder", now_us, "", row.sender_organisation_id);
      !st) {
    return tl::unexpected(st.error());
  }
  if (auto st = db.Commit(); !st) return tl::unexpected(st.error());
  return true;
}

}  // namespace

Result<int> SendReferralReminders(const Context& ctx, long long now_us) {
  const CivilDate today = StockholmDateOf(FromEpochMicros(now_us));
  auto due = Collect(ctx, today);
  if (!due) return tl::unexpected(due.error());
  int reminded = 0;
  for (const auto& d : *due) {
    auto sent = Remind(ctx, d, now_us);
    if (!sent) return tl::unexpected(sent.error());
    if (*sent) ++reminded;
  }
  return reminded;
}

}  // namespace opennrm::app
