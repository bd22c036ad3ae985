#include "domain/cases/case_record.hpp"

#include <gtest/gtest.h>

namespace opennrm::cases {
namespace {

CasePerson InRole(std::string id, PersonRole role) {
  CasePerson p;
  p.person.id = std::move(id);
  p.role = role;
  return p;
}

CaseRecord Case() {
  CaseRecord c;
  c.owning_organisation_id = "org-1";
  c.owner_kind = orgs::Kind::kPoliceRegion;
  c.team = {"u-1"};
  c.persons = {InRole("v1", PersonRole::kPresumedVictim),
               InRole("v2", PersonRole::kPresumedVictim),
               InRole("child", PersonRole::kAccompanyingChild),
               InRole("w", PersonRole::kWitness),
               InRole("s", PersonRole::kSuspect),
               InRole("b", PersonRole::kBuyerOfSexualServices)};
  return c;
}

access::Actor User(orgs::Kind kind, access::Role role) {
  access::Actor a;
  a.user_id = "u-1";
  a.organisation_id = "org-1";
  a.organisation_kind = kind;
  a.roles = {role};
  return a;
}

TEST(CaseRecord, TypeNamesRoundTrip) {
  ASSERT_EQ(AllCaseTypes().size(), 5u);
  for (auto t : AllCaseTypes()) EXPECT_EQ(ParseCaseType(ToString(t)), t);
  EXPECT_EQ(ParseCaseType("child_sexual_act_purchase_exploitation"),
            CaseType::kChildSexualActPurchaseExploitation);
  EXPECT_EQ(ToString(CaseType::kReturnOnly), "return_only");
}

TEST(CaseRecord, AccompanyingChildrenAreNotCountedAsVictims) { EXPECT_EQ(CountVictims(Case()), 2); }

TEST(CaseRecord, ChildTrackFollowsAnyPersonWhoMayBeAChild) {
  auto c = Case();
  const CivilDate today{2026, 3, 15};
  EXPECT_FALSE(NeedsChildTrack(c, today));
  c.persons[2].person.date_of_birth = AgeRange{16, 18, today};
  EXPECT_TRUE(OnChildTrack(c.persons[2], today));
  EXPECT_TRUE(NeedsChildTrack(c, today));
  EXPECT_FALSE(NeedsChildTrack(c, {2028, 3, 15}));
  c.persons[0].person.claimed_minor = true;
  EXPECT_TRUE(NeedsChildTrack(c, {2028, 3, 15}));
}

TEST(CaseRecord, FindsPersonsAndTheTeam) {
  auto c = Case();
  ASSERT_NE(FindPerson(c, "w"), nullptr);
  EXPECT_EQ(FindPerson(c, "w")->role, PersonRole::kWitness);
  EXPECT_EQ(FindPerson(c, "x"), nullptr);
  auto team = TeamOf(c);
  EXPECT_EQ(team.organisation_id, "org-1");
  EXPECT_TRUE(
      OnOwningTeam(User(orgs::Kind::kPoliceRegion, access::Role::kPoliceInvestigator), team));
}

TEST(CaseRecord, NgoAndIomNeverSeeSuspectsOrBuyers) {
  auto c = Case();
  auto police =
      PersonsVisibleTo(c, User(orgs::Kind::kPoliceRegion, access::Role::kPoliceInvestigator));
  EXPECT_EQ(police.size(), 6u);
  for (auto [kind, role] : {std::pair{orgs::Kind::kNgoShelter, access::Role::kNgoWorker},
                            std::pair{orgs::Kind::kIom, access::Role::kIomCaseworker}}) {
    auto seen = PersonsVisibleTo(c, User(kind, role));
    ASSERT_EQ(seen.size(), 4u);
    for (const auto* p : seen) EXPECT_FALSE(NeedsPublicAuthority(p->role));
  }
}

}  // namespace
}  // namespace opennrm::cases
