// What the referral use cases share (referral_send.cpp, referral_answer.cpp,
// ...): where a referral's free text is sealed, which side of a referral the
// caller is on, the view of a stored referral, the users told of a step, and
// the audit events of a step as a disclosure and of a refusal. The source a
// referral was sent from is known only through its ReferralSource
// (referral_source.hpp). Internal; thread-safe (no state of its own).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/referrals/referral_source.hpp"
#include "app/referrals/referrals.hpp"
#include "domain/audit/event.hpp"
#include "ports/database.hpp"
#include "ports/field_cipher.hpp"
#include "ports/notification_repository.hpp"
#include "ports/referral_repository.hpp"

namespace opennrm::app::referral_internal {

// (sender organisation, "referrals", "justification", id).
ports::FieldLocation JustificationAt(const std::string& sender_org, const std::string& id);
// (recipient organisation, "referrals", "decline", id).
ports::FieldLocation DeclineReasonAt(const std::string& recipient_org, const std::string& id);
// (organisation, "notifications", "detail", id): a notice's detail.
ports::FieldLocation NoticeDetailAt(const std::string& org, const std::string& id);

enum class ReferralSide { kSender, kRecipient };

struct LoadedReferral {
  ports::ReferralRow row;
  ReferralSide side = ReferralSide::kRecipient;
  // The sender's side: the source (row.source_kind's implementation) and
  // the caller's standing on it.
  const ReferralSource* from = nullptr;
  std::optional<SourceAccess> source;
};

// The referral and the caller's side of it, in `uow`:
//   - the sender's side when the caller may read the source
//     (ReferralSource::AuthoriseRead; for a write, `team_only`: on its team,
//     not by break-glass);
//   - the recipient's side when the caller is a user (not a token) of the
//     recipient organisation with a case role (access::HandlesCases).
// kNotFound ("No such referral.") for anyone else and for a missing one.
Result<LoadedReferral> LoadReferralFor(ports::UnitOfWork& uow, const Context& ctx,
                                       const Caller& caller, const std::string& referral_id,
                                       bool team_only);

// The view of `row` for `side` (referrals.hpp: sender-only fields left
// empty for the recipient), organisation and user names looked up in `uow`,
// the justification and decline reason opened, the basis entry found in the
// table by code, sender kind and valid_from, `overdue` against Stockholm
// today, and the steps when `with_steps`. kInternal when a sealed text
// cannot be opened.
Result<ReferralView> ViewOf(const Context& ctx, ports::UnitOfWork& uow,
                            const ports::ReferralRow& row, ReferralSide side, bool with_steps);

// The active users of `organisation_id` with a case role, by id.
Result<std::vector<std::string>> CaseWorkersOf(ports::UnitOfWork& uow,
                                               const std::string& organisation_id);

// One notice per user in `user_ids` (each once) of `organisation_id`: kind
// `kind` ("referral_received", "referral_accepted", "referral_declined",
// "referral_withdrawn", "referral_completed", "referral_overdue"), subject
// ("referral", referral id), detail `detail` (no personal data: the
// referral's code) sealed under the organisation's key. Seals: call before
// a write transaction opens.
Result<std::vector<ports::NotificationRecord>> NoticesTo(
    const Context& ctx, const std::vector<std::string>& user_ids,
    const std::string& organisation_id, const std::string& kind, const std::string& referral_id,
    const std::string& actor_user_id, const std::string& detail);

// The audit event of a step of `row` taken by `caller` (`action` e.g.
// "referral.sent", outcome "allowed", purpose "disclosure"), with the
// objects referrals.hpp lists.
::opennrm::audit::Event DisclosureEvent(const Context& ctx, const Caller& caller,
                                        const std::string& action, const ports::ReferralRow& row,
                                        const std::string& request_id);

// Records a refusal of `action` (outcome "denied") on the record asked for,
// {`type`, `id` cut to 64 characters, `owner`: "" when the caller may not
// know it}, then gives back `refusal`; an error other than kNotFound or
// kForbidden is given back unrecorded. Call it with no transaction open.
Error AuditRefusal(const Context& ctx, const Caller& caller, const std::string& action,
                   std::string_view type, const std::string& id, const std::string& owner,
                   Error refusal, const std::string& request_id);

// AuditRefusal on {"referral", `referral_id`} with no owner named: a
// refused step or read of a referral, recorded, then given back.
Error Refused(const Context& ctx, const Caller& caller, const std::string& action,
              const std::string& referral_id, Error refusal, const std::string& request_id);

// "REF-<year>-<number, six digits>".
std::string ReferralCode(int year, long long number);

}  // namespace opennrm::app::referral_internal
