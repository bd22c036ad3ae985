// Referrals as stored (GLOSSARY.md "Referral / disclosure"): one
// organisation's recorded decision to pass chosen sections of a source (a
// case; the hotline adds consultations) to another organisation, its sealed
// package, and the history of its steps. Ids, codes, dates, sections and
// statuses are plain so the inbox can filter; free text (the justification,
// the reason for declining) arrives sealed, and the package arrives sealed
// to the recipient (ports/package_sealer.hpp): this layer never sees
// plaintext. Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::ports {

struct ReferralRow {
  std::string id;
  std::string code;  // "REF-2026-000012", unique; the number from NextCodeNumber
  std::string sender_organisation_id;
  std::string source_kind = "case";  // "case"; later also "consultation"
  std::string source_id;             // the case id (of the sender)
  std::string person_id;             // the person in the sender's source
  std::string recipient_organisation_id;
  std::string purpose;                    // referrals::ToString(Purpose)
  std::vector<std::string> sections;      // disclosed: access::ToString(Section), as given
  std::vector<std::string> withheld;      // chosen but left out (a protected person's contact)
  bool strip_places = false;              // places left out of the package
  bool protected_warning = false;         // the recipient is warned the person is protected
  std::string basis_code;                 // referrals::ToString(BasisCode)
  CivilDate basis_valid_from;             // the dated entry applied (BasisRule::valid_from)
  std::optional<std::string> consent_id;  // set on the consent basis
  // Why the basis applies, sealed at (sender_organisation_id, "referrals",
  // "justification", id); may be empty.
  std::string justification_sealed;
  std::string status = "sent";  // sent | accepted | declined | withdrawn | completed
  CivilDate sent_on;
  CivilDate respond_by;                  // the response deadline
  std::string sent_by;                   // user id
  std::optional<CivilDate> answered_on;  // accepted, declined or withdrawn on
  std::string answered_by;               // user id; "" until answered
  // The recipient's reason for declining, sealed at
  // (recipient_organisation_id, "referrals", "decline", id); may be empty.
  std::string decline_sealed;
  std::optional<CivilDate> completed_on;
  std::string outcome;  // an outcome code of the purpose; "" until completed
  std::optional<std::string> recipient_case_id;  // the recipient's case, once accepted
  std::string delivery = "in_app";               // in_app | other_means
  long long created_at_us = 0;
  long long updated_at_us = 0;
  long long version = 1;
};

// Which referrals an organisation's inbox shows; each unset field does not narrow.
struct InboxFilter {
  std::string recipient_organisation_id;  // required
  std::vector<std::string> statuses;      // any of; empty: all
  std::optional<std::string> purpose;
  std::optional<std::string> sender_organisation_id;
  std::optional<CivilDate> respond_by_on_or_before;
  int limit = 50;
  int offset = 0;
};

struct ReferralPage {
  std::vector<ReferralRow> items;
  long long total = 0;  // how many match the filter, whatever the page
};

// One step of a referral's history: "sent", "accept", "decline", ... (the
// app's words; referrals::ToString(ReferralStep) for the lifecycle's steps).
struct ReferralStepRow {
  std::string referral_id;
  int n = 0;  // 1, 2, ... in the order appended
  std::string step;
  long long at_us = 0;
  std::string by_user_id;
  std::string organisation_id;  // the organisation of the user who took it
};

// A referral as statistics count it (issue 7 item 4): who sent it to whom,
// from what kind of source, and when it was sent and accepted. No person, no
// sealed part.
struct ReferralStatisticsRow {
  std::string id;
  std::string sender_organisation_id;
  std::string recipient_organisation_id;
  std::string source_kind;  // "case" or "consultation"
  std::string status;
  CivilDate sent_on;
  // answered_on of a referral that was accepted (status accepted or
  // completed); nullopt otherwise.
  std::optional<CivilDate> accepted_on;
  // For a referral from a consultation: when that consultation was received.
  std::optional<long long> consultation_received_at_us;
  // ... and where its situation was ("" when abroad, unknown or not from a consultation).
  std::string consultation_municipality_code;
};

class ReferralRepository {
 public:
  virtual ~ReferralRepository() = default;
  // kConflict if the id or code exists or a referenced organisation, consent or case does not.
  virtual Status Insert(const ReferralRow& referral) = 0;
  virtual Result<std::optional<ReferralRow>> Find(const std::string& id) = 0;
  // Stores what a step changes (status, answered_on, answered_by,
  // decline_sealed, completed_on, outcome, recipient_case_id, updated_at_us,
  // version) if the stored version is `expected_version`; kConflict
  // otherwise. What was disclosed, to whom and why never changes.
  virtual Status Update(const ReferralRow& referral, long long expected_version) = 0;
  // The next number of the year's referral codes (1, 2, ...): atomic across
  // servers, never reused. The caller formats the code ("REF-2026-000012").
  virtual Result<long long> NextCodeNumber(int year) = 0;

  // The referrals sent from one source, newest first.
  virtual Result<std::vector<ReferralRow>> SentFromCase(const std::string& source_kind,
                                                        const std::string& source_id) = 0;
  // A page of the recipient's incoming referrals: those awaiting an answer
  // first, then by response deadline, then oldest first; with the total.
  virtual Result<ReferralPage> Inbox(const InboxFilter& filter) = 0;
  // Every referral sent on the consent's basis, oldest first (to stop or
  // notify on revocation).
  virtual Result<std::vector<ReferralRow>> RelyingOnConsent(const std::string& consent_id) = 0;
  // The referrals still awaiting an answer (sent, not answered) whose
  // deadline is on or before `day`, earliest deadline first (for reminders).
  virtual Result<std::vector<ReferralRow>> OpenDueBy(CivilDate day) = 0;
  // Every referral sent, or accepted, on a day in [from, to], by sent_on
  // then id (statistics; read-only).
  virtual Result<std::vector<ReferralStatisticsRow>> ForStatistics(CivilDate from,
                                                                   CivilDate to) = 0;

  // Stores the referral's sealed package (any bytes). A package is written
  // once: kConflict if the referral has one or does not exist.
  virtual Status PutPackage(const std::string& referral_id, const std::string& sealed) = 0;
  // The sealed package, or nullopt when there is none (never stored, or deleted).
  virtual Result<std::optional<std::string>> GetPackage(const std::string& referral_id) = 0;
  // Deletes the package (a withdrawn or declined referral); false if there was none.
  virtual Result<bool> DeletePackage(const std::string& referral_id) = 0;

  // Appends a step to the referral's history, numbered after the last one.
  virtual Status AppendStep(const std::string& referral_id, const std::string& step,
                            long long at_us, const std::string& by_user_id,
                            const std::string& organisation_id) = 0;
  // The referral's history in the order appended.
  virtual Result<std::vector<ReferralStepRow>> Steps(const std::string& referral_id) = 0;
};

}  // namespace opennrm::ports
