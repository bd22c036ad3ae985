// Referrals as recorded disclosures (issue 5; GLOSSARY.md "Referral /
// disclosure"): the sending organisation's decision to pass chosen sections
// of a case about one person to another organisation, on a legal basis; the
// sealed package that carries a snapshot of those sections to the
// recipient; the recipient's inbox and answer; and the steps that follow.
//
// Who does what:
//   - the case's team sends and withdraws (the sender's side); whoever may
//     read the case sees the referrals sent from it;
//   - the recipient organisation's users with a case role see its inbox,
//     read a package (read-only until accepted), accept it into a case of
//     their own, decline it with a reason, and complete it;
//   - anyone else gets kNotFound, exactly as for a referral that does not
//     exist.
// Every step is audited as a disclosure (purpose "disclosure"; objects: the
// referral, the source case with the disclosed sections, the person, the
// recipient organisation, the consent on that basis, and the basis itself
// as {type "legal_basis", id "<code>@<valid_from>"}); reads are durable
// before they are answered. A declined or withdrawn referral's package is
// deleted. Thread-safe: every call opens its own units of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "core/date.hpp"
#include "domain/referrals/legal_basis.hpp"
#include "domain/referrals/purpose_table.hpp"

namespace opennrm::app {

// ---- The rules the referral dialog offers -----------------------------------

// The bases and purposes in force today, for the caller's organisation kind
// (bases) and for every purpose (purposes).
struct ReferralRulesView {
  std::string sender_kind;                  // orgs::ToString(kind) of the caller's organisation
  std::vector<referrals::BasisRule> bases;  // the ones the caller's kind may use today
  std::vector<referrals::PurposeRule> purposes;  // every purpose, in display order
};
// For any signed-in user of an organisation; kForbidden for API tokens.
Result<ReferralRulesView> ReferralRules(const Context& ctx, const Caller& caller);

// ---- Sending -----------------------------------------------------------------

struct NewReferral {
  std::string person_id;                  // a person of the case (not merged)
  std::string recipient_organisation_id;  // an active organisation, not the sender
  std::string purpose;                    // referrals::ToString(Purpose)
  std::vector<std::string> sections;      // access::ToString(Section)
  std::string basis;                      // referrals::ToString(BasisCode); "" none chosen
  std::optional<std::string> consent_id;  // with basis "consent": a consent of the case
  std::string justification;              // why the basis applies (sealed); may be empty
  bool immediate_danger = false;  // the sender records that the person is in immediate danger
  // "in_app" (the recipient reads it here) or "other_means" (printed and
  // sent by post, fax, by hand); "" chooses in_app when the recipient has an
  // active user with a case role, else other_means.
  std::string delivery;
};

struct ReferralStepView {
  std::string step;  // "sent", "accept", "decline", "withdraw", "complete", "reminder"
  long long at_us = 0;
  std::string by_user_id;
  std::string by_display_name;  // "" when unknown to the reader
  std::string organisation_id;
};

// A referral as either side sees it. Fields marked (sender) are empty for
// the recipient: the sender's case and person ids are the sender's records.
struct ReferralView {
  std::string id;
  std::string code;  // "REF-2026-000012"
  std::string sender_organisation_id;
  std::string sender_name;
  std::string recipient_organisation_id;
  std::string recipient_name;
  std::string source_kind;  // "case"
  std::string source_id;    // (sender) the case id
  std::string case_code;    // (sender) the case's code
  std::string person_id;    // (sender) the person in the case
  std::string person_code;  // (sender) "P-2026-000123"
  std::string purpose;
  std::vector<std::string> sections;  // disclosed, in AllSections() order
  std::vector<std::string> withheld;  // chosen but left out (a protected person's contact)
  bool strip_places = false;
  bool protected_warning = false;  // the recipient is warned: protected personal data
  referrals::BasisRule basis;      // the entry applied, as it was on the day sent
  std::optional<std::string> consent_id;
  std::string justification;  // opened
  std::string status;         // sent | accepted | declined | withdrawn | completed
  CivilDate sent_on;
  CivilDate respond_by;
  bool overdue = false;  // still awaiting an answer after respond_by (Stockholm today)
  std::string sent_by;   // user id
  std::string sent_by_name;
  std::optional<CivilDate> answered_on;
  std::string decline_reason;  // opened; only when declined
  std::optional<CivilDate> completed_on;
  std::string outcome;
  std::optional<std::string> recipient_case_id;  // (recipient) the case it was accepted into
  std::string delivery;                          // in_app | other_means
  bool package_available = false;                // the caller's side may open the package now
  std::vector<ReferralStepView> steps;
  long long version = 1;
};

// Sends a referral from a case the caller is on the team of: decides the
// disclosure (referrals::DecideDisclosure), snapshots the approved sections
// of the person (BuildPackageSnapshot), seals the package to the recipient
// (to the sender itself for delivery other_means, so that it can print it),
// writes the referral, its package, its first step, an entry in the case's
// timeline and a notice to each case-working user of the recipient, and
// audits the disclosure. kInvalid naming the field and the rule
// (DecideDisclosure's rules, and "person_id": "required", "not_in_case",
// "person_merged"; "recipient_organisation_id": "unknown_organisation";
// "purpose", "basis", "sections[i]": "unknown_code"; "delivery":
// "unknown_code"; "consent_id": "unknown_consent" for a consent not of this
// case); kNotFound when the caller may not see the case; kForbidden
// "not-on-team". Nothing is written, sealed into storage or disclosed on a
// refusal.
Result<ReferralView> SendReferral(const Context& ctx, const Caller& caller,
                                  const std::string& case_id, const NewReferral& input,
                                  const ClientInfo& client);

// The referrals sent from a case, newest first, for whoever may read the
// case; audited before they are returned.
Result<std::vector<ReferralView>> ListSentReferrals(const Context& ctx, const Caller& caller,
                                                    const std::string& case_id,
                                                    const ClientInfo& client);

// The sender withdraws a referral not yet answered: its package is deleted
// and the recipient's users are told. kInvalid "status"/"illegal_transition";
// kNotFound unless the caller is on the team of the source case.
Result<ReferralView> WithdrawReferral(const Context& ctx, const Caller& caller,
                                      const std::string& referral_id, long long expected_version,
                                      const ClientInfo& client);

// ---- Receiving -----------------------------------------------------------------

struct InboxQuery {
  std::vector<std::string> statuses;   // any of; empty: all
  std::optional<std::string> purpose;  // a purpose word
  std::optional<std::string> sender_organisation_id;
  std::optional<CivilDate> respond_by_on_or_before;
  int limit = 50;  // 1..200
  int offset = 0;
};
struct InboxPage {
  std::vector<ReferralView> items;  // steps left empty
  long long total = 0;
};
// The caller's organisation's incoming referrals, awaiting an answer first,
// then by deadline; for users with a case role. kInvalid naming "status",
// "purpose", "limit", "offset"; kForbidden for API tokens and users without
// a case role. Audited before it is returned.
Result<InboxPage> ListInbox(const Context& ctx, const Caller& caller, const InboxQuery& query,
                            const ClientInfo& client);

// One referral, for its sender's case readers or its recipient's case-role
// users; kNotFound for anyone else. Audited before it is returned.
Result<ReferralView> ReadReferral(const Context& ctx, const Caller& caller,
                                  const std::string& referral_id, const ClientInfo& client);

struct PackageView {
  ReferralView referral;
  std::string document;  // the snapshot's JSON (snapshot.hpp), exactly as sealed
};
// The package's contents, read-only: for the recipient's case-role users
// while it is sent, accepted or completed (delivery in_app), or for the
// sender's team when it was sent by other means (to print the summary).
// kNotFound when there is no such referral for the caller, or its package
// is gone (declined, withdrawn). Audited (action "referral.package_read")
// before it is returned.
Result<PackageView> ReadPackage(const Context& ctx, const Caller& caller,
                                const std::string& referral_id, const ClientInfo& client);

// How the recipient takes a referral in: into a new case of its own (the
// person added from the package's identity, if disclosed), or into an
// existing case of its own that holds the same person (found by the
// recipient's own duplicate check: person search).
struct Acceptance {
  std::optional<std::string> case_id;    // existing: a case the caller is on the team of
  std::optional<std::string> person_id;  // existing: the person in that case
  std::string case_type;                 // new: cases::ToString(CaseType); "" the package's
  long long expected_version = 0;        // the referral's version as read
};
// The recipient accepts. kInvalid "status"/"illegal_transition", "case_id"
// / "person_id": "required", "not_in_case"; kNotFound when the caller is not
// of the recipient organisation or may not see the case named; kConflict on
// a stale version. The sender's team is told.
Result<ReferralView> AcceptReferral(const Context& ctx, const Caller& caller,
                                    const std::string& referral_id, const Acceptance& input,
                                    const ClientInfo& client);

// The recipient declines with a reason ("reason": "required", "max_length");
// its package is deleted; the sender's team is told.
Result<ReferralView> DeclineReferral(const Context& ctx, const Caller& caller,
                                     const std::string& referral_id, const std::string& reason,
                                     long long expected_version, const ClientInfo& client);

// The recipient records the purpose fulfilled ("completed_on":
// "before_accepted", "not_future"; "outcome": "unknown_outcome"); the
// sender's team is told.
Result<ReferralView> CompleteReferral(const Context& ctx, const Caller& caller,
                                      const std::string& referral_id, CivilDate completed_on,
                                      const std::string& outcome, long long expected_version,
                                      const ClientInfo& client);

// ---- The reminders job -----------------------------------------------------------

// Tells both sides of every referral still awaiting an answer after its
// deadline (once per referral: claimed before sent, whatever servers run):
// the sender's case team and the recipient's case-working users. Returns how
// many referrals were reminded of.
Result<int> SendReferralReminders(const Context& ctx, long long now_us);

}  // namespace opennrm::app
