#include "domain/orgs/validation.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace opennrm::orgs {
namespace {

const geo::Geography& Geo() {
  static const geo::Geography g = [] {
    geo::GeographyData d;
    d.police_regions = {
        {"nord", "Polisregion Nord", "Police Region North", "Umeå"},
        {"bergslagen", "Polisregion Bergslagen", "Police Region Bergslagen", "Örebro"}};
    d.counties = {{"25", "Norrbottens län", "Norrbotten", "BD", "nord", std::nullopt},
                  {"18", "Örebro län", "Örebro", "T", "bergslagen", std::nullopt}};
    d.municipalities = {{"2584", "Kiruna", "25", std::nullopt},
                        {"2580", "Luleå", "25", std::nullopt},
                        {"1880", "Örebro", "18", std::nullopt}};
    return *geo::Geography::Build(std::move(d));
  }();
  return g;
}

const ref::Catalogs& Cat() {
  static const ref::Catalogs c = *ref::Catalogs::Build(
      {{"SE", "SWE", "752", "Sweden", "Sverige"}},
      {{"swe", "Swedish", "Svenska", "I", "L"},
       {"rom", "Romany", "Romani", "M", "L"},
       {"sme", "Northern Sami", "Nordsamiska", "I", "L"},
       {"eng", "English", "Engelska", "I", "L"}},
      {"2026-1",
       {{"shelter_women", "Shelter for women", "Skyddat boende för kvinnor", "shelter"},
        {"legal_advice", "Legal advice", "Juridisk rådgivning", "legal"},
        {"interpretation", "Interpretation", "Tolkning", "language"}}});
  return c;
}

constexpr CivilDate kToday{2026, 3, 15};

OrganisationDraft Good() {
  OrganisationDraft d;
  d.name = "Kvinnojouren i Kiruna";
  d.kind = Kind::kNgoShelter;
  d.coverage = {CoverageScope::kMunicipalities, {"2584"}};
  d.services = {"shelter_women"};
  d.languages = {"swe"};
  return d;
}

Result<OrganisationDraft> Check(const OrganisationDraft& d) {
  return Validate(d, Geo(), Cat(), kToday);
}

// Whether the failed result names `field` with `rule`.
bool Has(const Result<OrganisationDraft>& r, const std::string& field, const std::string& rule) {
  if (r) return false;
  const auto& fs = r.error().fields;
  return std::any_of(fs.begin(), fs.end(),
                     [&](const FieldProblem& f) { return f.field == field && f.rule == rule; });
}

std::string Describe(const Result<OrganisationDraft>& r) {
  if (r) return "valid";
  std::string s;
  for (const auto& f : r.error().fields) s += f.field + "/" + f.rule + " ";
  return s;
}

TEST(Validate, AcceptsAGoodDraft) {
  auto r = Check(Good());
  ASSERT_TRUE(r) << Describe(r);
  EXPECT_EQ(r->name, "Kvinnojouren i Kiruna");
}

TEST(Validate, EmptyOrBlankNameIsRequired) {
  for (const char* name : {"", "   ", "\t\n", "\u00A0\u2003"}) {
    auto d = Good();
    d.name = name;
    auto r = Check(d);
    EXPECT_TRUE(Has(r, "name", "required")) << "'" << name << "': " << Describe(r);
    if (!r) {
      EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    }
  }
}

TEST(Validate, NameIsTrimmedAndLimited) {
  auto d = Good();
  d.name = "  Kvinnojouren i Kiruna \n";
  auto r = Check(d);
  ASSERT_TRUE(r) << Describe(r);
  EXPECT_EQ(r->name, "Kvinnojouren i Kiruna");
  d.name = std::string(201, 'x');
  EXPECT_TRUE(Has(Check(d), "name", "max_length"));
  d.name = std::string(200, 'x');
  EXPECT_TRUE(Check(d));
  d.name = "Jour\x01";
  EXPECT_TRUE(Has(Check(d), "name", "utf8"));
}

TEST(Validate, MalformedEmailsAreRejected) {
  for (const char* email :
       {"a@b", "no-at", "x@@y.se", "a b@c.se", "@kiruna.se", "a@.se", "a@kiruna.", "a..b@kiruna.se",
        ".a@kiruna.se", "a@kiruna..se", "a<b>@kiruna.se"}) {
    auto d = Good();
    d.contact.email = email;
    auto r = Check(d);
    EXPECT_TRUE(Has(r, "contact.email", "format")) << email << ": " << Describe(r);
  }
}

TEST(Validate, ValidEmailDomainIsLowerCasedLocalPartKept) {
  auto d = Good();
  d.contact.email = "  Kontakt.Jour@Kiruna.SE ";
  auto r = Check(d);
  ASSERT_TRUE(r) << Describe(r);
  EXPECT_EQ(r->contact.email, "Kontakt.Jour@kiruna.se");
  EXPECT_TRUE(IsValidEmail("first.last+tag@sub.example.org"));
}

TEST(Validate, SwedishPhoneNumbersBecomeE164) {
  EXPECT_EQ(NormalisePhone("08-123 456 78"), "+46812345678");
  EXPECT_EQ(NormalisePhone("+46 8 123 456 78"), "+46812345678");
  EXPECT_EQ(NormalisePhone("0980-123 45"), "+4698012345");  // Kiruna area code
  auto d = Good();
  d.contact.phone = "08-123 456 78";
  auto r = Check(d);
  ASSERT_TRUE(r) << Describe(r);
  EXPECT_EQ(r->contact.phone, "+46812345678");
}

TEST(Validate, InvalidPhoneNumbersAreRejected) {
  EXPECT_FALSE(NormalisePhone("123"));
  EXPECT_FALSE(NormalisePhone("telefon"));
  EXPECT_FALSE(NormalisePhone(""));
  auto d = Good();
  d.contact.phone = "123";
  EXPECT_TRUE(Has(Check(d), "contact.phone", "format"));
}

TEST(Validate, WebsiteMustBeHttps) {
  auto d = Good();
  d.contact.website = "http://kvinnojouren.se";
  EXPECT_TRUE(Has(Check(d), "contact.website", "format"));
  d.contact.website = "javascript:alert(1)";
  EXPECT_TRUE(Has(Check(d), "contact.website", "format"));
  d.contact.website = "kvinnojouren.se";
  EXPECT_TRUE(Has(Check(d), "contact.website", "format"));
  d.contact.website = "https://kvinnojouren.se";
  EXPECT_TRUE(Check(d));
}

TEST(Validate, UnknownMunicipalityInCoverageNamesItsIndex) {
  auto d = Good();
  d.coverage.codes = {"2584", "9999"};
  auto r = Check(d);
  EXPECT_TRUE(Has(r, "coverage.codes[1]", "unknown_code")) << Describe(r);
  d.coverage.codes = {"9999"};
  EXPECT_TRUE(Has(Check(d), "coverage.codes[0]", "unknown_code"));
  // A county code is not a municipality code.
  d.coverage.codes = {"25"};
  EXPECT_TRUE(Has(Check(d), "coverage.codes[0]", "unknown_code"));
}

TEST(Validate, CoverageCodesAreCheckedAgainstTheirScope) {
  auto d = Good();
  d.coverage = {CoverageScope::kCounties, {"25", "2584"}};
  EXPECT_TRUE(Has(Check(d), "coverage.codes[1]", "unknown_code"));
  d.coverage = {CoverageScope::kPoliceRegions, {"nord", "Nord"}};
  EXPECT_TRUE(Has(Check(d), "coverage.codes[1]", "unknown_code"));
  d.coverage = {CoverageScope::kPoliceRegions, {"bergslagen"}};
  EXPECT_TRUE(Check(d));
}

TEST(Validate, NationalCoverageListsNoCodesOthersNeedOne) {
  auto d = Good();
  d.coverage = {CoverageScope::kNational, {"2584"}};
  EXPECT_TRUE(Has(Check(d), "coverage.codes", "empty_for_national"));
  d.coverage = {CoverageScope::kNational, {}};
  EXPECT_TRUE(Check(d));
  d.coverage = {CoverageScope::kCounties, {}};
  EXPECT_TRUE(Has(Check(d), "coverage.codes", "required"));
}

TEST(Validate, UnknownServiceAndLanguageCodes) {
  auto d = Good();
  d.services = {"shelter_women", "massage"};
  d.languages = {"sv"};  // ISO 639-1, not 639-3
  auto r = Check(d);
  EXPECT_TRUE(Has(r, "services[1]", "unknown_code")) << Describe(r);
  EXPECT_TRUE(Has(r, "languages[0]", "unknown_code")) << Describe(r);
}

TEST(Validate, CodesAreSortedAndDeduplicated) {
  auto d = Good();
  d.coverage.codes = {"2584", "1880", "2584", "2580"};
  d.services = {"legal_advice", "shelter_women", "legal_advice"};
  d.languages = {"sme", "rom", "swe", "rom"};
  auto r = Check(d);
  ASSERT_TRUE(r) << Describe(r);
  EXPECT_EQ(r->coverage.codes, (std::vector<std::string>{"1880", "2580", "2584"}));
  EXPECT_EQ(r->services, (std::vector<std::string>{"legal_advice", "shelter_women"}));
  EXPECT_EQ(r->languages, (std::vector<std::string>{"rom", "sme", "swe"}));
}

TEST(Validate, CapacityEnumsRangeAndDuplicates) {
  auto d = Good();
  d.capacity = {{"women", "adults", 6},
                {"woman", "adult", -1},
                {"women", "adults", 2},
                {"any", "children", 100001}};
  auto r = Check(d);
  EXPECT_TRUE(Has(r, "capacity[1].gender", "enum")) << Describe(r);
  EXPECT_TRUE(Has(r, "capacity[1].age_group", "enum"));
  EXPECT_TRUE(Has(r, "capacity[1].places", "range"));
  EXPECT_TRUE(Has(r, "capacity[2]", "unique"));
  EXPECT_TRUE(Has(r, "capacity[3].places", "range"));
  EXPECT_FALSE(Has(r, "capacity[0]", "unique"));

  d.capacity = {{"women", "adults", 0}, {"men", "adults", 100000}, {"any", "any", 3}};
  EXPECT_TRUE(Check(d)) << Describe(Check(d));
}

TEST(Validate, OccupancyRules) {
  auto d = Good();
  d.capacity = {{"women", "adults", 6}};
  d.occupancy = Occupancy{4, "2026-03-15"};  // today
  EXPECT_TRUE(Check(d)) << Describe(Check(d));
  d.occupancy = Occupancy{4, "2026-03-16"};
  EXPECT_TRUE(Has(Check(d), "occupancy.reported_on", "not_future"));
  d.occupancy = Occupancy{4, "2026-02-30"};
  EXPECT_TRUE(Has(Check(d), "occupancy.reported_on", "format"));
  d.occupancy = Occupancy{-1, "2026-03-01"};
  EXPECT_TRUE(Has(Check(d), "occupancy.occupied", "range"));
  d.capacity.clear();
  d.occupancy = Occupancy{1, "2026-03-01"};
  EXPECT_TRUE(Has(Check(d), "occupancy", "requires_capacity"));
}

TEST(Validate, ReportsEveryProblemAtOnce) {
  OrganisationDraft d = Good();
  d.name = " ";
  d.contact.email = "no-at";
  d.contact.phone = "123";
  d.contact.website = "http://x.se";
  d.coverage.codes = {"0000"};
  d.services = {"nope"};
  auto r = Check(d);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().fields.size(), 6u) << Describe(r);
  EXPECT_TRUE(Has(r, "name", "required"));
  EXPECT_TRUE(Has(r, "contact.email", "format"));
  EXPECT_TRUE(Has(r, "contact.phone", "format"));
  EXPECT_TRUE(Has(r, "contact.website", "format"));
  EXPECT_TRUE(Has(r, "coverage.codes[0]", "unknown_code"));
  EXPECT_TRUE(Has(r, "services[0]", "unknown_code"));
}

TEST(Validate, ProtectedAddressIsCheckedAndTrimmed) {
  auto d = Good();
  d.protected_address = "  Hemlig gatan 1, 981 00 Kiruna ";
  auto r = Check(d);
  ASSERT_TRUE(r) << Describe(r);
  EXPECT_EQ(r->protected_address, "Hemlig gatan 1, 981 00 Kiruna");
  d.protected_address = std::string("a\0b", 3);
  EXPECT_TRUE(Has(Check(d), "protected_address", "utf8"));
}

}  // namespace
}  // namespace opennrm::orgs
