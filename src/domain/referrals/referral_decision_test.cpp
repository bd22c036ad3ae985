// The disclosure validator's general rules: recipient, sections, basis,
// consent and justification. The safeguards of issue 5 point 4 are in
// referral_safeguards_test.cpp.
#include "domain/referrals/referral_decision.hpp"

#include <gtest/gtest.h>

#include "domain/referrals/referral_decision_test_support.hpp"

namespace opennrm::referrals {
namespace {

using namespace testing;
using access::Section;
using orgs::Kind;

using Strings = std::vector<std::string>;

TEST(ReferralDecision, ConsentBasisApprovesTheChosenSectionsInOrder) {
  auto d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  auto scope = Decide(d);
  ASSERT_TRUE(scope) << scope.error().message;
  EXPECT_EQ(scope->sections, (std::vector<Section>{Section::kIdentity, Section::kNeedsSafety}));
  EXPECT_TRUE(scope->withheld.empty());
  EXPECT_FALSE(scope->strip_places);
  EXPECT_FALSE(scope->warn_recipient_protected);
  EXPECT_EQ(scope->basis.code, BasisCode::kConsent);
  EXPECT_EQ(scope->basis.legal_reference_en, "Synthetic reference (en)");
  EXPECT_EQ(scope->consent_id, "consent-1");
}

TEST(ReferralDecision, BasisWithJustificationApproves) {
  auto d = DraftOnBasis(Kind::kRegionalCoordinator, Kind::kNgoShelter, BasisCode::kOwnTaskNecessity,
                        Purpose::kShelter);
  auto scope = Decide(d);
  ASSERT_TRUE(scope) << scope.error().message;
  EXPECT_EQ(scope->basis.code, BasisCode::kOwnTaskNecessity);
  EXPECT_EQ(scope->consent_id, std::nullopt);
  EXPECT_EQ(scope->justification, "Synthetic justification.");
}

TEST(ReferralDecision, RefusesAReferralWithoutBasis) {
  auto d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  d.basis = {};
  EXPECT_EQ(Rules(Decide(d)), Strings{"basis/no_basis"});
}

TEST(ReferralDecision, RefusesABasisTheSenderKindCannotUse) {
  // NGOs disclose under data-protection law: no "necessary for own task".
  auto d =
      DraftOnBasis(Kind::kNgoShelter, Kind::kMunicipalSocialServices, BasisCode::kOwnTaskNecessity);
  EXPECT_EQ(Rules(Decide(d)), Strings{"basis/basis_not_for_sender_kind"});
  // Authorities have no "vital interests" entry.
  d = DraftOnBasis(Kind::kPoliceRegion, Kind::kMunicipalSocialServices, BasisCode::kVitalInterests);
  d.facts.immediate_danger = true;
  EXPECT_EQ(Rules(Decide(d)), Strings{"basis/basis_not_for_sender_kind"});
}

TEST(ReferralDecision, RefusesABasisNotInForce) {
  auto d = DraftOnBasis(Kind::kCountyBoard, Kind::kMigrationAgency, BasisCode::kOwnTaskNecessity);
  EXPECT_EQ(Rules(DecideDisclosure(d, Day(2009, 12, 31), TestBases())),
            Strings{"basis/basis_not_in_force"});
}

TEST(ReferralDecision, RecipientRules) {
  auto d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  d.recipient.active = false;
  EXPECT_EQ(Rules(Decide(d)), Strings{"recipient_organisation_id/recipient_inactive"});
  d = DraftOnBasis(Kind::kMunicipalSocialServices, Kind::kMunicipalSocialServices,
                   BasisCode::kOwnTaskNecessity);
  d.recipient.organisation_id = d.sender.organisation_id;
  EXPECT_EQ(Rules(Decide(d)), Strings{"recipient_organisation_id/same_organisation"});
  d.recipient.organisation_id = "";
  EXPECT_EQ(Rules(Decide(d)), Strings{"recipient_organisation_id/required"});
}

TEST(ReferralDecision, SectionRules) {
  auto d = DraftOnBasis(Kind::kRegionalCoordinator, Kind::kIom, BasisCode::kOwnTaskNecessity);
  d.sections = {};
  EXPECT_EQ(Rules(Decide(d)), Strings{"sections/required"});
  d.sections = {Section::kIdentity, Section::kReturn, Section::kIdentity};
  EXPECT_EQ(Rules(Decide(d)), Strings{"sections[2]/duplicate"});
}

TEST(ReferralDecision, ProceedingsOnlyFromACaseAnAuthorityOwns) {
  auto d = DraftWithConsent(Kind::kNgoShelter, Kind::kMunicipalSocialServices);
  d.sections = {Section::kIdentity, Section::kProceedings};
  d.basis.consent->sections = d.sections;
  EXPECT_EQ(Rules(Decide(d)), Strings{"sections[1]/section_not_in_case"});
  d = DraftWithConsent(Kind::kPoliceRegion, Kind::kProsecutionAuthority);
  d.sections = {Section::kIdentity, Section::kProceedings};
  d.basis.consent->sections = d.sections;
  EXPECT_TRUE(Decide(d));
}

TEST(ReferralDecision, JustificationRequiredWhereTheBasisSaysSo) {
  auto d = DraftOnBasis(Kind::kMigrationAgency, Kind::kMunicipalSocialServices,
                        BasisCode::kOwnTaskNecessity);
  d.basis.justification = " \n";
  EXPECT_EQ(Rules(Decide(d)), Strings{"justification/justification_required"});
  d.basis.justification = std::string(4001, 'x');
  EXPECT_EQ(Rules(Decide(d)), Strings{"justification/max_length"});
  // Consent asks for none.
  auto c = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  c.basis.justification = "";
  EXPECT_TRUE(Decide(c));
}

TEST(ReferralDecision, ConsentBasisNeedsTheConsentRecord) {
  auto d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  d.basis.consent.reset();
  EXPECT_EQ(Rules(Decide(d)), Strings{"consent_id/required"});
}

TEST(ReferralDecision, AConsentIsReliedOnOnlyWithTheConsentBasis) {
  auto d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  d.basis.code = BasisCode::kOwnTaskNecessity;
  d.basis.justification = "Synthetic.";
  EXPECT_EQ(Rules(Decide(d)), Strings{"consent_id/only_with_consent_basis"});
}

TEST(ReferralDecision, TheConsentMustBeThePersons) {
  auto d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  d.basis.consent->person_id = "person-2";
  EXPECT_EQ(Rules(Decide(d)), Strings{"consent_id/consent_other_person"});
}

TEST(ReferralDecision, RevocationBlocksNewDisclosures) {
  auto d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  d.basis.consent->revocation = ConsentRevocation{kDecisionDay, "user-1", ""};
  EXPECT_EQ(Rules(Decide(d)), Strings{"consent_id/consent_revoked"});
  // A disclosure decided the day before the revocation was covered.
  EXPECT_TRUE(DecideDisclosure(d, Day(2026, 3, 9), TestBases()));
}

TEST(ReferralDecision, TheConsentMustCoverRecipientPurposeAndSections) {
  auto d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  d.basis.consent->recipient_organisation_id = "org-other";
  EXPECT_EQ(Rules(Decide(d)), Strings{"consent_id/consent_not_covering"});
  d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  d.basis.consent->purpose = Purpose::kReturn;
  EXPECT_EQ(Rules(Decide(d)), Strings{"consent_id/consent_not_covering"});
  d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  d.sections.push_back(Section::kAssessment);
  EXPECT_EQ(Rules(Decide(d)), Strings{"consent_id/consent_not_covering"});
  d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kRegionalCoordinator);
  d.basis.consent->given_on = Day(2026, 3, 11);
  EXPECT_EQ(Rules(Decide(d)), Strings{"consent_id/consent_not_covering"});
}

TEST(ReferralDecision, RecipientKindLimitsOfABasis) {
  // Crime suspicion goes to the police or the prosecution only.
  auto d =
      DraftOnBasis(Kind::kMunicipalSocialServices, Kind::kNgoShelter, BasisCode::kCrimeSuspicion);
  EXPECT_EQ(Rules(Decide(d)),
            Strings{"recipient_organisation_id/crime_suspicion_only_to_police_or_prosecution"});
  for (Kind k : {Kind::kPoliceRegion, Kind::kProsecutionAuthority}) {
    d.recipient.kind = k;
    EXPECT_TRUE(Decide(d)) << orgs::ToString(k);
  }
  // Any other limited basis gets the general word.
  auto rules = TestBasisRules();
  rules[2].recipient_kinds = {Kind::kMigrationAgency};
  const BasisTable table = *BasisTable::Build(rules);
  d = DraftOnBasis(Kind::kMunicipalSocialServices, Kind::kIom, BasisCode::kOwnTaskNecessity);
  EXPECT_EQ(Rules(DecideDisclosure(d, kDecisionDay, table)),
            Strings{"recipient_organisation_id/basis_not_for_recipient_kind"});
}

TEST(ReferralDecision, EveryProblemAtOnce) {
  DisclosureDraft d;
  d.sender = {"org-a", Kind::kNgoShelter};
  d.recipient = {"org-b", Kind::kCustoms, false};
  d.facts.owner_kind = Kind::kNgoShelter;
  d.basis.consent = ConsentFor("org-b", Purpose::kOther, {Section::kIdentity});
  EXPECT_EQ(Rules(Decide(d)),
            (Strings{"recipient_organisation_id/recipient_inactive", "sections/required",
                     "basis/no_basis", "consent_id/only_with_consent_basis"}));
}

}  // namespace
}  // namespace opennrm::referrals
