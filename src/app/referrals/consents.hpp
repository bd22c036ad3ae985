// The consent ledger of a case (referrals, GLOSSARY.md "Consent"): recording
// a person's consent to share chosen sections with one organisation for one
// purpose, listing a case's consents, and revoking one. Consents belong to
// the section `support`: the case's team records and revokes them, whoever
// may read the case reads them (audited). A revocation notifies the
// recipients of the referrals that relied on the consent. Thread-safe: every
// call opens its own units of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/cases/conversation.hpp"
#include "domain/referrals/consent.hpp"
#include "ports/notification_repository.hpp"
#include "ports/referral_repository.hpp"

namespace opennrm::app {

// A consent as the caller sends it: codes as words, checked by RecordConsent.
struct NewConsent {
  std::string person_id;                  // a person of the case
  std::string recipient_organisation_id;  // an active organisation, not the case's own
  std::string purpose;                    // referrals::ToString(Purpose)
  std::vector<std::string> sections;      // access::ToString(Section)
  CivilDate given_on;
  std::string form;      // referrals::ToString(ConsentForm)
  std::string language;  // ISO 639-3
  std::optional<cases::Interpreter> interpreter;
  std::string note;  // free text, sealed; may be empty
};

struct ConsentView {
  // With its revocation, if any (reason opened). A consent recorded on a
  // consultation names no person record: its person_id is "".
  referrals::Consent consent;
  std::string case_id;          // "" for a consent recorded on a consultation
  std::string consultation_id;  // "" for a consent recorded on a case
  std::string organisation_id;  // the controller: keeps the case
  std::string person_code;      // "P-2026-000123"
  std::string recipient_name;
  std::string note;
  long long recorded_at_us = 0;
  long long version = 1;
};

struct ConsentRevocationInput {
  CivilDate revoked_on;
  std::string reason;  // may be empty: the person owes no reason
};

// Records a consent on a case the caller is on the team of. kInvalid naming
// the field and rule ("person_id": "not_in_case", "person_merged";
// "recipient_organisation_id": "unknown_organisation", "inactive_organisation",
// "own_organisation"; "purpose", "form", "sections[i]": "unknown_code";
// "note": "utf8", "max_length"; and referrals::ValidateConsent's rules);
// kNotFound when the caller may not see the case; kForbidden "not-on-team".
// Nothing is written on a refusal.
Result<ConsentView> RecordConsent(const Context& ctx, const Caller& caller,
                                  const std::string& case_id, const NewConsent& input,
                                  const ClientInfo& client);

// The consents of a case, newest first, for whoever may read the case;
// audited before they are returned.
Result<std::vector<ConsentView>> ListConsents(const Context& ctx, const Caller& caller,
                                              const std::string& case_id, const ClientInfo& client);

// Revokes a consent of a case the caller is on the team of (of a
// consultation: a hotline operator of its organisation), and notifies the
// recipient organisations of the referrals that relied on it. kInvalid as
// referrals::ValidateRevocation ("revocation"/"already_revoked" when revoked
// before; "revoked_on": "before_given", "not_future"; "reason"); kNotFound
// when there is no such consent or the caller may not see its case or
// consultation.
Result<ConsentView> RevokeConsent(const Context& ctx, const Caller& caller,
                                  const std::string& consent_id,
                                  const ConsentRevocationInput& input, const ClientInfo& client);

// The notices telling each recipient organisation of `relying` (the
// referrals sent on a consent's basis) that the consent was revoked on
// `revoked_on`: one per active case-working user of each recipient (from
// `users_by_organisation`, user ids), once per organisation and user, kind
// "consent_revoked", subject the referral, no personal data. Ids and
// detail_sealed are left for the caller to fill.
struct RecipientUsers {
  std::string organisation_id;
  std::vector<std::string> user_ids;
};
std::vector<ports::NotificationRecord> RevocationNotices(
    const std::vector<ports::ReferralRow>& relying, const std::vector<RecipientUsers>& users,
    const std::string& actor_user_id, long long now_us);

// The words of a revocation notice about `referral_code` (no personal data).
std::string RevocationNoticeDetail(const std::string& referral_code, CivilDate revoked_on);

}  // namespace opennrm::app
