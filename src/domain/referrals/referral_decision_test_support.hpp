// Test support for referral_decision_test.cpp and referral_safeguards_test.cpp:
// drafts of disclosures between synthetic organisations. Synthetic data only.
#pragma once

#include <string>
#include <vector>

#include "domain/referrals/referral_decision.hpp"
#include "domain/referrals/referrals_test_support.hpp"

namespace opennrm::referrals::testing {

inline const CivilDate kDecisionDay{2026, 3, 10};

inline Consent ConsentFor(const std::string& recipient_id, Purpose purpose,
                          std::vector<access::Section> sections) {
  Consent c;
  c.id = "consent-1";
  c.person_id = "person-1";
  c.recipient_organisation_id = recipient_id;
  c.purpose = purpose;
  c.sections = std::move(sections);
  c.given_on = Day(2026, 3, 1);
  c.language = "swe";
  c.taken_by = "user-1";
  return c;
}

// A sender of `sender_kind` (owning the case) refers an adult to an active
// recipient of `recipient_kind` for `purpose`, sharing identity and
// needs_safety, on the person's consent for exactly that.
inline DisclosureDraft DraftWithConsent(orgs::Kind sender_kind, orgs::Kind recipient_kind,
                                        Purpose purpose = Purpose::kSupport) {
  DisclosureDraft d;
  d.sender = {"org-sender", sender_kind};
  d.recipient = {"org-recipient", recipient_kind, true};
  d.facts.person_id = "person-1";
  d.facts.owner_kind = sender_kind;
  d.purpose = purpose;
  d.sections = {access::Section::kNeedsSafety, access::Section::kIdentity};
  d.basis.code = BasisCode::kConsent;
  d.basis.consent = ConsentFor("org-recipient", purpose, d.sections);
  return d;
}

// The same on basis `code` with a justification, and no consent.
inline DisclosureDraft DraftOnBasis(orgs::Kind sender_kind, orgs::Kind recipient_kind,
                                    BasisCode code, Purpose purpose = Purpose::kSupport) {
  DisclosureDraft d = DraftWithConsent(sender_kind, recipient_kind, purpose);
  d.basis.code = code;
  d.basis.consent.reset();
  d.basis.justification = "Synthetic justification.";
  return d;
}

inline Result<ApprovedScope> Decide(const DisclosureDraft& d) {
  return DecideDisclosure(d, kDecisionDay, TestBases());
}

}  // namespace opennrm::referrals::testing
