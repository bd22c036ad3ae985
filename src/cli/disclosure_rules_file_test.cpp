// The disclosure rules the product ships (data/rules/disclosure_bases.toml
// and referral_purposes.toml), read the way the server reads them: every
// entry is listed and exercised, each basis code for a sender kind that may
// use it and one that may not; then files that must be refused, each naming
// the file, the line and the entry of the first problem.
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

// ----------------------------------------------------------------------------
// Files that must be refused.

constexpr std::string_view kBases = R"(format = 1

[[bases]]
code = "consent"
title_sv = "Samtycke"
title_en = "Consent"
sender_kinds = ["police_region", "customs"]
legal_reference_sv = "Referens"
legal_reference_en = "Reference"
justification_required = false
needs_check = false
valid_from = 2010-01-01

[[bases]]
code = "crime_suspicion"
title_sv = "Brott"
title_en = "Crime"
sender_kinds = ["police_region"]
legal_reference_sv = "Referens"
legal_reference_en = "Reference"
justification_required = true
recipient_kinds = ["prosecution_authority"]
needs_check = true
valid_from = 2010-01-01
)";

constexpr std::string_view kPurposes = R"(format = 1
[[purposes]]
purpose = "support"
response_days = 7
outcomes = ["support_given"]
suggested_sections = ["identity"]
)";

// `text` with the first `from` replaced by `to`.
std::string With(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const auto at = out.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

// The purposes file listing every purpose, after the minimal "support".
std::string AllPurposesText() {
  std::string text(kPurposes);
  for (Purpose p : AllPurposes()) {
    if (p == Purpose::kSupport) continue;
    text += "[[purposes]]\npurpose = \"" + std::string(ToString(p)) +
            "\"\nresponse_days = 3\noutcomes = [\"fulfilled\"]\n";
  }
  return text;
}

// Expects a refusal on `field` with `rule` whose message names the file,
// the line and `entry`.
template <class R>
void ExpectRefused(const R& r, const std::string& field, const std::string& rule,
                   const std::string& message_part) {
  ASSERT_FALSE(r) << field;
  ASSERT_FALSE(r.error().fields.empty());
  EXPECT_EQ(r.error().fields[0].field, field);
  EXPECT_EQ(r.error().fields[0].rule, rule);
  EXPECT_EQ(r.error().message.rfind("test.toml:", 0), 0u) << r.error().message;
  EXPECT_NE(r.error().message.find(message_part), std::string::npos) << r.error().message;
}

TEST(DisclosureRulesFileErrors, TheSyntheticFilesAreFine) {
  EXPECT_TRUE(ParseDisclosureBases(kBases, "test.toml"));
  auto purposes = ParseReferralPurposes(AllPurposesText(), "test.toml");
  EXPECT_TRUE(purposes) << (purposes ? "" : purposes.error().message);
}

TEST(DisclosureRulesFileErrors, UnknownKindsCodesAndKeys) {
  ExpectRefused(
      ParseDisclosureBases(With(kBases, "\"customs\"", "\"customs_office\""), "test.toml"),
      "bases[0].sender_kinds[1]", "unknown_value", "bases[0] (consent).sender_kinds[1]");
  ExpectRefused(
      ParseDisclosureBases(With(kBases, "[\"prosecution_authority\"]", "[\"court\"]"), "test.toml"),
      "bases[1].recipient_kinds[0]", "unknown_value",
      "test.toml:22: bases[1] (crime_suspicion).recipient_kinds[0]");
  ExpectRefused(
      ParseDisclosureBases(With(kBases, "\"crime_suspicion\"", "\"suspicion\""), "test.toml"),
      "bases[1].code", "unknown_value", "'suspicion'");
  ExpectRefused(
      ParseDisclosureBases(With(kBases, "needs_check = true", "needs_chek = true"), "test.toml"),
      "bases[1].needs_chek", "unknown_key", "bases[1] (crime_suspicion).needs_chek");
  ExpectRefused(ParseReferralPurposes(With(AllPurposesText(), "[\"identity\"]", "[\"address\"]"),
                                      "test.toml"),
                "purposes[0].suggested_sections[0]", "unknown_value",
                "purposes[0] (support).suggested_sections[0]");
  ExpectRefused(
      ParseReferralPurposes(With(AllPurposesText(), "\"support\"", "\"housing\""), "test.toml"),
      "purposes[0].purpose", "unknown_value", "'housing'");
}

TEST(DisclosureRulesFileErrors, OverlappingEntriesOfOneCode) {
  // A second consent entry for customs from 2020, while the first still runs.
  const std::string later = R"(
[[bases]]
code = "consent"
title_sv = "Samtycke"
title_en = "Consent"
sender_kinds = ["customs"]
legal_reference_sv = "Referens 2"
legal_reference_en = "Reference 2"
justification_required = false
needs_check = false
valid_from = 2020-01-01
)";
  std::string text = std::string(kBases) + later;
  ExpectRefused(ParseDisclosureBases(text, "test.toml"), "bases[2].valid_from", "overlaps",
                "test.toml:35: bases[2] (consent).valid_from");
  // The first ending the day before the second starts is fine.
  text =
      With(text, "valid_from = 2010-01-01\n", "valid_from = 2010-01-01\nvalid_to = 2019-12-31\n");
  auto table = ParseDisclosureBases(text, "test.toml");
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(
      table->Find(BasisCode::kConsent, Kind::kCustoms, CivilDate{2020, 1, 1})->legal_reference_en,
      "Reference 2");
  // For another sender kind only, the same days are fine too.
  text = std::string(kBases) + With(later, "\"customs\"", "\"tax_agency\"");
  EXPECT_TRUE(ParseDisclosureBases(text, "test.toml"));
}

TEST(DisclosureRulesFileErrors, MissingOrBlankReferences) {
  ExpectRefused(
      ParseDisclosureBases(With(kBases, "legal_reference_en = \"Reference\"\n", ""), "test.toml"),
      "bases[0].legal_reference_en", "required", "bases[0] (consent).legal_reference_en");
  ExpectRefused(ParseDisclosureBases(
                    With(kBases, "legal_reference_sv = \"Referens\"", "legal_reference_sv = \" \""),
                    "test.toml"),
                "bases[0].legal_reference_sv", "required",
                "test.toml:8: bases[0] (consent).legal_reference_sv");
}

TEST(DisclosureRulesFileErrors, FormatEntriesAndPurposes) {
  ExpectRefused(ParseDisclosureBases(With(kBases, "format = 1", "format = 2"), "test.toml"),
                "format", "unsupported", "must be 1");
  auto empty = ParseDisclosureBases("format = 1\nbases = []\n", "test.toml");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().fields[0].rule, "required");
  ExpectRefused(ParseReferralPurposes(kPurposes, "test.toml"), "purposes", "missing_purpose",
                "'shelter' is not listed");
  ExpectRefused(ParseReferralPurposes(
                    With(AllPurposesText(), "response_days = 7", "response_days = 0"), "test.toml"),
                "purposes[0].response_days", "range", "purposes[0] (support).response_days");
  ExpectRefused(ParseDisclosureBases("format = 1\n[[bases]\n", "test.toml"), "test.toml", "toml",
                "test.toml:2");
  auto missing = ReadDisclosureRules("no/such/dir");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no/such/dir/disclosure_bases.toml"), std::string::npos);
}

}  // namespace
}  // namespace opennrm::cli
