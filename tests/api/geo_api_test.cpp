// Reference data through the API: Sweden's geography, countries, languages.
#include <set>

#include "shared_server.hpp"

namespace opennrm::testing {
namespace {

class GeoApi : public ApiTest {};

TEST_F(GeoApi, ExactlyTwentyOneCountiesSevenPoliceRegionsAnd290Municipalities) {
  EXPECT_EQ(Get("/api/v1/geo/counties").Json()["items"].size(), 21u);
  EXPECT_EQ(Get("/api/v1/geo/police-regions").Json()["items"].size(), 7u);
  EXPECT_EQ(Get("/api/v1/geo/municipalities").Json()["items"].size(), 290u);
}

TEST_F(GeoApi, EveryMunicipalityResolvesToOneCountyAndOnePoliceRegion) {
  auto regions = Get("/api/v1/geo/police-regions").Json()["items"];
  std::set<std::string> region_ids;
  for (const auto& r : regions) region_ids.insert(r["id"].get<std::string>());
  auto counties = Get("/api/v1/geo/counties").Json()["items"];
  std::map<std::string, std::string> county_region;
  for (const auto& c : counties) county_region[c["code"]] = c["police_region"];
  auto municipalities = Get("/api/v1/geo/municipalities").Json();
  for (const auto& m : municipalities["items"]) {
    std::string county = m["county_code"];
    ASSERT_TRUE(county_region.count(county)) << m.dump();
    EXPECT_TRUE(region_ids.count(county_region[county])) << m.dump();
  }
  auto kiruna = Get("/api/v1/geo/municipalities/2584").Json();
  EXPECT_EQ(kiruna["name"], "Kiruna");
  EXPECT_EQ(kiruna["county"]["code"], "25");
  EXPECT_EQ(kiruna["police_region"]["id"], "nord");
}

TEST_F(GeoApi, CountyPopulationEqualsTheSumOfItsMunicipalities) {
  auto counties = Get("/api/v1/geo/counties").Json()["items"];
  for (const auto& c : counties) {
    auto detail = Get("/api/v1/geo/counties/" + c["code"].get<std::string>()).Json();
    long long sum = 0;
    for (const auto& m : detail["municipalities"]) {
      EXPECT_EQ(m["population"]["year"], c["population"]["year"]);
      sum += m["population"]["count"].get<long long>();
    }
    EXPECT_EQ(sum, c["population"]["count"].get<long long>()) << c["name"];
    EXPECT_EQ(detail["municipalities"].size(), c["municipality_count"].get<size_t>());
  }
}

TEST_F(GeoApi, FiltersByCountyPoliceRegionAndNamePrefix) {
  EXPECT_EQ(Get("/api/v1/geo/municipalities?county=01").Json()["items"].size(), 26u);
  EXPECT_EQ(Get("/api/v1/geo/municipalities?county=25").Json()["items"].size(), 14u);
  auto nord = Get("/api/v1/geo/municipalities?police_region=nord").Json()["items"];
  EXPECT_EQ(nord.size(),
            14u + 15u + 8u + 7u);  // Norrbotten, Västerbotten, Jämtland, Västernorrland
  auto ore = Get("/api/v1/geo/municipalities?name_prefix=ore").Json()["items"];
  bool orebro = false;
  for (const auto& m : ore) orebro = orebro || m["name"] == "Örebro";
  EXPECT_TRUE(orebro);
  EXPECT_EQ(Get("/api/v1/geo/counties?police_region=stockholm").Json()["items"].size(), 2u);
}

TEST_F(GeoApi, UnknownCodesAreNotFoundProblems) {
  ExpectProblem(Get("/api/v1/geo/municipalities/9999"), 404);
  ExpectProblem(Get("/api/v1/geo/counties/02"), 404);
  ExpectProblem(Get("/api/v1/geo/municipalities?county=02"), 422, "county", "unknown_code");
  ExpectProblem(Get("/api/v1/geo/counties?police_region=atlantis"), 422, "police_region");
  ExpectProblem(Get("/api/v1/geo/municipalities?kommun=0180"), 422, "kommun", "unknown_parameter");
}

TEST_F(GeoApi, MapsAreGeoJson) {
  auto counties = Get("/api/v1/geo/maps/counties");
  EXPECT_EQ(counties.Header("content-type"), "application/geo+json");
  EXPECT_EQ(counties.Json()["features"].size(), 21u);
  EXPECT_EQ(Get("/api/v1/geo/maps/municipalities").Json()["features"].size(), 290u);
}

TEST_F(GeoApi, CountriesAndLanguagesHaveSwedishAndEnglishNames) {
  auto se = Get("/api/v1/ref/countries?q=swe").Json()["items"];
  bool sweden = false;
  for (const auto& c : se) sweden = sweden || (c["alpha2"] == "SE" && c["name_sv"] == "Sverige");
  EXPECT_TRUE(sweden) << se.dump();
  EXPECT_EQ(Get("/api/v1/ref/countries").Json()["items"].size(), 249u);
  auto all = Get("/api/v1/ref/languages?limit=10000").Json();
  EXPECT_GT(all["total"].get<int>(), 7000);
  std::set<std::string> codes;
  for (const auto& l : all["items"]) codes.insert(l["code"].get<std::string>());
  for (const char* code : {"rom", "rmy", "sme", "smj", "sma", "swe", "fin", "fit"}) {
    EXPECT_TRUE(codes.count(code)) << code;
  }
  EXPECT_EQ(Get("/api/v1/ref/languages?q=rom").Json()["items"][0]["code"], "rom");
  ExpectProblem(Get("/api/v1/ref/languages?limit=0"), 422, "limit");
}

TEST_F(GeoApi, ServicesAndKindsAreClosedLists) {
  auto services = Get("/api/v1/ref/services").Json();
  EXPECT_FALSE(services["version"].get<std::string>().empty());
  EXPECT_GE(services["items"].size(), 10u);
  auto kinds = Get("/api/v1/ref/organisation-kinds").Json()["items"];
  EXPECT_EQ(kinds.size(), 14u);
  for (const auto& k : kinds) {
    if (k["code"] == "ngo_shelter" || k["code"] == "iom") {
      EXPECT_FALSE(k["public_authority"].get<bool>());
    }
    if (k["code"] == "police_region") {
      EXPECT_TRUE(k["public_authority"].get<bool>());
    }
  }
}

}  // namespace
}  // namespace opennrm::testing
