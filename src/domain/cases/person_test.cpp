#include "domain/cases/person.hpp"

#include <gtest/gtest.h>

#include "domain/cases/cases_test_support.hpp"

namespace opennrm::cases {
namespace {

using testing::HasRule;
using testing::Rules;

constexpr CivilDate kToday{2026, 3, 15};

// Synthetic person; no real data.
Person Good() {
  Person p;
  p.id = "person-1";
  p.organisation_id = "org-1";
  p.code = {2026, 123};
  p.names = {{NameKind::kName, "Olena Kovalenko", "Олена Коваленко"},
             {NameKind::kAlias, "Lena", ""}};
  p.date_of_birth = *ParsePartialDate("2001-07");
  p.gender = Gender::kFemale;
  p.citizenship = {CitizenshipStatus::kKnown, {"UA"}};
  p.languages = {"ukr", "rus"};
  p.documents = {{DocumentType::kPassport, "SYN000001", "UA", CivilDate{2030, 1, 1}}};
  p.contact.phones = {"+46 70 000 00 00"};
  p.contact.emails = {"olena@example.org"};
  return p;
}

std::vector<std::string> Check(const Person& p) {
  return Rules(ValidatePerson(p, testing::TestLookups(), kToday));
}

TEST(Person, AcceptsAFullRecord) { EXPECT_TRUE(Check(Good()).empty()); }

TEST(Person, TheCodeAloneSuffices) {
  Person p;
  p.organisation_id = "org-1";
  p.code = {2026, 7};
  EXPECT_TRUE(Check(p).empty());
  EXPECT_EQ(ToString(p.code), "P-2026-000007");
}

TEST(Person, SwedishCitizensStatelessAndUnknown) {
  auto p = Good();
  p.citizenship = {CitizenshipStatus::kKnown, {"SE", "UA"}};
  EXPECT_TRUE(Check(p).empty());
  p.citizenship = {CitizenshipStatus::kStateless, {}};
  EXPECT_TRUE(Check(p).empty());
  p.citizenship = {CitizenshipStatus::kUnknown, {}};
  EXPECT_TRUE(Check(p).empty());
  p.citizenship = {CitizenshipStatus::kStateless, {"UA"}};
  EXPECT_EQ(Check(p), std::vector<std::string>{"citizenship.countries/empty_for_status"});
  p.citizenship = {CitizenshipStatus::kKnown, {}};
  EXPECT_EQ(Check(p), std::vector<std::string>{"citizenship.countries/required"});
}

TEST(Person, UnknownCountriesAndLanguagesAreNamed) {
  auto p = Good();
  p.citizenship.countries = {"UA", "XX", "UA"};
  p.languages = {"ukr", "uk"};
  p.documents[0].issuing_country = "UKR";
  EXPECT_EQ(Check(p),
            (std::vector<std::string>{
                "citizenship.countries[1]/unknown_country", "citizenship.countries[2]/duplicate",
                "languages[1]/unknown_language", "documents[0].issuing_country/unknown_country"}));
}

TEST(Person, NamesNeedALatinSpellingAndCleanText) {
  auto p = Good();
  p.names.push_back({NameKind::kAlias, "", "Олена"});
  p.names.push_back({NameKind::kName, "Bad\x01name", ""});
  EXPECT_EQ(Check(p), (std::vector<std::string>{"names[2].latin/required", "names[3].latin/utf8"}));
}

TEST(Person, DatesOfBirthInTheFutureOrBadRangesAreRefused) {
  auto p = Good();
  p.date_of_birth = *ParsePartialDate("2026-04");
  EXPECT_EQ(Check(p), std::vector<std::string>{"date_of_birth/not_future"});
  p.date_of_birth = *ParsePartialDate("2026");  // may be born already
  EXPECT_TRUE(Check(p).empty());
  p.date_of_birth = PartialDate{2001, 2, 30};
  EXPECT_EQ(Check(p), std::vector<std::string>{"date_of_birth/format"});
  p.date_of_birth = AgeRange{19, 16, {2026, 3, 1}};
  EXPECT_EQ(Check(p), std::vector<std::string>{"date_of_birth/range"});
  p.date_of_birth = AgeRange{16, 19, {2026, 3, 16}};
  EXPECT_EQ(Check(p), std::vector<std::string>{"date_of_birth.estimated_on/not_future"});
  p.date_of_birth = AgeRange{16, 19, {2026, 3, 1}};
  EXPECT_TRUE(Check(p).empty());
}

TEST(Person, DocumentsAndContactDetails) {
  auto p = Good();
  p.documents.push_back(p.documents[0]);
  p.documents.push_back({DocumentType::kNationalIdCard, " ", "UA", std::nullopt});
  p.contact.phones = {"112", "phone me", "+46 (0)8-000 00"};
  p.contact.emails = {"not-an-email"};
  EXPECT_EQ(Check(p),
            (std::vector<std::string>{"documents[1]/duplicate", "documents[2].number/required",
                                      "contact.phones[1]/format", "contact.emails[0]/format"}));
}

TEST(Person, BelongsToAnOrganisation) {
  auto p = Good();
  p.organisation_id = "";
  p.code = {};
  EXPECT_EQ(Check(p), (std::vector<std::string>{"organisation_id/required", "code/format"}));
}

TEST(Person, UnderstandsItsLanguages) {
  EXPECT_TRUE(Understands(Good(), "ukr"));
  EXPECT_FALSE(Understands(Good(), "swe"));
}

TEST(Person, NamesRoundTrip) {
  for (auto g : AllGenders()) EXPECT_EQ(ParseGender(ToString(g)), g);
  EXPECT_EQ(ParseNameKind("alias"), NameKind::kAlias);
  EXPECT_EQ(ParseCitizenshipStatus("stateless"), CitizenshipStatus::kStateless);
  EXPECT_EQ(ParseDocumentType("residence_permit"), DocumentType::kResidencePermit);
  EXPECT_FALSE(ParseGender("f"));
}

}  // namespace
}  // namespace opennrm::cases
