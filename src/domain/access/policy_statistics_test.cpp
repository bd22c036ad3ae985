// The statistics actions of the access policy (docs/design/statistics-api.md,
// "Who"), decided for every role and for API tokens.
#include <gtest/gtest.h>

#include "domain/access/policy.hpp"

namespace opennrm::access {
namespace {

using orgs::Kind;

// The kind each role is granted in (roles.cpp): the first kind it allows.
Kind HomeOf(Role role) {
  for (Kind k : {Kind::kNationalUnit, Kind::kRegionalCoordinator, Kind::kMunicipalSocialServices,
                 Kind::kPoliceRegion, Kind::kProsecutionAuthority, Kind::kMigrationAgency,
                 Kind::kIom, Kind::kNgoShelter, Kind::kCountyBoard, Kind::kOther}) {
    if (KindAllowsRole(k, role)) return k;
  }
  return Kind::kOther;
}

Actor User(Role role, Kind kind) {
  Actor a;
  a.user_id = "u1";
  a.organisation_id = "org1";
  a.organisation_kind = kind;
  a.roles = {role};
  return a;
}

TEST(PolicyStatistics, PublishedReleasesAreReadByStatisticiansCoordinatorsHotlineAndOperators) {
  for (Role role : AllRoles()) {
    const bool reads = role == Role::kStatistician || role == Role::kRegionalCoordinator ||
                       role == Role::kHotlineOperator || role == Role::kSystemAdministrator;
    Decision d = Decide(User(role, HomeOf(role)), Action::kStatisticsRead, {});
    EXPECT_EQ(d.allowed, reads) << ToString(role);
    if (!reads) {
      EXPECT_EQ(d.visibility, Visibility::kVisible) << ToString(role);
    }
  }
}

TEST(PolicyStatistics, OnlyTheNationalUnitsStatisticianManages) {
  for (Role role : AllRoles()) {
    Decision d = Decide(User(role, HomeOf(role)), Action::kStatisticsManage, {});
    EXPECT_EQ(d.allowed, role == Role::kStatistician) << ToString(role);
    EXPECT_EQ(d.visibility, Visibility::kVisible) << ToString(role);
  }
  for (Kind k : {Kind::kCountyBoard, Kind::kRegionalCoordinator, Kind::kPoliceRegion}) {
    Decision d = Decide(User(Role::kStatistician, k), Action::kStatisticsManage, {});
    EXPECT_FALSE(d.allowed) << orgs::ToString(k);
    EXPECT_EQ(d.reason, "not_national_unit");
    EXPECT_TRUE(Decide(User(Role::kStatistician, k), Action::kStatisticsRead, {}).allowed);
  }
  EXPECT_TRUE(
      Decide(User(Role::kStatistician, Kind::kNationalUnit), Action::kStatisticsManage, {}));
}

TEST(PolicyStatistics, OwnFiguresGoToRegionalCoordinatorsAndTheHotlineNeverToStatisticians) {
  for (Role role : AllRoles()) {
    const bool own = role == Role::kRegionalCoordinator || role == Role::kHotlineOperator;
    EXPECT_EQ(Decide(User(role, HomeOf(role)), Action::kStatisticsOwn, {}).allowed, own)
        << ToString(role);
  }
}

TEST(PolicyStatistics, TokensReadReleasesWhenScopedButNeverManageNorSeeOwnFigures) {
  EXPECT_TRUE(TokenMayHold(Action::kStatisticsRead));
  EXPECT_FALSE(TokenMayHold(Action::kStatisticsManage));
  EXPECT_FALSE(TokenMayHold(Action::kStatisticsOwn));
  Actor t;
  t.token_id = "t1";
  t.organisation_id = "nmt";
  t.organisation_kind = Kind::kNationalUnit;
  t.token_actions = {Action::kDirectoryRead};
  EXPECT_FALSE(Decide(t, Action::kStatisticsRead, {}).allowed);
  t.token_actions = {Action::kStatisticsRead};
  EXPECT_TRUE(Decide(t, Action::kStatisticsRead, {}).allowed);
  t.token_actions = AllActions();  // a forged scope changes nothing
  EXPECT_FALSE(Decide(t, Action::kStatisticsManage, {}).allowed);
  EXPECT_FALSE(Decide(t, Action::kStatisticsOwn, {}).allowed);
  EXPECT_EQ(ParseAction("statistics.manage"), Action::kStatisticsManage);
  EXPECT_EQ(ParseAction("statistics.own"), Action::kStatisticsOwn);
}

}  // namespace
}  // namespace opennrm::access
