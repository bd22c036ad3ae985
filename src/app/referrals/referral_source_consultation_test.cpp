// A consultation as the source of a referral (referral_source_consultation.hpp):
// the registry knows it, it holds only its own consents and four sections,
// the facts it gives the disclosure decision, and the package it builds.
#include "app/referrals/referral_source_consultation.hpp"

#include <gtest/gtest.h>

#include <variant>

namespace opennrm::app::referral_internal {
namespace {

ports::ConsultationRow Row() {
  ports::ConsultationRow r;
  r.id = "k1";
  r.code = "KON-2026-000007";
  r.organisation_id = "nu";
  r.topic = "suspected_trafficking";
  r.forms = {"labour", "sexual"};
  r.municipality_code = "2480";
  r.age_group = "adult";
  r.gender = "female";
  r.citizenship = "swedish";
  r.holds_residence_permit = true;
  r.indicators = {"documents.withheld"};
  r.identity_basis = "consent";
  r.received_at_us = 1'780'000'000'000'000LL;  // 2026-05-28
  r.updated_at_us = r.received_at_us + 1;
  r.created_by = "op1";
  return r;
}

ports::ConsultationBody Body() {
  ports::ConsultationBody b;
  b.situation = "Bärplockare i ett läger.";
  b.advice = "Kontakta regionkoordinatorn.";
  b.identity.name = "Testa Testsson";
  b.identity.date_of_birth = CivilDate{1990, 4, 2};
  b.identity.phone = "070-000 00 00";
  b.identity.email = "testa@example.invalid";
  return b;
}

referrals::ApprovedScope Scope(std::vector<access::Section> sections) {
  referrals::ApprovedScope s;
  s.sections = std::move(sections);
  return s;
}

const CivilDate kToday{2026, 6, 1};

template <class Part>
const Part* Find(const ports::PackageDocument& d) {
  for (const auto& part : d.sections) {
    if (const auto* p = std::get_if<Part>(&part)) return p;
  }
  return nullptr;
}

TEST(ConsultationSource, IsTheSourceOfItsKind) {
  const ReferralSource* source = SourceOfKind("consultation");
  ASSERT_NE(source, nullptr);
  EXPECT_EQ(source->Kind(), "consultation");
  EXPECT_NE(dynamic_cast<const ConsultationSource*>(source), nullptr);
}

TEST(ConsultationSource, HoldsOnlyTheConsentsOfItsOwnConsultation) {
  ConsultationSource source;
  ports::ConsentRow consent;
  consent.consultation_id = "k1";
  EXPECT_TRUE(source.HoldsConsent(consent, "k1"));
  EXPECT_FALSE(source.HoldsConsent(consent, "k2"));
  ports::ConsentRow of_case;
  of_case.case_id = "k1";  // a case's consent, whatever its id
  EXPECT_FALSE(source.HoldsConsent(of_case, "k1"));
  EXPECT_FALSE(source.HoldsConsent(ports::ConsentRow{}, ""));
}

TEST(ConsultationSource, ListsItsReferralsAsTheConsultation) {
  ConsultationSource source;
  SourceAccess access;
  access.id = "k1";
  access.owner_organisation_id = "nu";
  auto object = source.ListedObject(access);
  EXPECT_EQ(object.type, "consultation");
  EXPECT_EQ(object.id, "k1");
  EXPECT_EQ(object.organisation_id, "nu");
  EXPECT_TRUE(object.sections.empty());
}

TEST(ConsultationSections, AreIdentityContactAssessmentAndNotes) {
  Problems p;
  CheckConsultationSections({"identity", "support", "notes", "bogus", "proceedings"}, p);
  ASSERT_EQ(p.items().size(), 2u);
  EXPECT_EQ(p.items()[0].field, "sections[1]");
  EXPECT_EQ(p.items()[0].rule, "not_in_source");
  EXPECT_EQ(p.items()[1].field, "sections[4]");
  Problems none;
  CheckConsultationSections({"identity", "contact", "assessment", "notes"}, none);
  EXPECT_TRUE(none.empty());
}

TEST(ConsultationFacts, AnAdultKeptByTheUnitWithNoPersonRecord) {
  auto f = ConsultationFacts(Row(), Body(), orgs::Kind::kNationalUnit, kToday);
  EXPECT_EQ(f.person_id, "") << "as the person_id of the consultation's consents";
  EXPECT_EQ(f.owner_kind, orgs::Kind::kNationalUnit);
  EXPECT_FALSE(f.may_be_child);
  EXPECT_FALSE(f.includes_offence_roles);
  EXPECT_FALSE(f.protected_identity);
}

TEST(ConsultationFacts, AChildByAgeGroupBasisApproximateAgeOrDateOfBirth) {
  auto by_group = Row();
  by_group.age_group = "child";
  EXPECT_TRUE(ConsultationFacts(by_group, Body(), orgs::Kind::kNationalUnit, kToday).may_be_child);
  auto by_basis = Row();
  by_basis.identity_basis = "report_of_concern";
  EXPECT_TRUE(ConsultationFacts(by_basis, Body(), orgs::Kind::kNationalUnit, kToday).may_be_child);
  auto by_age = Row();
  by_age.approximate_age = 16;
  EXPECT_TRUE(ConsultationFacts(by_age, Body(), orgs::Kind::kNationalUnit, kToday).may_be_child);
  auto body = Body();
  body.identity.date_of_birth = CivilDate{2008, 6, 2};  // 18 tomorrow
  EXPECT_TRUE(ConsultationFacts(Row(), body, orgs::Kind::kNationalUnit, kToday).may_be_child);
  body.identity.date_of_birth = CivilDate{2008, 6, 1};  // 18 today
  EXPECT_FALSE(ConsultationFacts(Row(), body, orgs::Kind::kNationalUnit, kToday).may_be_child);
}

TEST(CaseTypeForTopic, NamesACaseTypeOnlyWhereTheTopicTellsOne) {
  EXPECT_EQ(CaseTypeForTopic("suspected_trafficking"), "trafficking_in_human_beings");
  EXPECT_EQ(CaseTypeForTopic("human_exploitation"), "human_exploitation");
  EXPECT_EQ(CaseTypeForTopic("prostitution"), "prostitution_exit_support");
  EXPECT_EQ(CaseTypeForTopic("method_advice"), "");
  EXPECT_EQ(CaseTypeForTopic("child"), "");
}

TEST(ConsultationPackage, CarriesTheFourSectionsInScopeOrder) {
  using access::Section;
  auto doc = ConsultationPackage(
      Row(), Body(), {"nu", "Nationella enheten", "2026-1"},
      Scope({Section::kIdentity, Section::kContact, Section::kAssessment, Section::kNotes}),
      kToday);
  EXPECT_EQ(doc.sender_id, "nu");
  EXPECT_EQ(doc.sender_name, "Nationella enheten");
  EXPECT_EQ(doc.case_code, "KON-2026-000007");
  EXPECT_EQ(doc.case_type, "trafficking_in_human_beings");
  EXPECT_EQ(doc.person_code, "");
  EXPECT_EQ(doc.sent_on, kToday);
  EXPECT_FALSE(doc.is_protected);
  ASSERT_EQ(doc.sections.size(), 4u);
  EXPECT_EQ(ports::SectionOf(doc.sections[0]), Section::kIdentity);
  EXPECT_EQ(ports::SectionOf(doc.sections[3]), Section::kNotes);

  const auto* identity = Find<ports::PackageIdentity>(doc);
  ASSERT_NE(identity, nullptr);
  EXPECT_EQ(identity->role, "presumed_victim");
  ASSERT_EQ(identity->identity.names.size(), 1u);
  EXPECT_EQ(identity->identity.names[0].latin, "Testa Testsson");
  ASSERT_TRUE(identity->identity.date_of_birth);
  EXPECT_EQ(std::get<cases::PartialDate>(*identity->identity.date_of_birth),
            (cases::PartialDate{1990, 4, 2}));
  EXPECT_EQ(identity->identity.gender, cases::Gender::kFemale);
  EXPECT_EQ(identity->identity.citizenship.countries, std::vector<std::string>{"SE"});
  EXPECT_EQ(identity->identity.residence_permit, cases::ResidencePermit::kHasPermit);
  EXPECT_FALSE(identity->identity.claimed_minor);

  const auto* contact = Find<ports::PackageContact>(doc);
  ASSERT_NE(contact, nullptr);
  EXPECT_EQ(contact->contact.phones, std::vector<std::string>{"070-000 00 00"});
  EXPECT_EQ(contact->contact.emails, std::vector<std::string>{"testa@example.invalid"});

  const auto* assessment = Find<ports::PackageAssessment>(doc);
  ASSERT_NE(assessment, nullptr);
  ASSERT_TRUE(assessment->exploitation);
  ASSERT_EQ(assessment->exploitation->forms.size(), 2u);
  EXPECT_EQ(assessment->exploitation->forms[0].form, cases::ExploitationForm::kLabour);
  EXPECT_EQ(assessment->exploitation->forms[0].sector, cases::LabourSector::kOther);
  EXPECT_FALSE(assessment->exploitation->forms[0].details.empty()) << "a case needs them";
  EXPECT_EQ(assessment->exploitation->places.municipalities, std::vector<std::string>{"2480"});
  ASSERT_TRUE(assessment->indicators);
  EXPECT_EQ(assessment->indicators->catalog_version, "2026-1");
  ASSERT_EQ(assessment->indicators->answers.size(), 1u);
  EXPECT_EQ(assessment->indicators->answers[0].indicator_id, "documents.withheld");
  EXPECT_EQ(assessment->indicators->answers[0].answer, cases::IndicatorAnswer::kYes);
  EXPECT_FALSE(assessment->indicators->answers[0].evidence.empty());
  EXPECT_FALSE(assessment->assessment) << "no presumed-victim assessment is made on the phone";

  const auto* notes = Find<ports::PackageNotes>(doc);
  ASSERT_NE(notes, nullptr);
  ASSERT_EQ(notes->notes.size(), 2u);
  EXPECT_NE(notes->notes[0].text.find("Bärplockare i ett läger."), std::string::npos);
  EXPECT_NE(notes->notes[1].text.find("Kontakta regionkoordinatorn."), std::string::npos);
  EXPECT_NE(notes->notes[0].id, notes->notes[1].id);
}

TEST(ConsultationPackage, LeavesOutWhatItDoesNotHoldAndPlacesWhenStripped) {
  using access::Section;
  auto scope = Scope({Section::kSupport, Section::kContact, Section::kAssessment});
  scope.strip_places = true;
  auto doc = ConsultationPackage(Row(), Body(), {"nu", "NU", ""}, scope, kToday);
  ASSERT_EQ(doc.sections.size(), 1u);
  const auto* assessment = Find<ports::PackageAssessment>(doc);
  ASSERT_NE(assessment, nullptr);
  EXPECT_TRUE(assessment->exploitation->places.municipalities.empty());
  EXPECT_TRUE(assessment->exploitation->places.exploitation_countries.empty());
}

TEST(ConsultationPackage, AnApproximateAgeIsAnEstimateOnTheDayOfTheContact) {
  auto row = Row();
  row.age_group = "child";
  row.approximate_age = 15;
  auto body = Body();
  body.identity.date_of_birth.reset();
  body.identity.name.clear();
  auto doc =
      ConsultationPackage(row, body, {"nu", "NU", ""}, Scope({access::Section::kIdentity}), kToday);
  const auto* identity = Find<ports::PackageIdentity>(doc);
  ASSERT_NE(identity, nullptr);
  EXPECT_TRUE(identity->identity.names.empty());
  EXPECT_TRUE(identity->identity.claimed_minor);
  ASSERT_TRUE(identity->identity.date_of_birth);
  const auto& range = std::get<cases::AgeRange>(*identity->identity.date_of_birth);
  EXPECT_EQ(range.min_years, 15);
  EXPECT_EQ(range.max_years, 15);
  EXPECT_EQ(range.estimated_on, (CivilDate{2026, 5, 28}));
}

}  // namespace
}  // namespace opennrm::app::referral_internal
