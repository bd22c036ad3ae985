// The disclosure rules the product ships (data/rules/disclosure_bases.toml
// and referral_purposes.toml), read the way the server reads them: every
// entry is listed and exercised, each basis code for a sender kind that may
// use it and one that may not. The files that must be refused:
// disclosure_rules_file_errors_test.cpp.
#include "cli/disclosure_rules_file.hpp"
#include "cli/shipped_data_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "domain/referrals/referral_decision.hpp"

namespace opennrm::cli {
namespace {

namespace fs = std::filesystem;
using namespace opennrm::referrals;
using access::Section;
using orgs::Kind;

const CivilDate kToday{2026, 3, 10};

std::string RulesDir() { return testing::ShippedData("rules"); }

const DisclosureRules& Shipped() {
  static const DisclosureRules rules = [] {
    auto r = ReadDisclosureRules(RulesDir());
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? std::move(*r) : DisclosureRules{};
  }();
  return rules;
}

std::set<Kind> KindsWhere(bool authority) {
  std::set<Kind> out;
  for (Kind k : orgs::AllKinds()) {
    if (orgs::IsPublicAuthority(k) == authority) out.insert(k);
  }
  return out;
}

std::set<Kind> AllKindsSet() { return {orgs::AllKinds().begin(), orgs::AllKinds().end()}; }

// A draft that meets every limit of `code`: a child, in immediate danger, to
// the kind the basis allows, sharing identity only, on `code`.
DisclosureDraft DraftFor(BasisCode code, Kind sender) {
  DisclosureDraft d;
  d.sender = {"org-sender", sender};
  d.recipient = {"org-recipient", Kind::kMunicipalSocialServices, true};
  if (code == BasisCode::kCrimeSuspicion) d.recipient.kind = Kind::kPoliceRegion;
  d.facts = {"person-1", sender, false, false, true, true};
  d.purpose = Purpose::kChildProtection;
  d.sections = {Section::kIdentity};
  d.basis.code = code;
  d.basis.justification = "Synthetic justification.";
  if (code == BasisCode::kConsent) {
    Consent c;
    c.id = "consent-1";
    c.person_id = "person-1";
    c.recipient_organisation_id = "org-recipient";
    c.purpose = d.purpose;
    c.sections = d.sections;
    c.given_on = CivilDate{2026, 3, 1};
    d.basis.consent = c;
  }
  return d;
}

std::vector<std::string> Rules(const Result<ApprovedScope>& r) {
  std::vector<std::string> out;
  if (r) return out;
  for (const auto& f : r.error().fields) out.push_back(f.field + "/" + f.rule);
  return out;
}

TEST(ShippedDisclosureBases, ListsEveryEntry) {
  std::set<std::pair<std::string, std::string>> got;
  for (const auto& r : Shipped().bases.rules()) {
    got.insert({std::string(ToString(r.code)), FormatIsoDate(r.valid_from)});
  }
  const std::set<std::pair<std::string, std::string>> expected{
      {"consent", "2009-06-30"},
      {"consent", "2018-05-25"},
      {"own_task_necessity", "2009-06-30"},
      {"crime_suspicion", "2009-06-30"},
      {"duty_to_report_child", "2009-06-30"},
      {"duty_to_report_child", "2025-07-01"},
      {"vital_interests", "2018-05-25"}};
  EXPECT_EQ(got, expected);
  EXPECT_EQ(Shipped().bases.rules().size(), expected.size());
}

TEST(ShippedDisclosureBases, WhichSenderKindsMayUseEachCode) {
  const std::set<Kind> authorities = KindsWhere(true);
  const std::set<Kind> others = KindsWhere(false);
  const std::vector<std::pair<BasisCode, std::set<Kind>>> expected{
      {BasisCode::kOwnTaskNecessity, authorities},
      {BasisCode::kCrimeSuspicion, authorities},
      {BasisCode::kVitalInterests, others},
      {BasisCode::kConsent, AllKindsSet()},
      {BasisCode::kDutyToReportChild, AllKindsSet()}};
  for (const auto& [code, kinds] : expected) {
    for (Kind k : orgs::AllKinds()) {
      const BasisRule* r = Shipped().bases.Find(code, k, kToday);
      EXPECT_EQ(r != nullptr, kinds.count(k) == 1) << ToString(code) << " " << orgs::ToString(k);
    }
  }
  // Consent: the authorities' entry cites OSL, the others' the GDPR.
  EXPECT_NE(Shipped()
                .bases.Find(BasisCode::kConsent, Kind::kPoliceRegion, kToday)
                ->legal_reference_en.find("(2009:400) ch. 10 §1"),
            std::string::npos);
  EXPECT_NE(Shipped()
                .bases.Find(BasisCode::kConsent, Kind::kNgoShelter, kToday)
                ->legal_reference_en.find("2016/679 Art. 6(1)(a)"),
            std::string::npos);
}

TEST(ShippedDisclosureBases, EachCodeForAnAllowedAndARefusedSenderKind) {
  const std::vector<std::tuple<BasisCode, Kind, std::optional<Kind>>> cases{
      {BasisCode::kConsent, Kind::kMunicipalSocialServices, std::nullopt},
      {BasisCode::kConsent, Kind::kIom, std::nullopt},
      {BasisCode::kOwnTaskNecessity, Kind::kRegionalCoordinator, Kind::kNgoShelter},
      {BasisCode::kCrimeSuspicion, Kind::kMunicipalSocialServices, Kind::kIom},
      {BasisCode::kDutyToReportChild, Kind::kNgoShelter, std::nullopt},
      {BasisCode::kDutyToReportChild, Kind::kPoliceRegion, std::nullopt},
      {BasisCode::kVitalInterests, Kind::kNgoShelter, Kind::kMunicipalSocialServices}};
  for (const auto& [code, allowed, refused] : cases) {
    auto ok = DecideDisclosure(DraftFor(code, allowed), kToday, Shipped().bases);
    EXPECT_TRUE(ok) << ToString(code) << " " << orgs::ToString(allowed) << ": "
                    << (ok ? "" : ok.error().message);
    if (ok) {
      EXPECT_EQ(ok->basis.code, code);
    }
    if (refused) {
      EXPECT_EQ(Rules(DecideDisclosure(DraftFor(code, *refused), kToday, Shipped().bases)),
                std::vector<std::string>{"basis/basis_not_for_sender_kind"})
          << ToString(code) << " " << orgs::ToString(*refused);
    }
  }
  // Consent and the report of concern are open to every kind: no sender is refused.
  for (Kind k : orgs::AllKinds()) {
    EXPECT_TRUE(DecideDisclosure(DraftFor(BasisCode::kConsent, k), kToday, Shipped().bases));
    EXPECT_TRUE(
        DecideDisclosure(DraftFor(BasisCode::kDutyToReportChild, k), kToday, Shipped().bases));
  }
}

TEST(ShippedDisclosureBases, LimitsOfEachCode) {
  const auto& bases = Shipped().bases;
  // Crime suspicion: only to the police or the prosecution.
  auto d = DraftFor(BasisCode::kCrimeSuspicion, Kind::kMigrationAgency);
  d.recipient.kind = Kind::kProsecutionAuthority;
  EXPECT_TRUE(DecideDisclosure(d, kToday, bases));
  d.recipient.kind = Kind::kNgoShelter;
  EXPECT_EQ(Rules(DecideDisclosure(d, kToday, bases)),
            std::vector<std::string>{
                "recipient_organisation_id/crime_suspicion_only_to_police_or_prosecution"});
  // The report of concern: a child, to municipal social services.
  d = DraftFor(BasisCode::kDutyToReportChild, Kind::kIom);
  d.recipient.kind = Kind::kRegionalCoordinator;
  EXPECT_EQ(Rules(DecideDisclosure(d, kToday, bases)),
            std::vector<std::string>{
                "recipient_organisation_id/child_report_of_concern_only_to_social_services"});
  d = DraftFor(BasisCode::kDutyToReportChild, Kind::kIom);
  d.facts.may_be_child = false;
  EXPECT_EQ(Rules(DecideDisclosure(d, kToday, bases)),
            std::vector<std::string>{"basis/basis_only_for_child"});
  // Vital interests: immediate danger only.
  d = DraftFor(BasisCode::kVitalInterests, Kind::kNgoShelter);
  d.facts.immediate_danger = false;
  EXPECT_EQ(Rules(DecideDisclosure(d, kToday, bases)),
            std::vector<std::string>{"basis/basis_needs_immediate_danger"});
  // A written justification for every basis but consent.
  for (BasisCode code : AllBasisCodes()) {
    const Kind sender = code == BasisCode::kVitalInterests ? Kind::kIom : Kind::kCountyBoard;
    d = DraftFor(code, sender);
    d.basis.justification = "";
    const bool refused = !DecideDisclosure(d, kToday, bases);
    EXPECT_EQ(refused, code != BasisCode::kConsent) << ToString(code);
  }
}

TEST(ShippedDisclosureBases, TheReportOfConcernFollowsTheSocialServicesActInForce) {
  const auto& bases = Shipped().bases;
  const BasisRule* before =
      bases.Find(BasisCode::kDutyToReportChild, Kind::kNgoShelter, CivilDate{2025, 6, 30});
  const BasisRule* after =
      bases.Find(BasisCode::kDutyToReportChild, Kind::kNgoShelter, CivilDate{2025, 7, 1});
  ASSERT_NE(before, nullptr);
  ASSERT_NE(after, nullptr);
  EXPECT_NE(before->legal_reference_sv.find("Socialtjänstlagen (2001:453) 14 kap. 1 §"),
            std::string::npos);
  EXPECT_NE(after->legal_reference_sv.find("Socialtjänstlagen (2025:400)"), std::string::npos);
  EXPECT_TRUE(after->needs_check);
}

TEST(ShippedDisclosureBases, NothingBeforeTheSecrecyActAndEveryEntryCitesItsLaw) {
  EXPECT_TRUE(Shipped().bases.Available(Kind::kPoliceRegion, CivilDate{2009, 6, 29}).empty());
  for (const auto& r : Shipped().bases.rules()) {
    const bool for_authority = std::any_of(r.sender_kinds.begin(), r.sender_kinds.end(),
                                           [](Kind k) { return orgs::IsPublicAuthority(k); });
    const std::string law = for_authority ? "(2009:400)" : "2016/679";
    EXPECT_NE(r.legal_reference_sv.find(law), std::string::npos) << ToString(r.code);
    EXPECT_NE(r.legal_reference_en.find(law), std::string::npos) << ToString(r.code);
  }
}

TEST(ShippedReferralPurposes, EveryPurposeWithItsDeadlineAndOutcomes) {
  const auto& purposes = Shipped().purposes;
  const CivilDate sent{2026, 2, 27};
  const std::vector<std::tuple<Purpose, CivilDate, std::string>> expected{
      {Purpose::kSupport, {2026, 3, 6}, "support_given"},
      {Purpose::kShelter, {2026, 3, 1}, "shelter_place_given"},
      {Purpose::kReturn, {2026, 3, 13}, "return_arranged"},
      {Purpose::kReflectionPeriodApplication, {2026, 3, 2}, "application_filed"},
      {Purpose::kReportToPolice, {2026, 3, 6}, "report_recorded"},
      {Purpose::kChildProtection, {2026, 2, 28}, "protection_assessment_made"},
      {Purpose::kOther, {2026, 3, 13}, "fulfilled"}};
  ASSERT_EQ(purposes.rules().size(), expected.size());
  for (const auto& [purpose, due, outcome] : expected) {
    auto deadline = purposes.ResponseDeadline(purpose, sent);
    ASSERT_TRUE(deadline) << ToString(purpose);
    EXPECT_EQ(*deadline, due) << ToString(purpose);
    EXPECT_TRUE(purposes.IsOutcome(purpose, outcome)) << ToString(purpose);
    EXPECT_TRUE(purposes.IsOutcome(purpose, "other")) << ToString(purpose);
  }
  EXPECT_TRUE(purposes.IsOutcome(Purpose::kReflectionPeriodApplication, "decision_made"));
  EXPECT_FALSE(purposes.IsOutcome(Purpose::kShelter, "return_arranged"));
}

TEST(ShippedReferralPurposes, GuidanceForTheDialog) {
  const auto& purposes = Shipped().purposes;
  EXPECT_EQ(purposes.Find(Purpose::kReturn)->usual_recipient_kinds,
            (std::vector<Kind>{Kind::kIom, Kind::kRegionalCoordinator}));
  EXPECT_EQ(purposes.Find(Purpose::kReportToPolice)->usual_recipient_kinds,
            std::vector<Kind>{Kind::kPoliceRegion});
  EXPECT_EQ(purposes.Find(Purpose::kChildProtection)->suggested_sections,
            (std::vector<Section>{Section::kIdentity, Section::kContact, Section::kNeedsSafety,
                                  Section::kChildProtection}));
  EXPECT_TRUE(purposes.Find(Purpose::kOther)->usual_recipient_kinds.empty());
  EXPECT_TRUE(purposes.Find(Purpose::kOther)->suggested_sections.empty());
}

}  // namespace
}  // namespace opennrm::cli
