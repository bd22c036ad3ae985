#include "domain/orgs/coverage.hpp"

#include <gtest/gtest.h>

namespace opennrm::orgs {
namespace {

const geo::Geography& Geo() {
  static const geo::Geography g = [] {
    geo::GeographyData d;
    d.police_regions = {{"nord", "Polisregion Nord", "Police Region North", "Umeå"},
                        {"syd", "Polisregion Syd", "Police Region South", "Malmö"}};
    d.counties = {{"25", "Norrbottens län", "Norrbotten", "BD", "nord", std::nullopt},
                  {"24", "Västerbottens län", "Västerbotten", "AC", "nord", std::nullopt},
                  {"12", "Skåne län", "Skåne", "M", "syd", std::nullopt}};
    d.municipalities = {{"2584", "Kiruna", "25", std::nullopt},
                        {"2580", "Luleå", "25", std::nullopt},
                        {"2480", "Umeå", "24", std::nullopt},
                        {"1280", "Malmö", "12", std::nullopt}};
    return *geo::Geography::Build(std::move(d));
  }();
  return g;
}

geo::Place At(const std::string& municipality) {
  auto p = Geo().Locate(municipality);
  EXPECT_TRUE(p) << municipality;
  return p.value_or(geo::Place{});
}

TEST(Covers, NationalCoversEveryPlace) {
  Coverage c{CoverageScope::kNational, {}};
  for (const char* m : {"2584", "2480", "1280"}) EXPECT_TRUE(Covers(c, At(m))) << m;
}

TEST(Covers, PoliceRegionCoversEveryMunicipalityInItsCounties) {
  Coverage c{CoverageScope::kPoliceRegions, {"nord"}};
  EXPECT_TRUE(Covers(c, At("2584")));
  EXPECT_TRUE(Covers(c, At("2480")));  // Västerbotten is also in region Nord
  EXPECT_FALSE(Covers(c, At("1280")));
}

TEST(Covers, CountyCoversOnlyItsOwnMunicipalities) {
  Coverage c{CoverageScope::kCounties, {"25"}};
  EXPECT_TRUE(Covers(c, At("2584")));
  EXPECT_TRUE(Covers(c, At("2580")));
  EXPECT_FALSE(Covers(c, At("2480")));
  EXPECT_FALSE(Covers(c, At("1280")));
}

TEST(Covers, MunicipalityCoversOnlyListedOnes) {
  Coverage c{CoverageScope::kMunicipalities, {"2580", "1280"}};
  EXPECT_TRUE(Covers(c, At("2580")));
  EXPECT_TRUE(Covers(c, At("1280")));
  EXPECT_FALSE(Covers(c, At("2584")));
}

TEST(Covers, CodesOfAnotherScopeDoNotMatch) {
  // A county code listed under municipality scope covers nothing.
  EXPECT_FALSE(Covers({CoverageScope::kMunicipalities, {"25"}}, At("2584")));
  // A municipality code under county scope covers nothing.
  EXPECT_FALSE(Covers({CoverageScope::kCounties, {"2584"}}, At("2584")));
  EXPECT_FALSE(Covers({CoverageScope::kPoliceRegions, {"25"}}, At("2584")));
}

TEST(Covers, EmptyCodesCoverNothingUnlessNational) {
  EXPECT_FALSE(Covers({CoverageScope::kMunicipalities, {}}, At("2584")));
  EXPECT_FALSE(Covers({CoverageScope::kCounties, {}}, At("2584")));
  EXPECT_FALSE(Covers({CoverageScope::kPoliceRegions, {}}, At("2584")));
}

TEST(Covers, IncompletePlaceIsNotCovered) {
  geo::Place nowhere;
  EXPECT_FALSE(Covers({CoverageScope::kMunicipalities, {"2584"}}, nowhere));
  EXPECT_FALSE(Covers({CoverageScope::kCounties, {"25"}}, nowhere));
  EXPECT_FALSE(Covers({CoverageScope::kPoliceRegions, {"nord"}}, nowhere));
}

}  // namespace
}  // namespace opennrm::orgs
