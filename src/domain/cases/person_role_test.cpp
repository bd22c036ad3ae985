#include "domain/cases/person_role.hpp"

#include <gtest/gtest.h>

namespace opennrm::cases {
namespace {

access::Actor User(orgs::Kind kind, std::vector<access::Role> roles) {
  access::Actor a;
  a.user_id = "u-1";
  a.organisation_id = "org-1";
  a.organisation_kind = kind;
  a.roles = std::move(roles);
  return a;
}

TEST(PersonRole, NamesRoundTrip) {
  ASSERT_EQ(AllPersonRoles().size(), 5u);
  for (auto role : AllPersonRoles()) EXPECT_EQ(ParsePersonRole(ToString(role)), role);
  EXPECT_EQ(ToString(PersonRole::kBuyerOfSexualServices), "buyer_of_sexual_services");
  EXPECT_FALSE(ParsePersonRole("victim"));
}

TEST(PersonRole, OnlyPresumedVictimsAreCounted) {
  EXPECT_TRUE(CountsAsVictim(PersonRole::kPresumedVictim));
  EXPECT_FALSE(CountsAsVictim(PersonRole::kAccompanyingChild));
  EXPECT_FALSE(CountsAsVictim(PersonRole::kWitness));
  EXPECT_FALSE(CountsAsVictim(PersonRole::kSuspect));
}

TEST(PersonRole, OffenceRolesOnlyInAuthorityCases) {
  for (auto kind : orgs::AllKinds()) {
    bool authority = orgs::IsPublicAuthority(kind);
    EXPECT_EQ(CaseMayHold(kind, PersonRole::kSuspect), authority) << orgs::ToString(kind);
    EXPECT_EQ(CaseMayHold(kind, PersonRole::kBuyerOfSexualServices), authority);
    EXPECT_TRUE(CaseMayHold(kind, PersonRole::kPresumedVictim));
    EXPECT_TRUE(CaseMayHold(kind, PersonRole::kAccompanyingChild));
    EXPECT_TRUE(CaseMayHold(kind, PersonRole::kWitness));
  }
}

TEST(PersonRole, NgoAndIomNeitherCreateNorSeeSuspectsOrBuyers) {
  for (auto role : {PersonRole::kSuspect, PersonRole::kBuyerOfSexualServices}) {
    EXPECT_FALSE(MayHandleRole(User(orgs::Kind::kNgoShelter, {access::Role::kNgoWorker}), role));
    EXPECT_FALSE(MayHandleRole(User(orgs::Kind::kIom, {access::Role::kIomCaseworker}), role));
    // An NGO or IOM role does not become enough inside an authority either.
    EXPECT_FALSE(MayHandleRole(
        User(orgs::Kind::kMunicipalSocialServices, {access::Role::kNgoWorker}), role));
    EXPECT_FALSE(
        MayHandleRole(User(orgs::Kind::kPoliceRegion, {access::Role::kStatistician}), role));
    EXPECT_TRUE(
        MayHandleRole(User(orgs::Kind::kPoliceRegion, {access::Role::kPoliceInvestigator}), role));
    EXPECT_TRUE(MayHandleRole(
        User(orgs::Kind::kMunicipalSocialServices, {access::Role::kSocialWorker}), role));
    access::Actor token;
    token.token_id = "t-1";
    token.organisation_kind = orgs::Kind::kPoliceRegion;
    EXPECT_FALSE(MayHandleRole(token, role));
  }
}

TEST(PersonRole, EveryoneHandlesTheOtherRoles) {
  auto ngo = User(orgs::Kind::kNgoShelter, {access::Role::kNgoWorker});
  EXPECT_TRUE(MayHandleRole(ngo, PersonRole::kPresumedVictim));
  EXPECT_TRUE(MayHandleRole(ngo, PersonRole::kAccompanyingChild));
  EXPECT_TRUE(MayHandleRole(ngo, PersonRole::kWitness));
}

}  // namespace
}  // namespace opennrm::cases
