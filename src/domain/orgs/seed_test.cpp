#include "domain/orgs/seed.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain/orgs/validation.hpp"

namespace opennrm::orgs {
namespace {

// Two police regions, three counties, five municipalities.
const geo::Geography& Geo() {
  static const geo::Geography g = [] {
    geo::GeographyData d;
    d.police_regions = {
        {"nord", "Polisregion Nord", "Police Region North", "Umeå"},
        {"stockholm", "Polisregion Stockholm", "Police Region Stockholm", "Stockholm"},
        {"ost", "Polisregion Öst", "Police Region East", "Linköping"}};
    d.counties = {{"25", "Norrbottens län", "Norrbotten", "BD", "nord", std::nullopt},
                  {"09", "Gotlands län", "Gotland", "I", "stockholm", std::nullopt},
                  {"01", "Stockholms län", "Stockholm", "AB", "stockholm", std::nullopt}};
    d.municipalities = {{"2584", "Kiruna", "25", std::nullopt},
                        {"2580", "Luleå", "25", std::nullopt},
                        {"0980", "Gotland", "09", std::nullopt},
                        {"0180", "Stockholm", "01", std::nullopt},
                        {"0114", "Upplands Väsby", "01", std::nullopt}};
    return *geo::Geography::Build(std::move(d));
  }();
  return g;
}

std::map<Kind, int> CountByKind(const std::vector<SeedEntry>& seed) {
  std::map<Kind, int> n;
  for (const auto& e : seed) ++n[e.draft.kind];
  return n;
}

const SeedEntry* FindKey(const std::vector<SeedEntry>& seed, const std::string& key) {
  for (const auto& e : seed) {
    if (e.seed_key == key) return &e;
  }
  return nullptr;
}

TEST(SeedDirectory, OneOrganisationPerPlaceAndAuthority) {
  auto seed = SeedDirectory(Geo());
  auto n = CountByKind(seed);
  EXPECT_EQ(n[Kind::kNationalUnit], 1);
  EXPECT_EQ(n[Kind::kCountyBoard], 3);
  EXPECT_EQ(n[Kind::kMunicipalSocialServices], 5);
  EXPECT_EQ(n[Kind::kRegionalCoordinator], 3);
  EXPECT_EQ(n[Kind::kPoliceRegion], 3);
  EXPECT_EQ(n[Kind::kProsecutionAuthority], 1);
  EXPECT_EQ(n[Kind::kMigrationAgency], 1);
  EXPECT_EQ(n[Kind::kWorkEnvironmentAuthority], 1);
  EXPECT_EQ(n[Kind::kTaxAgency], 1);
  EXPECT_EQ(n[Kind::kIom], 1);
  EXPECT_EQ(n[Kind::kNgoShelter], 0);  // NGOs register themselves
  EXPECT_EQ(n[Kind::kHealthCare], 0);
  EXPECT_EQ(n[Kind::kOther], 0);
}

// Customs (Tullverket) is one of the national authorities in GLOSSARY.md and
// in the national task force (NMT); the seed's contract is "the national
// authorities and IOM".
TEST(SeedDirectory, IncludesCustomsAsANationalAuthority) {
  auto seed = SeedDirectory(Geo());
  EXPECT_EQ(CountByKind(seed)[Kind::kCustoms], 1);
  const SeedEntry* customs = FindKey(seed, "customs");
  ASSERT_NE(customs, nullptr);
  EXPECT_EQ(customs->draft.name, "Tullverket");
  EXPECT_EQ(customs->draft.coverage.scope, CoverageScope::kNational);
}

TEST(SeedDirectory, SwedishNames) {
  auto seed = SeedDirectory(Geo());
  auto name = [&](const std::string& key) {
    const SeedEntry* e = FindKey(seed, key);
    EXPECT_NE(e, nullptr) << key;
    return e ? e->draft.name : std::string();
  };
  EXPECT_EQ(name("municipal_social_services:2584"), "Socialtjänsten, Kiruna kommun");
  EXPECT_EQ(name("municipal_social_services:2580"), "Socialtjänsten, Luleå kommun");
  EXPECT_EQ(name("municipal_social_services:0980"), "Socialtjänsten, Region Gotland");
  EXPECT_EQ(name("municipal_social_services:0180"), "Socialtjänsten, Stockholms stad");
  EXPECT_EQ(name("county_board:25"), "Länsstyrelsen i Norrbottens län");
  EXPECT_EQ(name("regional_coordinator:nord"), "Regionkoordinator, polisregion Nord");
  EXPECT_EQ(name("regional_coordinator:ost"), "Regionkoordinator, polisregion Öst");
  EXPECT_EQ(name("police_region:nord"), "Polisregion Nord");
  EXPECT_EQ(name("prosecution_authority"), "Åklagarmyndigheten");
  EXPECT_NE(name("national_unit").find("NSPM"), std::string::npos);
}

TEST(SeedDirectory, MunicipalityOrganisationNames) {
  EXPECT_EQ(MunicipalityOrganisationName("Kiruna"), "Kiruna kommun");
  EXPECT_EQ(MunicipalityOrganisationName("Gotland"), "Region Gotland");
  EXPECT_EQ(MunicipalityOrganisationName("Stockholm"), "Stockholms stad");
  EXPECT_EQ(MunicipalityOrganisationName("Göteborg"), "Göteborgs Stad");
  EXPECT_EQ(MunicipalityOrganisationName("Malmö"), "Malmö stad");
  EXPECT_EQ(MunicipalityOrganisationName("Upplands Väsby"), "Upplands Väsby kommun");
}

TEST(SeedDirectory, SeedKeysAreUniqueAndStable) {
  auto seed = SeedDirectory(Geo());
  std::set<std::string> keys;
  for (const auto& e : seed) {
    EXPECT_FALSE(e.seed_key.empty());
    EXPECT_TRUE(keys.insert(e.seed_key).second) << "repeated seed key " << e.seed_key;
  }
  // Running the seed twice gives the same keys in the same order, so a
  // restart does not duplicate organisations.
  auto again = SeedDirectory(Geo());
  ASSERT_EQ(again.size(), seed.size());
  for (size_t i = 0; i < seed.size(); ++i) EXPECT_EQ(again[i].seed_key, seed[i].seed_key);
}

TEST(SeedDirectory, CoverageMatchesThePlace) {
  auto seed = SeedDirectory(Geo());
  const SeedEntry* kiruna = FindKey(seed, "municipal_social_services:2584");
  ASSERT_NE(kiruna, nullptr);
  EXPECT_EQ(kiruna->draft.coverage.scope, CoverageScope::kMunicipalities);
  EXPECT_EQ(kiruna->draft.coverage.codes, (std::vector<std::string>{"2584"}));
  const SeedEntry* board = FindKey(seed, "county_board:09");
  ASSERT_NE(board, nullptr);
  EXPECT_EQ(board->draft.coverage.scope, CoverageScope::kCounties);
  EXPECT_EQ(board->draft.coverage.codes, (std::vector<std::string>{"09"}));
  const SeedEntry* coord = FindKey(seed, "regional_coordinator:stockholm");
  ASSERT_NE(coord, nullptr);
  EXPECT_EQ(coord->draft.coverage.scope, CoverageScope::kPoliceRegions);
  EXPECT_EQ(coord->draft.coverage.codes, (std::vector<std::string>{"stockholm"}));
  const SeedEntry* nspm = FindKey(seed, "national_unit");
  ASSERT_NE(nspm, nullptr);
  EXPECT_EQ(nspm->draft.coverage.scope, CoverageScope::kNational);
  EXPECT_TRUE(nspm->draft.coverage.codes.empty());
}

TEST(SeedDirectory, EverySeededDraftPassesValidation) {
  auto catalogs = ref::Catalogs::Build(
      {}, {{"swe", "Swedish", "Svenska", "I", "L"}},
      {"2026-1",
       {{"advice_to_professionals", "Advice to professionals", "Rådgivning till yrkesverksamma",
         "advice"},
        {"return_assistance", "Return assistance", "Stöd vid återvändande", "return"},
        {"reintegration_support", "Reintegration support", "Stöd vid återintegrering", "return"}}});
  ASSERT_TRUE(catalogs);
  for (const auto& e : SeedDirectory(Geo())) {
    auto r = Validate(e.draft, Geo(), *catalogs, CivilDate{2026, 1, 1});
    EXPECT_TRUE(r) << e.seed_key << ": "
                   << (r                          ? ""
                       : r.error().fields.empty() ? r.error().message
                                                  : r.error().fields[0].field);
    EXPECT_TRUE(e.draft.active) << e.seed_key;
    EXPECT_FALSE(e.draft.protected_address) << e.seed_key;
  }
}

TEST(SeedDirectory, AuthoritiesAreSeededAsAuthorities) {
  for (const auto& e : SeedDirectory(Geo())) {
    if (e.draft.kind == Kind::kIom) {
      EXPECT_FALSE(IsPublicAuthority(e.draft.kind));
    } else {
      EXPECT_TRUE(IsPublicAuthority(e.draft.kind)) << e.seed_key;
    }
  }
}

}  // namespace
}  // namespace opennrm::orgs
