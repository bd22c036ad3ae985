#include "domain/referrals/legal_basis.hpp"

#include <gtest/gtest.h>

#include "domain/referrals/referrals_test_support.hpp"

namespace opennrm::referrals {
namespace {

using namespace testing;
using orgs::Kind;

std::vector<BasisCode> Codes(const std::vector<const BasisRule*>& rules) {
  std::vector<BasisCode> out;
  for (const BasisRule* r : rules) out.push_back(r->code);
  return out;
}

TEST(LegalBasisCode, WordsRoundTrip) {
  ASSERT_EQ(AllBasisCodes().size(), 5u);
  for (BasisCode c : AllBasisCodes()) EXPECT_EQ(ParseBasisCode(ToString(c)), c);
  EXPECT_EQ(ToString(BasisCode::kDutyToReportChild), "duty_to_report_child");
  EXPECT_EQ(ParseBasisCode("necessity"), std::nullopt);
}

TEST(LegalBasisTable, AnAuthorityDisclosesUnderSecrecyLaw) {
  EXPECT_EQ(Codes(TestBases().Available(Kind::kMunicipalSocialServices, Day(2026, 3, 1))),
            (std::vector<BasisCode>{BasisCode::kConsent, BasisCode::kOwnTaskNecessity,
                                    BasisCode::kCrimeSuspicion, BasisCode::kDutyToReportChild}));
}

TEST(LegalBasisTable, AnNgoOrIomDisclosesUnderDataProtectionLaw) {
  for (Kind k : {Kind::kNgoShelter, Kind::kIom}) {
    EXPECT_EQ(Codes(TestBases().Available(k, Day(2026, 3, 1))),
              (std::vector<BasisCode>{BasisCode::kConsent, BasisCode::kDutyToReportChild,
                                      BasisCode::kVitalInterests}));
  }
}

TEST(LegalBasisTable, NothingBeforeTheFirstDay) {
  EXPECT_TRUE(TestBases().Available(Kind::kPoliceRegion, Day(2009, 12, 31)).empty());
  EXPECT_FALSE(TestBases().InForceForAnySender(BasisCode::kConsent, Day(2009, 12, 31)));
  EXPECT_TRUE(TestBases().InForceForAnySender(BasisCode::kConsent, Day(2010, 1, 1)));
}

TEST(LegalBasisTable, FindsTheVersionInForceBothDaysIncluded) {
  auto rules = TestBasisRules();
  rules[2].valid_to = Day(2025, 6, 30);
  BasisRule next = rules[2];
  next.valid_from = Day(2025, 7, 1);
  next.valid_to.reset();
  next.legal_reference_en = "Version 2";
  rules.push_back(next);
  auto table = BasisTable::Build(rules);
  ASSERT_TRUE(table) << table.error().message;
  const auto* old = table->Find(BasisCode::kOwnTaskNecessity, Kind::kCountyBoard, Day(2025, 6, 30));
  const auto* now = table->Find(BasisCode::kOwnTaskNecessity, Kind::kCountyBoard, Day(2025, 7, 1));
  ASSERT_NE(old, nullptr);
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(old->legal_reference_en, "Synthetic reference (en)");
  EXPECT_EQ(now->legal_reference_en, "Version 2");
  EXPECT_EQ(table->Find(BasisCode::kOwnTaskNecessity, Kind::kNgoShelter, Day(2025, 7, 1)), nullptr);
}

TEST(LegalBasisTable, LimitsOfOneEntry) {
  const BasisRule crime = TestBasisRules()[3];
  EXPECT_TRUE(AllowsRecipient(crime, Kind::kPoliceRegion));
  EXPECT_FALSE(AllowsRecipient(crime, Kind::kNgoShelter));
  const BasisRule consent = TestBasisRules()[0];
  EXPECT_TRUE(AllowsRecipient(consent, Kind::kNgoShelter));
  EXPECT_TRUE(AllowsSender(consent, Kind::kPoliceRegion));
  EXPECT_FALSE(AllowsSender(consent, Kind::kNgoShelter));
  BasisRule dated = consent;
  dated.valid_to = Day(2020, 1, 1);
  EXPECT_TRUE(InForceOn(dated, Day(2020, 1, 1)));
  EXPECT_FALSE(InForceOn(dated, Day(2020, 1, 2)));
  EXPECT_FALSE(InForceOn(dated, Day(2009, 12, 31)));
}

TEST(LegalBasisTable, RefusesMissingReferencesTitlesAndKinds) {
  auto rules = TestBasisRules();
  rules[1].legal_reference_sv = "";
  rules[1].legal_reference_en = "  ";
  rules[2].title_sv = "";
  rules[2].title_en = "";
  rules[3].sender_kinds = {};
  rules[5].sender_kinds.push_back(Kind::kIom);
  rules[4].recipient_kinds.push_back(Kind::kMunicipalSocialServices);
  EXPECT_EQ(Rules(BasisTable::Build(rules)),
            (std::vector<std::string>{
                "bases[1].legal_reference_sv/required", "bases[1].legal_reference_en/required",
                "bases[2].title_sv/required", "bases[2].title_en/required",
                "bases[3].sender_kinds/required", "bases[4].recipient_kinds[1]/duplicate",
                "bases[5].sender_kinds[4]/duplicate"}));
}

TEST(LegalBasisTable, RefusesAnEndBeforeTheStart) {
  auto rules = TestBasisRules();
  rules[0].valid_to = Day(2009, 12, 31);
  EXPECT_EQ(Rules(BasisTable::Build(rules)),
            std::vector<std::string>{"bases[0].valid_to/end_before_start"});
  rules[0].valid_to = Day(2010, 1, 1);  // a one-day entry is fine
  EXPECT_TRUE(BasisTable::Build(rules));
}

TEST(LegalBasisTable, RefusesOverlappingEntriesOfOneCodeForOneSenderKind) {
  auto rules = TestBasisRules();
  BasisRule again = Basis(BasisCode::kConsent, {Kind::kCustoms}, Day(2024, 1, 1));
  rules.push_back(again);
  EXPECT_EQ(Rules(BasisTable::Build(rules)),
            std::vector<std::string>{"bases[6].valid_from/overlaps"});
  // The earlier entry ending the day before: no overlap.
  rules[0].valid_to = Day(2023, 12, 31);
  EXPECT_TRUE(BasisTable::Build(rules));
  // Ending on the same day the next one starts: overlap.
  rules[0].valid_to = Day(2024, 1, 1);
  EXPECT_EQ(Rules(BasisTable::Build(rules)),
            std::vector<std::string>{"bases[6].valid_from/overlaps"});
}

TEST(LegalBasisTable, OneCodeMayHaveEntriesForDisjointSenderKinds) {
  auto rules = TestBasisRules();  // consent twice: authorities and the others
  EXPECT_TRUE(BasisTable::Build(rules));
  rules[1].sender_kinds.push_back(Kind::kTaxAgency);
  EXPECT_EQ(Rules(BasisTable::Build(rules)),
            std::vector<std::string>{"bases[1].valid_from/overlaps"});
}

}  // namespace
}  // namespace opennrm::referrals
