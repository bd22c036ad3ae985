#include "domain/geo/geography.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace opennrm::geo {
namespace {

// A small, hand-built slice of Sweden.
GeographyData SmallSweden() {
  GeographyData d;
  d.police_regions = {
      {"nord", "Polisregion Nord", "Police Region North", "Umeå"},
      {"bergslagen", "Polisregion Bergslagen", "Police Region Bergslagen", "Örebro"},
      {"syd", "Polisregion Syd", "Police Region South", "Malmö"}};
  d.counties = {{"25", "Norrbottens län", "Norrbotten", "BD", "nord", std::nullopt},
                {"18", "Örebro län", "Örebro", "T", "bergslagen", std::nullopt},
                {"17", "Värmlands län", "Värmland", "S", "bergslagen", std::nullopt},
                {"12", "Skåne län", "Skåne", "M", "syd", std::nullopt}};
  d.municipalities = {
      {"2584", "Kiruna", "25", std::nullopt},     {"2580", "Luleå", "25", std::nullopt},
      {"1880", "Örebro", "18", std::nullopt},     {"1881", "Kumla", "18", std::nullopt},
      {"1780", "Karlstad", "17", std::nullopt},   {"1280", "Malmö", "12", std::nullopt},
      {"1283", "Helsingborg", "12", std::nullopt}};
  d.population = {{"25", "county", {248000, 2024}}, {"2584", "municipality", {22000, 2024}}};
  return d;
}

Geography Built() {
  auto g = Geography::Build(SmallSweden());
  EXPECT_TRUE(g) << g.error().message;
  return std::move(*g);
}

std::vector<std::string> Codes(const std::vector<const Municipality*>& ms) {
  std::vector<std::string> out;
  for (const auto* m : ms) out.push_back(m->code);
  std::sort(out.begin(), out.end());
  return out;
}

FieldProblem BuildProblem(const GeographyData& d) {
  auto g = Geography::Build(d);
  EXPECT_FALSE(g);
  if (g) return {};
  EXPECT_EQ(g.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(g.error().fields.size(), 1u);
  return g.error().fields.at(0);
}

TEST(GeographyBuild, AcceptsConsistentDataAndAttachesPopulation) {
  Geography g = Built();
  EXPECT_EQ(g.police_regions().size(), 3u);
  EXPECT_EQ(g.counties().size(), 4u);
  EXPECT_EQ(g.municipalities().size(), 7u);
  ASSERT_TRUE(g.FindCounty("25")->population);
  EXPECT_EQ(g.FindCounty("25")->population->count, 248000);
  EXPECT_EQ(g.FindCounty("25")->population->year, 2024);
  ASSERT_TRUE(g.FindMunicipality("2584")->population);
  EXPECT_EQ(g.FindMunicipality("2584")->population->count, 22000);
  EXPECT_FALSE(g.FindMunicipality("2580")->population);
}

TEST(GeographyBuild, RejectsDuplicateMunicipalityCode) {
  auto d = SmallSweden();
  d.municipalities.push_back({"2584", "Kiruna igen", "25", std::nullopt});
  auto p = BuildProblem(d);
  EXPECT_EQ(p.field, "municipalities[7].code");
  EXPECT_EQ(p.rule, "unique");
}

TEST(GeographyBuild, RejectsDuplicateCountyCodeAndPoliceRegionId) {
  auto d = SmallSweden();
  d.counties.push_back({"18", "Örebro län", "Örebro", "T", "bergslagen", std::nullopt});
  EXPECT_EQ(BuildProblem(d).field, "counties[4].code");

  d = SmallSweden();
  d.police_regions.push_back({"nord", "Polisregion Nord", "", ""});
  EXPECT_EQ(BuildProblem(d).field, "police_regions[3].id");
}

TEST(GeographyBuild, RejectsMalformedCodes) {
  auto d = SmallSweden();
  d.municipalities[0].code = "258";
  EXPECT_EQ(BuildProblem(d).field, "municipalities[0].code");
  d = SmallSweden();
  d.counties[0].code = "2";
  EXPECT_EQ(BuildProblem(d).field, "counties[0].code");
  d = SmallSweden();
  d.police_regions[0].id = "";
  EXPECT_EQ(BuildProblem(d).field, "police_regions[0].id");
}

TEST(GeographyBuild, RejectsMunicipalityInUnknownCounty) {
  auto d = SmallSweden();
  d.municipalities.push_back({"0180", "Stockholm", "01", std::nullopt});
  auto p = BuildProblem(d);
  EXPECT_EQ(p.field, "municipalities[7].county_code");
  EXPECT_EQ(p.rule, "unknown_code");
  EXPECT_NE(p.detail.find("'01'"), std::string::npos) << p.detail;
}

TEST(GeographyBuild, RejectsCountyInUnknownPoliceRegion) {
  auto d = SmallSweden();
  d.counties[1].police_region = "bergslag";
  auto p = BuildProblem(d);
  EXPECT_EQ(p.field, "counties[1].police_region");
  EXPECT_EQ(p.rule, "unknown_code");
}

TEST(GeographyBuild, RejectsPopulationForUnknownCodesOrLevels) {
  auto d = SmallSweden();
  d.population.push_back({"9999", "municipality", {1, 2024}});
  auto p = BuildProblem(d);
  EXPECT_EQ(p.field, "population[2].code");
  EXPECT_EQ(p.rule, "unknown_code");

  d = SmallSweden();
  d.population.push_back({"01", "county", {1, 2024}});
  EXPECT_EQ(BuildProblem(d).field, "population[2].code");

  // A municipality code given as a county is not silently accepted.
  d = SmallSweden();
  d.population.push_back({"2584", "county", {1, 2024}});
  EXPECT_EQ(BuildProblem(d).rule, "unknown_code");

  d = SmallSweden();
  d.population.push_back({"25", "region", {1, 2024}});
  EXPECT_EQ(BuildProblem(d).field, "population[2].level");
}

TEST(GeographyLocate, FindsCountyAndPoliceRegionOfAMunicipality) {
  Geography g = Built();
  auto place = g.Locate("2584");
  ASSERT_TRUE(place);
  ASSERT_NE(place->municipality, nullptr);
  ASSERT_NE(place->county, nullptr);
  ASSERT_NE(place->police_region, nullptr);
  EXPECT_EQ(place->municipality->name, "Kiruna");
  EXPECT_EQ(place->county->name, "Norrbottens län");
  EXPECT_EQ(place->police_region->id, "nord");

  auto orebro = g.Locate("1880");
  ASSERT_TRUE(orebro);
  EXPECT_EQ(orebro->police_region->name, "Polisregion Bergslagen");
}

TEST(GeographyLocate, UnknownCodeIsNullopt) {
  Geography g = Built();
  EXPECT_FALSE(g.Locate("9999"));
  EXPECT_FALSE(g.Locate(""));
  EXPECT_FALSE(g.Locate("25"));  // a county code is not a municipality
}

TEST(GeographyFind, LookupsByCode) {
  Geography g = Built();
  EXPECT_EQ(g.FindPoliceRegion("syd")->seat, "Malmö");
  EXPECT_EQ(g.FindPoliceRegion("Syd"), nullptr);  // ids are exact
  EXPECT_EQ(g.FindCounty("12")->letter, "M");
  EXPECT_EQ(g.FindCounty("99"), nullptr);
  EXPECT_EQ(g.FindMunicipality("1280")->name, "Malmö");
}

TEST(GeographyFind, MunicipalitiesByCounty) {
  Geography g = Built();
  MunicipalityQuery q;
  q.county = "25";
  EXPECT_EQ(Codes(g.FindMunicipalities(q)), (std::vector<std::string>{"2580", "2584"}));
  q.county = "99";
  EXPECT_TRUE(g.FindMunicipalities(q).empty());
}

TEST(GeographyFind, MunicipalitiesByPoliceRegion) {
  Geography g = Built();
  MunicipalityQuery q;
  q.police_region = "bergslagen";
  EXPECT_EQ(Codes(g.FindMunicipalities(q)), (std::vector<std::string>{"1780", "1880", "1881"}));
}

TEST(GeographyFind, NoFilterReturnsAllInOrder) {
  Geography g = Built();
  auto all = g.FindMunicipalities({});
  ASSERT_EQ(all.size(), 7u);
  EXPECT_EQ(all.front()->code, "2584");
}

TEST(GeographyFind, PrefixIsCaseAndAccentInsensitive) {
  Geography g = Built();
  MunicipalityQuery q;
  q.name_prefix = "ore";
  EXPECT_EQ(Codes(g.FindMunicipalities(q)), (std::vector<std::string>{"1880"}));
  q.name_prefix = "ÖRE";
  EXPECT_EQ(Codes(g.FindMunicipalities(q)), (std::vector<std::string>{"1880"}));
  q.name_prefix = "lulea";
  EXPECT_EQ(Codes(g.FindMunicipalities(q)), (std::vector<std::string>{"2580"}));
  q.name_prefix = "malmö";
  EXPECT_EQ(Codes(g.FindMunicipalities(q)), (std::vector<std::string>{"1280"}));
  q.name_prefix = "bro";  // a prefix, not a substring
  EXPECT_TRUE(g.FindMunicipalities(q).empty());
}

TEST(GeographyFind, FiltersCombine) {
  Geography g = Built();
  MunicipalityQuery q;
  q.police_region = "bergslagen";
  q.name_prefix = "k";
  EXPECT_EQ(Codes(g.FindMunicipalities(q)), (std::vector<std::string>{"1780", "1881"}));
  q.county = "18";
  EXPECT_EQ(Codes(g.FindMunicipalities(q)), (std::vector<std::string>{"1881"}));
  q.county = "25";  // Norrbotten is not in Bergslagen
  EXPECT_TRUE(g.FindMunicipalities(q).empty());
}

TEST(GeographyCountiesOf, ListsTheCountiesOfAPoliceRegion) {
  Geography g = Built();
  auto cs = g.CountiesOf("bergslagen");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0]->code, "18");
  EXPECT_EQ(cs[1]->code, "17");
  EXPECT_TRUE(g.CountiesOf("mitt").empty());
}

}  // namespace
}  // namespace opennrm::geo
