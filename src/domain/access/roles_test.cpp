// Which kinds may grant which roles: a hand-written table, never derived
// from roles.cpp, so that a change to the rules must change this test too.
#include "domain/access/roles.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain/access/section.hpp"

namespace opennrm::access {
namespace {

using orgs::Kind;

TEST(Roles, NamesRoundTripAndAreUnique) {
  std::set<std::string_view> names;
  for (Role r : AllRoles()) {
    EXPECT_EQ(ParseRole(ToString(r)), r);
    EXPECT_TRUE(names.insert(ToString(r)).second);
  }
  EXPECT_EQ(AllRoles().size(), 13u);
  EXPECT_FALSE(ParseRole("root").has_value());
  EXPECT_FALSE(ParseRole("").has_value());
}

TEST(Roles, EachKindGrantsExactlyTheExpectedRoles) {
  const std::set<std::string> everywhere{"organisation_administrator", "auditor"};
  const std::map<Kind, std::set<std::string>> expected{
      {Kind::kNationalUnit,
       {"system_administrator", "hotline_operator", "statistician", "national_auditor"}},
      {Kind::kCountyBoard, {"statistician"}},
      {Kind::kMunicipalSocialServices, {"social_worker"}},
      {Kind::kRegionalCoordinator, {"regional_coordinator", "statistician"}},
      {Kind::kPoliceRegion, {"police_investigator", "statistician"}},
      {Kind::kProsecutionAuthority, {"prosecutor"}},
      {Kind::kMigrationAgency, {"migration_officer"}},
      {Kind::kWorkEnvironmentAuthority, {}},
      {Kind::kTaxAgency, {}},
      {Kind::kCustoms, {}},
      {Kind::kIom, {"iom_caseworker"}},
      {Kind::kNgoShelter, {"ngo_worker"}},
      {Kind::kHealthCare, {}},
      {Kind::kOther, {"system_administrator"}},
  };
  ASSERT_EQ(expected.size(), orgs::AllKinds().size());
  for (Kind kind : orgs::AllKinds()) {
    std::set<std::string> want = expected.at(kind);
    want.insert(everywhere.begin(), everywhere.end());
    std::set<std::string> got;
    for (Role r : AllRoles()) {
      if (KindAllowsRole(kind, r)) got.insert(std::string(ToString(r)));
    }
    EXPECT_EQ(got, want) << orgs::ToString(kind);
  }
}

TEST(Roles, NgoAndIomCanNeverHoldPoliceOrProsecutorRoles) {
  for (Kind kind : {Kind::kNgoShelter, Kind::kIom, Kind::kHealthCare}) {
    EXPECT_FALSE(KindAllowsRole(kind, Role::kPoliceInvestigator));
    EXPECT_FALSE(KindAllowsRole(kind, Role::kProsecutor));
    EXPECT_FALSE(KindAllowsRole(kind, Role::kMigrationOfficer));
  }
}

TEST(Roles, OnlyTheStatisticianWorksWithoutPersonalData) {
  for (Role r : AllRoles()) EXPECT_EQ(SeesPersonalData(r), r != Role::kStatistician) << ToString(r);
}

TEST(Sections, AreTheGlossarysClosedList) {
  std::vector<std::string_view> names;
  for (Section s : AllSections()) {
    names.push_back(ToString(s));
    EXPECT_EQ(ParseSection(ToString(s)), s);
  }
  EXPECT_EQ(names, (std::vector<std::string_view>{"identity", "contact", "needs_safety",
                                                  "assessment", "support", "child_protection",
                                                  "proceedings", "return", "notes"}));
  EXPECT_FALSE(ParseSection("everything").has_value());
}

}  // namespace
}  // namespace opennrm::access
