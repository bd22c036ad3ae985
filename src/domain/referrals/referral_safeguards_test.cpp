// The safeguards of issue 5 point 4, as rules of the disclosure validator:
// support records to the police, data about suspects and buyers, protected
// persons, and a child's report of concern.
#include <gtest/gtest.h>

#include "domain/referrals/referral_decision.hpp"
#include "domain/referrals/referral_decision_test_support.hpp"

namespace opennrm::referrals {
namespace {

using namespace testing;
using access::Section;
using orgs::Kind;

using Strings = std::vector<std::string>;

// An NGO or IOM referring support records to the police or the prosecution.
DisclosureDraft SupportRecordsToPolice(Kind owner, Kind recipient, Section section) {
  auto d = DraftWithConsent(owner, recipient, Purpose::kReportToPolice);
  d.sections = {Section::kIdentity, section};
  d.basis.consent->sections = d.sections;
  return d;
}

TEST(ReferralSafeguards, SupportRecordsSections) {
  EXPECT_EQ(SupportRecordSections(),
            (std::vector<Section>{Section::kSupport, Section::kNeedsSafety, Section::kNotes}));
  EXPECT_TRUE(IsPoliceOrProsecution(Kind::kPoliceRegion));
  EXPECT_TRUE(IsPoliceOrProsecution(Kind::kProsecutionAuthority));
  EXPECT_FALSE(IsPoliceOrProsecution(Kind::kCustoms));
}

TEST(ReferralSafeguards, NgoSupportRecordsGoToThePoliceWithConsent) {
  for (Kind owner : {Kind::kNgoShelter, Kind::kIom}) {
    for (Kind police : {Kind::kPoliceRegion, Kind::kProsecutionAuthority}) {
      for (Section s : SupportRecordSections()) {
        EXPECT_TRUE(Decide(SupportRecordsToPolice(owner, police, s)))
            << orgs::ToString(owner) << " " << access::ToString(s);
      }
    }
  }
}

TEST(ReferralSafeguards, NgoSupportRecordsNeverGoToThePoliceOnAnotherBasis) {
  // A table that (wrongly) lets NGOs use own-task necessity: the safeguard
  // holds whatever the data says.
  auto rules = TestBasisRules();
  rules[2].sender_kinds = orgs::AllKinds();
  const BasisTable loose = *BasisTable::Build(rules);
  for (Section s : SupportRecordSections()) {
    auto d = SupportRecordsToPolice(Kind::kNgoShelter, Kind::kPoliceRegion, s);
    d.basis = {BasisCode::kOwnTaskNecessity, std::nullopt, "The police asked."};
    EXPECT_EQ(Rules(DecideDisclosure(d, kDecisionDay, loose)),
              Strings{"basis/support_records_to_police_need_consent"})
        << access::ToString(s);
    d.basis = {};
    EXPECT_EQ(Rules(Decide(d)),
              (Strings{"basis/no_basis", "basis/support_records_to_police_need_consent"}));
  }
}

TEST(ReferralSafeguards, VitalInterestsOnlyInImmediateDanger) {
  auto d = SupportRecordsToPolice(Kind::kIom, Kind::kPoliceRegion, Section::kNeedsSafety);
  d.basis = {BasisCode::kVitalInterests, std::nullopt, "Threatened tonight."};
  EXPECT_EQ(Rules(Decide(d)), (Strings{"basis/basis_needs_immediate_danger",
                                       "basis/support_records_to_police_need_consent"}));
  d.facts.immediate_danger = true;
  auto scope = Decide(d);
  ASSERT_TRUE(scope) << scope.error().message;
  EXPECT_EQ(scope->basis.code, BasisCode::kVitalInterests);
}

TEST(ReferralSafeguards, OtherSectionsOrRecipientsAreNotSupportRecordsToPolice) {
  // Identity only, to the police, in immediate danger: no support records.
  auto d = DraftOnBasis(Kind::kNgoShelter, Kind::kPoliceRegion, BasisCode::kVitalInterests);
  d.sections = {Section::kIdentity, Section::kContact};
  d.facts.immediate_danger = true;
  EXPECT_TRUE(Decide(d));
  // Support records of an authority's case follow the bases alone.
  d = DraftOnBasis(Kind::kMunicipalSocialServices, Kind::kPoliceRegion, BasisCode::kCrimeSuspicion);
  d.sections = {Section::kSupport, Section::kNotes};
  EXPECT_TRUE(Decide(d));
}

TEST(ReferralSafeguards, SuspectDataOnlyToAPublicAuthority) {
  for (Kind recipient : NotAuthorities()) {
    auto d = DraftWithConsent(Kind::kPoliceRegion, recipient);
    d.facts.includes_offence_roles = true;
    EXPECT_EQ(Rules(Decide(d)), Strings{"recipient_organisation_id/suspect_data_only_to_authority"})
        << orgs::ToString(recipient);
  }
  for (Kind recipient : Authorities()) {
    auto d = DraftWithConsent(Kind::kPoliceRegion, recipient);
    d.facts.includes_offence_roles = true;
    EXPECT_TRUE(Decide(d)) << orgs::ToString(recipient);
  }
}

TEST(ReferralSafeguards, AProtectedPersonsPackageCarriesNoContactOrPlaces) {
  auto d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kNgoShelter, Purpose::kShelter);
  d.sections = {Section::kContact, Section::kIdentity, Section::kNeedsSafety};
  d.basis.consent->sections = d.sections;
  d.facts.protected_identity = true;
  auto scope = Decide(d);
  ASSERT_TRUE(scope) << scope.error().message;
  EXPECT_EQ(scope->sections, (std::vector<Section>{Section::kIdentity, Section::kNeedsSafety}));
  EXPECT_EQ(scope->withheld, std::vector<Section>{Section::kContact});
  EXPECT_TRUE(scope->strip_places);
  EXPECT_TRUE(scope->warn_recipient_protected);
  // Places are stripped even when contact was not chosen.
  d.sections = {Section::kAssessment};
  d.basis.consent->sections = d.sections;
  scope = Decide(d);
  ASSERT_TRUE(scope);
  EXPECT_TRUE(scope->withheld.empty());
  EXPECT_TRUE(scope->strip_places);
}

TEST(ReferralSafeguards, OnlyContactOfAProtectedPersonIsNothingToDisclose) {
  auto d = DraftWithConsent(Kind::kMunicipalSocialServices, Kind::kNgoShelter, Purpose::kShelter);
  d.sections = {Section::kContact};
  d.basis.consent->sections = d.sections;
  d.facts.protected_identity = true;
  EXPECT_EQ(Rules(Decide(d)), Strings{"sections/only_withheld_sections"});
}

TEST(ReferralSafeguards, AChildCanAlwaysBeReportedToSocialServices) {
  for (Kind sender : orgs::AllKinds()) {
    auto d = DraftOnBasis(sender, Kind::kMunicipalSocialServices, BasisCode::kDutyToReportChild,
                          Purpose::kChildProtection);
    d.facts.may_be_child = true;
    d.sections = {Section::kIdentity, Section::kSupport, Section::kNotes, Section::kNeedsSafety};
    auto scope = Decide(d);
    ASSERT_TRUE(scope) << orgs::ToString(sender) << ": " << scope.error().message;
    EXPECT_EQ(scope->basis.code, BasisCode::kDutyToReportChild);
  }
}

TEST(ReferralSafeguards, TheReportOfConcernIsForAChildAndGoesToSocialServices) {
  auto d = DraftOnBasis(Kind::kNgoShelter, Kind::kRegionalCoordinator,
                        BasisCode::kDutyToReportChild, Purpose::kChildProtection);
  d.facts.may_be_child = true;
  EXPECT_EQ(Rules(Decide(d)),
            Strings{"recipient_organisation_id/child_report_of_concern_only_to_social_services"});
  d.recipient.kind = Kind::kPoliceRegion;
  d.sections = {Section::kIdentity, Section::kSupport};
  EXPECT_EQ(Rules(Decide(d)),
            (Strings{"recipient_organisation_id/child_report_of_concern_only_to_social_services",
                     "basis/support_records_to_police_need_consent"}));
  d = DraftOnBasis(Kind::kNgoShelter, Kind::kMunicipalSocialServices, BasisCode::kDutyToReportChild,
                   Purpose::kChildProtection);
  d.facts.may_be_child = false;
  EXPECT_EQ(Rules(Decide(d)), Strings{"basis/basis_only_for_child"});
  d.facts.may_be_child = true;
  d.basis.justification = "";
  EXPECT_EQ(Rules(Decide(d)), Strings{"justification/justification_required"});
}

}  // namespace
}  // namespace opennrm::referrals
