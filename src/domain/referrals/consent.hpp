// The consent ledger's record (GLOSSARY.md "Consent"): the person's
// permission for one recipient organisation, one purpose and a set of
// sections, with how, when and in which language it was given, the
// interpreter if any (never a family member or companion) and who took it.
// The person may revoke it at any time: from the day of revocation it covers
// no disclosure. Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/access/section.hpp"
#include "domain/cases/conversation.hpp"
#include "domain/cases/lookups.hpp"
#include "domain/cases/person.hpp"
#include "domain/referrals/purpose.hpp"

namespace opennrm::referrals {

// How the person gave the consent.
enum class ConsentForm {
  kSpoken,      // said in a conversation, recorded by the user who took it
  kWritten,     // in the person's own words (a letter, a message)
  kSignedForm,  // a signed consent form
  kOther,
};
const std::vector<ConsentForm>& AllConsentForms();
// "spoken", "written", "signed_form", "other".
std::string_view ToString(ConsentForm form);
std::optional<ConsentForm> ParseConsentForm(std::string_view text);

struct ConsentRevocation {
  CivilDate revoked_on;    // from this day on the consent covers nothing
  std::string revoked_by;  // user id of who recorded the person's revocation
  std::string reason;      // may be empty: the person owes no reason
};

struct Consent {
  std::string id;
  std::string person_id;
  std::string recipient_organisation_id;
  Purpose purpose = Purpose::kOther;
  std::vector<access::Section> sections;  // non-empty, unique
  CivilDate given_on;
  ConsentForm form = ConsentForm::kSpoken;
  std::string language;  // ISO 639-3: the language the consent was given in
  std::optional<cases::Interpreter> interpreter;
  std::string taken_by;  // user id
  std::optional<ConsentRevocation> revocation;
};

// Every rule of a consent recorded for `person` (fields from the consent's
// root): "person_id" ("required", "other_person"), "recipient_organisation_id"
// ("required"), "sections" ("required") and "sections[i]" ("duplicate"),
// "given_on" ("not_future"), "language" ("unknown_language",
// "language_not_understood"), "interpreter.*" (cases::CheckInterpreter:
// "interpreter_family_or_companion"), "taken_by" ("required"), and the
// revocation's rules under "revocation." when it has one.
Status ValidateConsent(const Consent& consent, const cases::Person& person,
                       const cases::Lookups& lookups, CivilDate today);

// Every rule of revoking `consent`: "revocation"/"already_revoked",
// "revoked_on" ("before_given", "not_future"), "revoked_by" ("required"),
// "reason" ("utf8", "max_length").
Status ValidateRevocation(const Consent& consent, const ConsentRevocation& revocation,
                          CivilDate today);

// `consent` revoked as `revocation` says, or the problems of ValidateRevocation.
Result<Consent> Revoke(Consent consent, ConsentRevocation revocation, CivilDate today);

// Whether the consent is revoked on `day` (revoked on that day or before).
bool IsRevokedOn(const Consent& consent, CivilDate day);

// Why a consent does or does not cover a disclosure, first reason first.
enum class ConsentCoverage {
  kCovers,
  kNotYetGiven,      // the day is before the consent was given
  kRevoked,          // revoked on or before the day
  kOtherRecipient,   // given for another organisation
  kOtherPurpose,     // given for another purpose
  kSectionsOutside,  // a section is outside the consent's sections (or none chosen)
};
// "covers", "not_yet_given", "revoked", "other_recipient", "other_purpose",
// "sections_outside".
std::string_view ToString(ConsentCoverage coverage);

// Whether `consent` covers disclosing `sections` to organisation
// `recipient_id` for `purpose` on `day`: only its own recipient, purpose and
// sections, from the day given and not from the day revoked.
ConsentCoverage CheckCoverage(const Consent& consent, std::string_view recipient_id,
                              Purpose purpose, const std::vector<access::Section>& sections,
                              CivilDate day);
// CheckCoverage(...) == kCovers.
bool Covers(const Consent& consent, std::string_view recipient_id, Purpose purpose,
            const std::vector<access::Section>& sections, CivilDate day);

// The sections of `sections` the consent does not name, in the given order.
std::vector<access::Section> SectionsOutside(const Consent& consent,
                                             const std::vector<access::Section>& sections);

}  // namespace opennrm::referrals
