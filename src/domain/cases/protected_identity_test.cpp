#include "domain/cases/protected_identity.hpp"

#include <gtest/gtest.h>

namespace opennrm::cases {
namespace {

access::Actor User(std::string id, std::string org) {
  access::Actor a;
  a.user_id = std::move(id);
  a.organisation_id = std::move(org);
  a.organisation_kind = orgs::Kind::kMunicipalSocialServices;
  a.roles = {access::Role::kSocialWorker};
  return a;
}

const OwningTeam kTeam{"org-1", {"u-1", "u-2"}};

TEST(ProtectedIdentity, NamesRoundTrip) {
  ASSERT_EQ(AllProtectionLevels().size(), 4u);
  for (auto level : AllProtectionLevels()) {
    EXPECT_EQ(ParseProtectionLevel(ToString(level)), level);
  }
  EXPECT_EQ(ToString(ProtectionLevel::kProtectedRegistration), "protected_registration");
  EXPECT_FALSE(ParseProtectionLevel("skyddad"));
}

TEST(ProtectedIdentity, UnprotectedPersonsAppearEverywhere) {
  auto outsider = User("u-9", "org-2");
  for (auto listing : AllListings()) {
    EXPECT_TRUE(VisibleInListsTo(ProtectionLevel::kNone, listing, outsider, kTeam))
        << ToString(listing);
  }
}

TEST(ProtectedIdentity, EveryLevelHidesFromOutsidersEverywhere) {
  auto same_org_not_on_team = User("u-3", "org-1");
  auto other_org = User("u-1", "org-2");  // same user id, other organisation
  access::Actor token;
  token.token_id = "t-1";
  token.organisation_id = "org-1";
  for (auto level : AllProtectionLevels()) {
    if (!IsProtected(level)) continue;
    for (auto listing : AllListings()) {
      EXPECT_FALSE(VisibleInListsTo(level, listing, same_org_not_on_team, kTeam));
      EXPECT_FALSE(VisibleInListsTo(level, listing, other_org, kTeam));
      EXPECT_FALSE(VisibleInListsTo(level, listing, token, kTeam));
    }
  }
}

TEST(ProtectedIdentity, TheOwningTeamStillSeesTheirPerson) {
  auto member = User("u-2", "org-1");
  for (auto listing : {Listing::kList, Listing::kSearch, Listing::kNotification, Listing::kExport,
                       Listing::kAuditDetails}) {
    EXPECT_TRUE(VisibleInListsTo(ProtectionLevel::kSecrecyMarking, listing, member, kTeam));
    EXPECT_TRUE(VisibleInListsTo(ProtectionLevel::kAssumedIdentity, listing, member, kTeam));
  }
  EXPECT_TRUE(VisibleInListsTo(ProtectionLevel::kProtectedRegistration, Listing::kDuplicateCheck,
                               member, kTeam));
}

TEST(ProtectedIdentity, NeverInStatisticsGeographyNorAssumedIdentityInDuplicates) {
  auto member = User("u-1", "org-1");
  for (auto level : AllProtectionLevels()) {
    if (!IsProtected(level)) continue;
    EXPECT_FALSE(VisibleInListsTo(level, Listing::kStatisticsGeography, member, kTeam));
  }
  EXPECT_FALSE(
      VisibleInListsTo(ProtectionLevel::kAssumedIdentity, Listing::kDuplicateCheck, member, kTeam));
}

TEST(ProtectedIdentity, StricterKeepsTheStrongerLevel) {
  EXPECT_EQ(Stricter(ProtectionLevel::kNone, ProtectionLevel::kSecrecyMarking),
            ProtectionLevel::kSecrecyMarking);
  EXPECT_EQ(Stricter(ProtectionLevel::kAssumedIdentity, ProtectionLevel::kProtectedRegistration),
            ProtectionLevel::kAssumedIdentity);
}

}  // namespace
}  // namespace opennrm::cases
