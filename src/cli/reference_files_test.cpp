// The reference data the product ships (data/), read the way the server
// reads it. These tests fail when a data file is edited into an inconsistent
// state.
#include "cli/reference_files.hpp"
#include "cli/shipped_data_test_support.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "domain/geo/geography.hpp"
#include "domain/ref/reference.hpp"

namespace opennrm::cli {
namespace {

namespace fs = std::filesystem;

// data/ of this checkout: relative to the working directory (the repository
// root under ctest), else found from this file's location.
std::string DataDir() { return testing::ShippedData(); }

const ReferenceFiles& Shipped() {
  static const ReferenceFiles files = [] {
    auto r = ReadReferenceFiles(DataDir());
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? std::move(*r) : ReferenceFiles{};
  }();
  return files;
}

TEST(ShippedReferenceData, HasSwedensAdministrativeUnits) {
  const auto& g = Shipped().data.geography;
  EXPECT_EQ(g.counties.size(), 21u);
  EXPECT_EQ(g.municipalities.size(), 290u);
  EXPECT_EQ(g.police_regions.size(), 7u);
}

TEST(ShippedReferenceData, EveryMunicipalityLiesInOneCountyAndOnePoliceRegion) {
  auto g = geo::Geography::Build(Shipped().data.geography);
  ASSERT_TRUE(g) << g.error().message;
  std::set<std::string> regions_used;
  for (const auto& m : g->municipalities()) {
    auto place = g->Locate(m.code);
    ASSERT_TRUE(place) << m.code;
    ASSERT_NE(place->county, nullptr) << m.code;
    ASSERT_NE(place->police_region, nullptr) << m.code;
    EXPECT_EQ(place->county->code, m.code.substr(0, 2)) << m.code << " " << m.name;
    regions_used.insert(place->police_region->id);
  }
  EXPECT_EQ(regions_used.size(), 7u);  // no police region without municipalities
  for (const auto& c : g->counties()) {
    geo::MunicipalityQuery q;
    q.county = c.code;
    EXPECT_FALSE(g->FindMunicipalities(q).empty()) << c.code << " has no municipalities";
  }
}

TEST(ShippedReferenceData, KnownPlacesAreWhereTheyShouldBe) {
  auto g = geo::Geography::Build(Shipped().data.geography);
  ASSERT_TRUE(g);
  auto kiruna = g->Locate("2584");
  ASSERT_TRUE(kiruna);
  EXPECT_EQ(kiruna->municipality->name, "Kiruna");
  EXPECT_EQ(kiruna->county->name, "Norrbottens län");
  EXPECT_EQ(kiruna->police_region->id, "nord");
  auto gotland = g->Locate("0980");
  ASSERT_TRUE(gotland);
  EXPECT_EQ(gotland->police_region->id, "stockholm");
  geo::MunicipalityQuery q;
  q.name_prefix = "ore";
  bool found = false;
  for (const auto* m : g->FindMunicipalities(q)) found |= m->name == "Örebro";
  EXPECT_TRUE(found);
}

TEST(ShippedReferenceData, CountyPopulationIsTheSumOfItsMunicipalities) {
  auto g = geo::Geography::Build(Shipped().data.geography);
  ASSERT_TRUE(g);
  // year -> county -> sum of municipality figures
  std::map<int, std::map<std::string, long long>> sums;
  for (const auto& m : g->municipalities()) {
    ASSERT_TRUE(m.population) << m.code << " " << m.name << " has no population figure";
    sums[m.population->year][m.county_code] += m.population->count;
  }
  for (const auto& c : g->counties()) {
    ASSERT_TRUE(c.population) << c.code << " has no population figure";
    auto year = sums.find(c.population->year);
    ASSERT_NE(year, sums.end()) << c.code << ": no municipality figures for " << c.population->year;
    EXPECT_EQ(c.population->count, year->second[c.code]) << c.code << " " << c.name;
  }
}

TEST(ShippedReferenceData, CountriesAndLanguages) {
  const auto& d = Shipped().data;
  auto catalogs = ref::Catalogs::Build(d.countries, d.languages, d.services);
  ASSERT_TRUE(catalogs) << catalogs.error().message;
  const ref::Country* se = catalogs->FindCountry("SE");
  ASSERT_NE(se, nullptr);
  EXPECT_EQ(se->name_sv, "Sverige");
  EXPECT_EQ(se->alpha3, "SWE");
  EXPECT_EQ(catalogs->FindCountry("SWE"), se);
  EXPECT_GT(d.countries.size(), 240u);
  // Sweden's national minority languages must be selectable.
  for (const char* code : {"rom", "sme", "smj", "sma", "fin", "fit", "yid", "swe"}) {
    EXPECT_NE(catalogs->FindLanguage(code), nullptr) << code;
  }
  EXPECT_EQ(catalogs->FindLanguage("sme")->name_sv, "Nordsamiska");
}

TEST(ShippedReferenceData, ServiceListIsVersionedWithUniqueCodes) {
  const auto& s = Shipped().data.services;
  EXPECT_FALSE(s.version.empty());
  ASSERT_FALSE(s.services.empty());
  std::set<std::string> codes;
  for (const auto& svc : s.services) {
    EXPECT_FALSE(svc.code.empty());
    EXPECT_TRUE(codes.insert(svc.code).second) << "repeated service " << svc.code;
    EXPECT_FALSE(svc.name_sv.empty()) << svc.code;
    EXPECT_FALSE(svc.name_en.empty()) << svc.code;
    EXPECT_FALSE(svc.group.empty()) << svc.code;
  }
  // The first-run seed refers to these.
  for (const char* code :
       {"advice_to_professionals", "return_assistance", "reintegration_support"}) {
    EXPECT_TRUE(codes.count(code)) << code;
  }
}

TEST(ShippedReferenceData, MapsAreLoadedAndFingerprintIsHexSha256) {
  const auto& f = Shipped();
  EXPECT_FALSE(f.counties_geojson.empty());
  EXPECT_FALSE(f.municipalities_geojson.empty());
  ASSERT_EQ(f.fingerprint.size(), 64u);
  EXPECT_EQ(f.fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
}

// A copy of data/ in a temporary directory that a test may edit.
class EditedData : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "opennrm-data-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    fs::copy(DataDir(), dir_, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    for (const auto& e : fs::recursive_directory_iterator(dir_)) {
      fs::permissions(e.path(),
                      fs::perms::owner_read | fs::perms::owner_write | fs::perms::owner_exec,
                      fs::perm_options::add);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Replace(const std::string& rel, const std::string& from, const std::string& to) {
    auto text = ReadFile((dir_ / rel).string());
    ASSERT_TRUE(text);
    auto at = text->find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text->replace(at, from.size(), to);
    std::ofstream((dir_ / rel).string(), std::ios::binary | std::ios::trunc) << *text;
  }

  fs::path dir_;
};

TEST_F(EditedData, UnchangedCopyHasTheSameFingerprint) {
  auto copy = ReadReferenceFiles(dir_.string());
  ASSERT_TRUE(copy) << copy.error().message;
  EXPECT_EQ(copy->fingerprint, Shipped().fingerprint);
}

TEST_F(EditedData, FingerprintChangesWhenAFileChanges) {
  Replace("sweden/municipalities.csv", "Kiruna", "Kirunb");
  auto edited = ReadReferenceFiles(dir_.string());
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_NE(edited->fingerprint, Shipped().fingerprint);
}

TEST_F(EditedData, FingerprintChangesWhenTheServiceListChanges) {
  Replace("services.json", "Legal advice", "Legal aid");
  auto edited = ReadReferenceFiles(dir_.string());
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_NE(edited->fingerprint, Shipped().fingerprint);
}

TEST_F(EditedData, BadRowNamesFileAndLine) {
  Replace("sweden/counties.csv", "03,Uppsala län,Uppsala,C,mitt", "03,Uppsala län,Uppsala,C");
  auto r = ReadReferenceFiles(dir_.string());
  ASSERT_FALSE(r);
  ASSERT_FALSE(r.error().fields.empty());
  EXPECT_EQ(r.error().fields[0].field, (dir_ / "sweden/counties.csv").string() + ":3");
}

TEST_F(EditedData, NonNumericPopulationNamesFileAndLine) {
  Replace("sweden/population.csv", "01,county,2024,", "01,county,20x4,");
  auto r = ReadReferenceFiles(dir_.string());
  ASSERT_FALSE(r);
  ASSERT_FALSE(r.error().fields.empty());
  EXPECT_EQ(r.error().fields[0].field, (dir_ / "sweden/population.csv").string() + ":2");
}

TEST_F(EditedData, BrokenServiceJsonNamesTheFile) {
  Replace("services.json", "\"version\"", "\"versjon\"");
  auto r = ReadReferenceFiles(dir_.string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("services.json"), std::string::npos) << r.error().message;
}

TEST_F(EditedData, MissingFileIsNamed) {
  fs::remove(dir_ / "languages.csv");
  auto r = ReadReferenceFiles(dir_.string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("languages.csv"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace opennrm::cli
