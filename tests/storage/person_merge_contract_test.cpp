// What merging two records of one person needs of storage: the merged
// record's statistics row goes (it is no longer counted on its own) while
// every other row stays — on SQLite and PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

class PersonMergeContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    Committed([&](ports::UnitOfWork& uow) {
      for (const char* id : {"c1", "c2"}) {
        ports::CaseRow c;
        c.id = id;
        c.organisation_id = "org-1";
        c.code = std::string("NRM-2026-m") + id;
        c.type = "trafficking_in_human_beings";
        c.steps_version = "se-manual-2019";
        c.created_by = "anna";
        Must(uow.cases().Insert(c));
      }
      for (const char* id : {"p1", "p2", "p3"}) {
        ports::PersonRow p;
        p.id = id;
        p.organisation_id = "org-1";
        p.code = std::string("P-2026-m") + id;
        p.identity_sealed = p.contact_sealed = "x";
        Must(uow.persons().Insert(p));
      }
      const std::pair<const char*, const char*> victims[] = {
          {"c1", "p1"}, {"c1", "p2"}, {"c2", "p2"}};
      for (auto [c, p] : victims) {
        ports::VictimCategoriesRow v;
        v.case_id = c;
        v.person_id = p;
        v.organisation_id = "org-1";
        v.organisation_kind = "municipal_social_services";
        v.recorded_on = "2026-11-29";
        v.gender = "woman";
        v.age_group = "25_34";
        v.citizenship_group = "outside_eu_eea";
        Must(uow.statistics_facts().AddVictim(v, ports::CaseFactsRow{}));
      }
    });
  }
};

TEST_F(PersonMergeContract, RemovingAMergedVictimsRowLeavesEveryOtherRow) {
  Committed(
      [&](ports::UnitOfWork& uow) { Must(uow.statistics_facts().RemoveVictim("c1", "p2", kT0)); });
  auto c1 = Must(Read()->statistics_facts().OfCase("c1"));
  ASSERT_EQ(c1.size(), 1u);
  EXPECT_EQ(c1[0].person.person_id, "p1");
  auto c2 = Must(Read()->statistics_facts().OfCase("c2"));
  ASSERT_EQ(c2.size(), 1u) << "the same person's row in another case stays";
  EXPECT_EQ(c2[0].person.person_id, "p2");
  // A person without a row (a witness): nothing to remove, no error.
  Committed(
      [&](ports::UnitOfWork& uow) { Must(uow.statistics_facts().RemoveVictim("c1", "p3", kT0)); });
  EXPECT_EQ(Must(Read()->statistics_facts().OfCase("c1")).size(), 1u);
}

}  // namespace
}  // namespace opennrm::testing
