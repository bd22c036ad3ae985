// The sending organisation's disclosure decision (GLOSSARY.md "Referral /
// disclosure"), checked before anything is written or sealed: to whom, for
// what purpose, which sections, and on which legal basis (a consent record,
// or a basis of the dated table with its written justification). The
// safeguards of issue 5 point 4 are rules here, not in the users' memory:
//   - support records of an organisation that is not a public authority (an
//     NGO, IOM) never go to the police or the prosecution without the
//     person's consent or vital interests in immediate danger: support never
//     depends on reporting (Directive 2011/36/EU Art. 11(3));
//   - data about suspects or buyers goes only to a public authority (GDPR
//     Art. 10; Data Protection Act 2018:218 ch. 3 §8);
//   - a protected person's package carries no address, place or contact
//     detail (section contact withheld, places stripped) and the recipient is
//     warned;
//   - a child's case can always go to municipal social services on the
//     report-of-concern basis (the shipped table grants duty_to_report_child
//     to every sender kind; the file's test checks it).
// Which sections the signed-in user may read is the access policy's
// question (app layer), not this one. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/access/section.hpp"
#include "domain/orgs/organisation.hpp"
#include "domain/referrals/consent.hpp"
#include "domain/referrals/legal_basis.hpp"
#include "domain/referrals/purpose.hpp"

namespace opennrm::referrals {

struct Sender {
  std::string organisation_id;
  orgs::Kind kind = orgs::Kind::kOther;
};

struct Recipient {
  std::string organisation_id;
  orgs::Kind kind = orgs::Kind::kOther;
  bool active = false;  // as the directory says today
};

// What the source (a case) says about the person and the data chosen.
struct CaseFacts {
  std::string person_id;                       // the person the referral is about
  orgs::Kind owner_kind = orgs::Kind::kOther;  // the organisation that keeps the source
  bool includes_offence_roles = false;         // the chosen persons include suspects or buyers
  bool protected_identity = false;             // protected personal data, at any level
  bool may_be_child = false;                   // is or may be under 18 today (cases::MayBeChild)
  bool immediate_danger = false;               // the sender records an immediate danger
};

// The legal basis the sender chose: either the person's consent (code
// kConsent with the consent record), or another code with its justification.
struct BasisChoice {
  std::optional<BasisCode> code;   // nullopt: none chosen
  std::optional<Consent> consent;  // the record relied on; only with kConsent
  std::string justification;       // why the basis applies, in the sender's words
};

struct DisclosureDraft {
  Sender sender;
  Recipient recipient;
  CaseFacts facts;
  Purpose purpose = Purpose::kOther;
  std::vector<access::Section> sections;  // as chosen
  BasisChoice basis;
};

// What may be disclosed: the input of the snapshot.
struct ApprovedScope {
  std::vector<access::Section> sections;  // to snapshot, in AllSections() order
  std::vector<access::Section> withheld;  // chosen but left out (a protected person's contact)
  bool strip_places = false;              // leave out places: municipalities, countries
  bool warn_recipient_protected = false;  // tell the recipient the person is protected
  BasisRule basis;                        // the entry applied, as in force today
  std::optional<std::string> consent_id;  // set on the consent basis
  std::string justification;
};

// The sections an NGO's or IOM's support records live in (point 4).
const std::vector<access::Section>& SupportRecordSections();
// Whether organisations of `kind` are the police or the prosecution.
bool IsPoliceOrProsecution(orgs::Kind kind);

// The approved scope of `draft` on `today` under `bases`, or kInvalid with
// every broken rule (field / rule):
//   recipient_organisation_id: required, same_organisation, recipient_inactive,
//     suspect_data_only_to_authority, basis_not_for_recipient_kind,
//     crime_suspicion_only_to_police_or_prosecution,
//     child_report_of_concern_only_to_social_services
//   sections: required, only_withheld_sections; sections[i]: duplicate,
//     section_not_in_case (proceedings from a case no authority owns)
//   basis: no_basis, basis_not_for_sender_kind, basis_not_in_force,
//     basis_only_for_child, basis_needs_immediate_danger,
//     support_records_to_police_need_consent
//   consent_id: required, only_with_consent_basis, consent_other_person,
//     consent_revoked, consent_not_covering
//   justification: justification_required, utf8, max_length
Result<ApprovedScope> DecideDisclosure(const DisclosureDraft& draft, CivilDate today,
                                       const BasisTable& bases);

}  // namespace opennrm::referrals
