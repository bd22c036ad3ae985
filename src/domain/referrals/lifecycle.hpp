// The life of a referral once sent (issue 5 point 5): sent -> accepted or
// declined (with a reason) by the recipient; sent -> withdrawn by the sender
// (only before acceptance); accepted -> completed by the recipient (the
// purpose fulfilled: its date and an outcome code of the purpose table).
// Each step is a pure function: the new progress, or the rules it breaks
// ("status"/"illegal_transition", "organisation"/"not_recipient" or
// "not_sender", and the step's own fields). The response deadline comes from
// the purpose table. Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/referrals/purpose.hpp"
#include "domain/referrals/purpose_table.hpp"

namespace opennrm::referrals {

enum class ReferralStatus { kSent, kAccepted, kDeclined, kWithdrawn, kCompleted };
const std::vector<ReferralStatus>& AllReferralStatuses();
// "sent", "accepted", "declined", "withdrawn", "completed".
std::string_view ToString(ReferralStatus status);
std::optional<ReferralStatus> ParseReferralStatus(std::string_view text);

// Whether no step can follow (declined, withdrawn, completed).
bool IsFinal(ReferralStatus status);

enum class ReferralStep { kAccept, kDecline, kWithdraw, kComplete };
// "accept", "decline", "withdraw", "complete".
std::string_view ToString(ReferralStep step);

// Who takes a step: the recipient accepts, declines and completes; the
// sender withdraws.
enum class Side { kSender, kRecipient };
Side WhoTakes(ReferralStep step);
// The status `step` leads from `from`, or nullopt when it may not follow.
std::optional<ReferralStatus> NextStatus(ReferralStatus from, ReferralStep step);

struct ReferralProgress {
  std::string sender_organisation_id;
  std::string recipient_organisation_id;
  Purpose purpose = Purpose::kOther;
  ReferralStatus status = ReferralStatus::kSent;
  CivilDate sent_on;
  CivilDate respond_by;                  // the response deadline
  std::optional<CivilDate> answered_on;  // accepted, declined or withdrawn on
  std::string decline_reason;            // the recipient's reason (declined only)
  std::optional<CivilDate> completed_on;
  std::string outcome;  // an outcome code of the purpose (completed only)
};

// A referral just sent on `sent_on`, answered by the purpose's deadline
// (PurposeTable::ResponseDeadline); kInvalid "purpose"/"unknown_purpose".
Result<ReferralProgress> StartReferral(std::string sender_organisation_id,
                                       std::string recipient_organisation_id, Purpose purpose,
                                       CivilDate sent_on, const PurposeTable& purposes);

// Whether an organisation `actor_organisation_id` may take `step` now:
// "status"/"illegal_transition", "organisation"/"not_recipient" or "not_sender".
Status CheckStep(const ReferralProgress& progress, ReferralStep step,
                 std::string_view actor_organisation_id);

// The recipient accepts on `today`.
Result<ReferralProgress> Accept(ReferralProgress progress, std::string_view actor_organisation_id,
                                CivilDate today);
// The recipient declines on `today`; "reason"/"required" or "max_length".
Result<ReferralProgress> Decline(ReferralProgress progress, std::string_view actor_organisation_id,
                                 CivilDate today, std::string reason);
// The sender withdraws on `today` (only while sent).
Result<ReferralProgress> Withdraw(ReferralProgress progress, std::string_view actor_organisation_id,
                                  CivilDate today);
// The recipient records the purpose fulfilled on `completed_on` (not before
// acceptance, not after `today`: "completed_on"/"before_accepted",
// "not_future") with an outcome of the purpose ("outcome"/"unknown_outcome").
Result<ReferralProgress> Complete(ReferralProgress progress, std::string_view actor_organisation_id,
                                  CivilDate completed_on, std::string outcome, CivilDate today,
                                  const PurposeTable& purposes);

// Whether the referral still awaits an answer after its deadline on `today`
// (a reminder goes to both sides).
bool IsOverdue(const ReferralProgress& progress, CivilDate today);

}  // namespace opennrm::referrals
