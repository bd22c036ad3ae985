#include "domain/referrals/lifecycle.hpp"

#include <utility>

#include "domain/cases/checks.hpp"
#include "domain/cases/enum_names.hpp"

namespace opennrm::referrals {

namespace {

using N = std::string_view;

constexpr auto kStatuses =
    cases::detail::MakeNames<ReferralStatus>(std::pair{ReferralStatus::kSent, N("sent")},
                                             std::pair{ReferralStatus::kAccepted, N("accepted")},
                                             std::pair{ReferralStatus::kDeclined, N("declined")},
                                             std::pair{ReferralStatus::kWithdrawn, N("withdrawn")},
                                             std::pair{ReferralStatus::kCompleted, N("completed")});

constexpr auto kSteps = cases::detail::MakeNames<ReferralStep>(
    std::pair{ReferralStep::kAccept, N("accept")}, std::pair{ReferralStep::kDecline, N("decline")},
    std::pair{ReferralStep::kWithdraw, N("withdraw")},
    std::pair{ReferralStep::kComplete, N("complete")});

constexpr std::size_t kMaxReason = 2000;

// Steps on a day before the last dated event of the referral are refused.
void CheckNotBefore(CivilDate day, CivilDate earliest, const std::string& field,
                    const std::string& rule, Problems& p) {
  if (day < earliest) {
    p.Add(field, rule, "must not be before " + FormatIsoDate(earliest) + ".");
  }
}

Result<ReferralProgress> Answered(ReferralProgress progress, ReferralStep step, CivilDate today,
                                  Problems& p) {
  CheckNotBefore(today, progress.sent_on, "answered_on", "before_sent", p);
  if (!p.empty()) return tl::unexpected(p.ToStatus().error());
  progress.status = *NextStatus(progress.status, step);
  progress.answered_on = today;
  return progress;
}

Problems StepProblems(const ReferralProgress& progress, ReferralStep step, std::string_view actor) {
  Problems p;
  if (auto st = CheckStep(progress, step, actor); !st) {
    for (const auto& f : st.error().fields) p.Add(f.field, f.rule, f.detail);
  }
  return p;
}

}  // namespace

const std::vector<ReferralStatus>& AllReferralStatuses() {
  static const std::vector<ReferralStatus> kAll = kStatuses.All();
  return kAll;
}

std::string_view ToString(ReferralStatus status) { return kStatuses.Name(status); }

std::optional<ReferralStatus> ParseReferralStatus(std::string_view text) {
  return kStatuses.Parse(text);
}

bool IsFinal(ReferralStatus status) {
  return status == ReferralStatus::kDeclined || status == ReferralStatus::kWithdrawn ||
         status == ReferralStatus::kCompleted;
}

std::string_view ToString(ReferralStep step) { return kSteps.Name(step); }

Side WhoTakes(ReferralStep step) {
  return step == ReferralStep::kWithdraw ? Side::kSender : Side::kRecipient;
}

std::optional<ReferralStatus> NextStatus(ReferralStatus from, ReferralStep step) {
  switch (step) {
    case ReferralStep::kAccept:
      if (from == ReferralStatus::kSent) return ReferralStatus::kAccepted;
      break;
    case ReferralStep::kDecline:
      if (from == ReferralStatus::kSent) return ReferralStatus::kDeclined;
      break;
    case ReferralStep::kWithdraw:
      if (from == ReferralStatus::kSent) return ReferralStatus::kWithdrawn;
      break;
    case ReferralStep::kComplete:
      if (from == ReferralStatus::kAccepted) return ReferralStatus::kCompleted;
      break;
  }
  return std::nullopt;
}

Result<ReferralProgress> StartReferral(std::string sender_organisation_id,
                                       std::string recipient_organisation_id, Purpose purpose,
                                       CivilDate sent_on, const PurposeTable& purposes) {
  auto deadline = purposes.ResponseDeadline(purpose, sent_on);
  if (!deadline) return tl::unexpected(deadline.error());
  ReferralProgress p;
  p.sender_organisation_id = std::move(sender_organisation_id);
  p.recipient_organisation_id = std::move(recipient_organisation_id);
  p.purpose = purpose;
  p.sent_on = sent_on;
  p.respond_by = *deadline;
  return p;
}

Status CheckStep(const ReferralProgress& progress, ReferralStep step,
                 std::string_view actor_organisation_id) {
  Problems p;
  if (!NextStatus(progress.status, step)) {
    p.Add("status", "illegal_transition",
          "A referral that is " + std::string(ToString(progress.status)) +
              " cannot take the step '" + std::string(ToString(step)) + "'.");
  }
  if (WhoTakes(step) == Side::kRecipient) {
    if (actor_organisation_id != progress.recipient_organisation_id) {
      p.Add("organisation", "not_recipient", "Only the recipient organisation may do this.");
    }
  } else if (actor_organisation_id != progress.sender_organisation_id) {
    p.Add("organisation", "not_sender", "Only the sending organisation may do this.");
  }
  return p.ToStatus("The referral cannot take this step.");
}

Result<ReferralProgress> Accept(ReferralProgress progress, std::string_view actor,
                                CivilDate today) {
  Problems p = StepProblems(progress, ReferralStep::kAccept, actor);
  return Answered(std::move(progress), ReferralStep::kAccept, today, p);
}

Result<ReferralProgress> Decline(ReferralProgress progress, std::string_view actor, CivilDate today,
                                 std::string reason) {
  Problems p = StepProblems(progress, ReferralStep::kDecline, actor);
  cases::detail::CheckText(p, "reason", reason, kMaxReason, true);
  auto out = Answered(std::move(progress), ReferralStep::kDecline, today, p);
  if (out) out->decline_reason = std::move(reason);
  return out;
}

Result<ReferralProgress> Withdraw(ReferralProgress progress, std::string_view actor,
                                  CivilDate today) {
  Problems p = StepProblems(progress, ReferralStep::kWithdraw, actor);
  return Answered(std::move(progress), ReferralStep::kWithdraw, today, p);
}

Result<ReferralProgress> Complete(ReferralProgress progress, std::string_view actor,
                                  CivilDate completed_on, std::string outcome, CivilDate today,
                                  const PurposeTable& purposes) {
  Problems p = StepProblems(progress, ReferralStep::kComplete, actor);
  if (progress.answered_on) {
    CheckNotBefore(completed_on, *progress.answered_on, "completed_on", "before_accepted", p);
  }
  cases::detail::CheckNotFuture(p, "completed_on", completed_on, today);
  if (!purposes.IsOutcome(progress.purpose, outcome)) {
    p.Add("outcome", "unknown_outcome",
          "'" + outcome + "' is not an outcome of the purpose '" +
              std::string(ToString(progress.purpose)) + "'.");
  }
  if (!p.empty()) return tl::unexpected(p.ToStatus("The referral cannot be completed.").error());
  progress.status = ReferralStatus::kCompleted;
  progress.completed_on = completed_on;
  progress.outcome = std::move(outcome);
  return progress;
}

bool IsOverdue(const ReferralProgress& progress, CivilDate today) {
  return progress.status == ReferralStatus::kSent && progress.respond_by < today;
}

}  // namespace opennrm::referrals
