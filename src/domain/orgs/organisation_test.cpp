#include "domain/orgs/organisation.hpp"

#include <gtest/gtest.h>

#include <set>

namespace opennrm::orgs {
namespace {

TEST(OrganisationKind, EveryKindRoundTripsThroughItsName) {
  ASSERT_EQ(AllKinds().size(), 14u);
  std::set<std::string_view> names;
  for (Kind k : AllKinds()) {
    std::string_view name = ToString(k);
    EXPECT_TRUE(names.insert(name).second) << "repeated name " << name;
    auto parsed = ParseKind(name);
    ASSERT_TRUE(parsed) << name;
    EXPECT_EQ(*parsed, k) << name;
  }
}

TEST(OrganisationKind, NamesMatchTheApiContract) {
  // docs/api/README.md lists these codes; clients depend on them.
  const std::vector<std::string_view> expected{"national_unit",
                                               "county_board",
                                               "municipal_social_services",
                                               "regional_coordinator",
                                               "police_region",
                                               "prosecution_authority",
                                               "migration_agency",
                                               "work_environment_authority",
                                               "tax_agency",
                                               "customs",
                                               "iom",
                                               "ngo_shelter",
                                               "health_care",
                                               "other"};
  std::vector<std::string_view> actual;
  for (Kind k : AllKinds()) actual.push_back(ToString(k));
  EXPECT_EQ(actual, expected);
}

TEST(OrganisationKind, ParseIsExact) {
  EXPECT_FALSE(ParseKind(""));
  EXPECT_FALSE(ParseKind("NGO_SHELTER"));
  EXPECT_FALSE(ParseKind("ngo_shelter "));
  EXPECT_FALSE(ParseKind("ngo"));
  EXPECT_FALSE(ParseKind("police"));
}

TEST(OrganisationKind, PublicAuthoritiesAsTheGlossaryLists) {
  // GLOSSARY.md: police, prosecution, Migration Agency, municipal social
  // services, county board, Work Environment Authority, Tax Agency, Customs,
  // the national unit. Regional coordination is hosted by social services.
  for (Kind k :
       {Kind::kPoliceRegion, Kind::kProsecutionAuthority, Kind::kMigrationAgency,
        Kind::kMunicipalSocialServices, Kind::kCountyBoard, Kind::kWorkEnvironmentAuthority,
        Kind::kTaxAgency, Kind::kCustoms, Kind::kNationalUnit, Kind::kRegionalCoordinator}) {
    EXPECT_TRUE(IsPublicAuthority(k)) << ToString(k);
  }
}

TEST(OrganisationKind, NonAuthoritiesMayNotHoldOffenceData) {
  for (Kind k : {Kind::kIom, Kind::kNgoShelter, Kind::kHealthCare, Kind::kOther}) {
    EXPECT_FALSE(IsPublicAuthority(k)) << ToString(k);
  }
}

TEST(CoverageScope, EveryScopeRoundTrips) {
  for (CoverageScope s : {CoverageScope::kNational, CoverageScope::kPoliceRegions,
                          CoverageScope::kCounties, CoverageScope::kMunicipalities}) {
    auto parsed = ParseScope(ToString(s));
    ASSERT_TRUE(parsed) << ToString(s);
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_EQ(ToString(CoverageScope::kPoliceRegions), "police_regions");
  EXPECT_FALSE(ParseScope("county"));
  EXPECT_FALSE(ParseScope("National"));
  EXPECT_FALSE(ParseScope(""));
}

TEST(OrganisationDraft, DefaultsAreSafe) {
  OrganisationDraft d;
  EXPECT_EQ(d.kind, Kind::kOther);
  EXPECT_FALSE(IsPublicAuthority(d.kind));  // denied by default
  EXPECT_TRUE(d.active);
  EXPECT_FALSE(d.protected_address);
  EXPECT_FALSE(d.occupancy);
}

}  // namespace
}  // namespace opennrm::orgs
