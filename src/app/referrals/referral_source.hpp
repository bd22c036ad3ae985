// The source of a referral (issue 5 point 1): the record of the sending
// organisation a referral passes a person on from. Today a case; the
// hotline adds consultations. The send, list, withdraw, answer and reminder
// flows (referral_send.cpp, referral_sent.cpp, referral_answer.cpp,
// referral_reminders.cpp, referral_support.cpp) know a source only through
// ReferralSource; a stored referral's source_kind chooses the
// implementation (SourceOfKind). A new kind of source implements the
// interface, is listed in SourceOfKind, and offers its public use cases by
// calling SendReferralFrom / ListReferralsSentFrom. Internal; the sources
// hold no state: thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "app/referrals/referrals.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/audit/event.hpp"
#include "domain/orgs/organisation.hpp"
#include "domain/referrals/referral_decision.hpp"
#include "ports/consent_repository.hpp"
#include "ports/database.hpp"
#include "ports/referral_repository.hpp"

namespace opennrm::app::referral_internal {

// The caller's standing on a source, as the source decided it.
struct SourceAccess {
  std::string id;                     // the source's id
  std::string owner_organisation_id;  // the organisation that keeps it: the sender
  orgs::Kind owner_kind = orgs::Kind::kOther;
  std::string read_purpose = "assignment";  // a read's audit purpose: assignment | break_glass
  std::string reason_id;                    // with break_glass: the opening's id
};

// What a referral needs from the record it is sent from.
class ReferralSource {
 public:
  virtual ~ReferralSource() = default;

  // The word stored as a referral's source_kind ("case").
  virtual std::string_view Kind() const = 0;

  // The source for sending from it: the caller works it (on its team, not
  // by break-glass). A refusal (kNotFound exactly
  // as for a missing source; kForbidden "not-on-team") gives up `uow` and is
  // audited as `event_action` (outcome "denied") before it is returned.
  virtual Result<SourceAccess> AuthoriseSend(std::unique_ptr<ports::UnitOfWork>& uow,
                                             const Context& ctx, const Caller& caller,
                                             const std::string& source_id,
                                             const std::string& event_action,
                                             const std::string& request_id) const = 0;

  // The source for reading the referrals sent from it (with `team_only`:
  // for the sender's own steps, only its team). kNotFound / kForbidden as
  // for the source itself, not audited; on a refusal of an existing source,
  // `owner` (if not null) gets the organisation that keeps it.
  virtual Result<SourceAccess> AuthoriseRead(ports::UnitOfWork& uow, const Context& ctx,
                                             const Caller& caller, const std::string& source_id,
                                             bool team_only, std::string* owner) const = 0;

  // What the disclosure decision needs to know about `person_id` in the
  // source on `today` (owner kind, offence roles, protection, may be a
  // child; immediate_danger is the sender's to record). nullopt with the
  // problem added to `problems` ("person_id": "required", "not_in_case",
  // "person_merged"); kInternal when the person cannot be opened.
  virtual Result<std::optional<referrals::CaseFacts>> PersonFacts(
      const Context& ctx, ports::UnitOfWork& uow, const SourceAccess& source,
      const std::string& person_id, CivilDate today, Problems& problems) const = 0;

  // Whether `consent` was recorded on the source `source_id`.
  virtual bool HoldsConsent(const ports::ConsentRow& consent,
                            const std::string& source_id) const = 0;

  // The package's plaintext: the snapshot of `person_id` in the source for
  // `scope` on `today` (snapshot.hpp; its refusals as BuildPackageSnapshot's).
  virtual Result<std::string> Snapshot(const Context& ctx, ports::UnitOfWork& uow,
                                       const std::string& source_id, const std::string& person_id,
                                       const referrals::ApprovedScope& scope, CivilDate today,
                                       bool recipient_public_authority) const = 0;

  // Records the sender's step `action` ("referral.sent",
  // "referral.withdrawn") of `row` in the source's own history (a case: its
  // timeline), with `details` (words and ids only), in the caller's write
  // unit of work `uow`.
  virtual Status RecordStep(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                            const ports::ReferralRow& row, const std::string& action,
                            std::vector<std::pair<std::string, std::string>> details) const = 0;

  // The users of the sender told of the recipient's answers and of an
  // overdue referral (a case: its team), by id.
  virtual Result<std::vector<std::string>> TeamOf(ports::UnitOfWork& uow,
                                                  const std::string& source_id) const = 0;

  // The source's code as its owner shows it ("NRM-2026-000045"); "" when it is gone.
  virtual Result<std::string> CodeOf(ports::UnitOfWork& uow,
                                     const std::string& source_id) const = 0;

  // The source as the audit event of a read of its referrals names it
  // (type Kind(), its id and owner, the sections the list belongs to).
  virtual ::opennrm::audit::ObjectRef ListedObject(const SourceAccess& source) const = 0;
};

inline constexpr const char* kCaseSource = "case";

// The implementation for a stored source_kind; nullptr for a kind this
// build does not know (then no one is on a referral's sender side).
const ReferralSource* SourceOfKind(std::string_view kind);

// SendReferral (referrals.hpp) from `source_id` of `source`, with its
// refusals; the source's own ("not-on-team", "person_id", ...) as its
// ReferralSource functions give them.
Result<ReferralView> SendReferralFrom(const Context& ctx, const Caller& caller,
                                      const ReferralSource& source, const std::string& source_id,
                                      const NewReferral& input, const ClientInfo& client);

// ListSentReferrals (referrals.hpp) for `source_id` of `source`.
Result<std::vector<ReferralView>> ListReferralsSentFrom(const Context& ctx, const Caller& caller,
                                                        const ReferralSource& source,
                                                        const std::string& source_id,
                                                        const ClientInfo& client);

}  // namespace opennrm::app::referral_internal
