#include "domain/cases/validation.hpp"

#include <gtest/gtest.h>

#include "domain/cases/cases_test_support.hpp"
#include "domain/cases/offences.hpp"

namespace opennrm::cases {
namespace {

using testing::HasRule;
using testing::Rules;

constexpr CivilDate kToday{2026, 3, 15};

const OffenceCatalog& Offences() {
  static const OffenceCatalog c = [] {
    OffenceVersion v;
    v.id = "thb_2018";
    v.name_en = "Trafficking in human beings";
    v.name_sv = "Människohandel";
    v.legal_reference = "BrB 4 kap. 1 a §";
    v.valid_from = {2018, 7, 1};
    v.sources = {"SFS 2018:601"};
    v.grades = {{"standard", "Standard", "Normalgraden"}};
    return *OffenceCatalog::Build({"test", {{"trafficking_in_human_beings", {v}}}});
  }();
  return c;
}

const IndicatorCatalog& Indicators() {
  static const IndicatorCatalog c = *IndicatorCatalog::Build(
      {"test-1",
       {2026, 1, 1},
       {},
       {{"documents", "Documents", "Dokument", false}},
       {{"documents.withheld", "documents", "Documents withheld", "Dokument tagna"}}});
  return c;
}

Lookups Refs() {
  Lookups l = testing::TestLookups();
  l.offences = &Offences();
  l.indicators = &Indicators();
  return l;
}

// A synthetic case owned by a municipality's social services.
CaseRecord Good() {
  CaseRecord c;
  c.id = "case-1";
  c.code = {2026, 45};
  c.type = CaseType::kTraffickingInHumanBeings;
  c.owning_organisation_id = "org-1";
  c.owner_kind = orgs::Kind::kMunicipalSocialServices;
  c.team = {"u-1", "u-2"};

  CasePerson victim;
  victim.person.id = "person-1";
  victim.person.organisation_id = "org-1";
  victim.person.code = {2026, 123};
  victim.person.languages = {"ron"};
  victim.person.citizenship = {CitizenshipStatus::kKnown, {"RO"}};
  victim.role = PersonRole::kPresumedVictim;
  victim.wishes = {{"acute_protection", "Somewhere far from Malmö", {2026, 3, 10}, "u-1"}};
  victim.conversations = {
      {{2026, 3, 10},
       "u-1",
       "swe",
       Interpreter{"ron", InterpretingMode::kRemote, InterpreterRelationship::kProfessional, ""},
       ""}};
  victim.indicators = IndicatorsAssessment{
      "test-1", "u-1", {2026, 3, 10}, {{"documents.withheld", IndicatorAnswer::kYes, "Said so"}}};
  victim.assessment = PresumedVictimAssessment{"u-1",
                                               {2026, 3, 11},
                                               Conclusion::kPresumedVictim,
                                               "Indicators in three groups",
                                               Review{"u-2", {2026, 3, 12}, true, ""}};

  CasePerson child;
  child.person.id = "person-2";
  child.person.organisation_id = "org-1";
  child.person.code = {2026, 124};
  child.person.date_of_birth = *ParsePartialDate("2019");
  child.role = PersonRole::kAccompanyingChild;

  c.persons = {victim, child};
  c.exploitation = {{ExploitationForm::kLabour, LabourSector::kBerryPicking, ""}};
  c.places = {{"2584"}, {"RO"}, {"PL"}, {"SE"}};
  c.period = {*ParsePartialDate("2025-07"), *ParsePartialDate("2025-09")};
  return c;
}

std::vector<std::string> Check(const CaseRecord& c) {
  return Rules(ValidateCase(c, Refs(), kToday));
}

TEST(ValidateCase, AcceptsAGoodCase) {
  auto st = ValidateCase(Good(), Refs(), kToday);
  EXPECT_TRUE(st) << testing::Rules(st).size();
  EXPECT_TRUE(Check(Good()).empty());
}

TEST(ValidateCase, ProblemsAre422WithFieldAndRule) {
  auto c = Good();
  c.owner_kind = orgs::Kind::kNgoShelter;
  c.persons[1].role = PersonRole::kSuspect;
  auto st = ValidateCase(c, Refs(), kToday);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(st.error().fields.size(), 1u);
  EXPECT_EQ(st.error().fields[0].field, "persons[1].role");
  EXPECT_EQ(st.error().fields[0].rule, "suspect_needs_authority");
  EXPECT_FALSE(st.error().fields[0].detail.empty());
}

TEST(ValidateCase, SuspectsAndBuyersOnlyInAuthorityCases) {
  auto c = Good();
  c.owner_kind = orgs::Kind::kNgoShelter;
  c.persons[1].role = PersonRole::kBuyerOfSexualServices;
  EXPECT_EQ(Check(c), std::vector<std::string>{"persons[1].role/buyer_needs_authority"});
  c.owner_kind = orgs::Kind::kPoliceRegion;
  EXPECT_TRUE(Check(c).empty());
}

TEST(ValidateCase, ProceedingsOnlyInAuthorityCases) {
  auto c = Good();
  c.owner_kind = orgs::Kind::kIom;
  c.proceedings = Proceedings{};
  EXPECT_EQ(Check(c), std::vector<std::string>{"proceedings/proceedings_need_authority"});
  c.owner_kind = orgs::Kind::kProsecutionAuthority;
  c.proceedings->police_report_numbers = {"5000-K123456-25"};
  c.proceedings->offences = {
      {"trafficking_in_human_beings", "thb_2018", "standard", *ParsePartialDate("2025-08"), ""}};
  c.proceedings->injured_parties = {{"person-1", InjuredPartyStatus::kInjuredParty, std::nullopt},
                                    {"person-9", InjuredPartyStatus::kNotDecided, std::nullopt}};
  EXPECT_EQ(Check(c),
            std::vector<std::string>{"proceedings.injured_parties[1].person_id/unknown_person"});
}

TEST(ValidateCase, PersonsBelongToTheOwningOrganisationOnce) {
  auto c = Good();
  c.persons[1].person.organisation_id = "org-2";
  c.persons.push_back(c.persons[0]);
  auto rules = Check(c);
  EXPECT_TRUE(HasRule(rules, "persons[1].organisation_id/person_other_organisation"));
  EXPECT_TRUE(HasRule(rules, "persons[2].id/duplicate"));
  c = Good();
  c.persons[0].person.merged_into = "person-7";
  EXPECT_EQ(Check(c), std::vector<std::string>{"persons[0].id/merged_person"});
}

TEST(ValidateCase, FieldPathsReachIntoEveryPart) {
  auto c = Good();
  c.code = {};
  c.team = {};
  c.persons[0].person.citizenship.countries = {"ZZ"};
  c.persons[0].wishes[0].step = "teleport";
  c.persons[0].conversations[0].interpreter->relationship = InterpreterRelationship::kCompanion;
  c.persons[0].indicators->answers[0].evidence = "";
  c.persons[0].assessment->review->reviewed_by = "u-1";
  c.persons[0].consents = {
      {"Contact the regional coordinator", {2026, 3, 10}, "u-1", "swe", std::nullopt}};
  c.persons[0].safety_plan = SafetyPlan{};
  c.persons[0].safety_plan->made_on = {2026, 3, 10};
  c.exploitation[0].sector.reset();
  c.places.municipalities = {"0000"};
  c.period = {*ParsePartialDate("2025-09"), *ParsePartialDate("2025-07")};
  EXPECT_EQ(Check(c), (std::vector<std::string>{
                          "code/format",
                          "team/required",
                          "persons[0].citizenship.countries[0]/unknown_country",
                          "persons[0].wishes[0].step/unknown_step",
                          "persons[0].safety_plan.who_to_call/required",
                          "persons[0].conversations[0].interpreter.relationship/"
                          "interpreter_family_or_companion",
                          "persons[0].consents[0].language/language_not_understood",
                          "persons[0].indicators.answers[0].evidence/evidence_required",
                          "persons[0].assessment.review.reviewed_by/reviewer_is_assessor",
                          "exploitation[0].sector/sector_required",
                          "places.municipalities[0]/unknown_municipality",
                          "period.to/end_before_start",
                      }));
}

TEST(ValidateCase, TeamMembersAreListedOnce) {
  auto c = Good();
  c.team = {"u-1", "u-1", ""};
  EXPECT_EQ(Check(c), (std::vector<std::string>{"team[1]/duplicate", "team[2]/required"}));
}

}  // namespace
}  // namespace opennrm::cases
