// De-identified statistics rows: a presumed victim's row round-trips; a
// change of the case updates the case's part of every row of that case and
// of no other — on SQLite and PostgreSQL alike.
#include "accounts_fixture.hpp"

namespace opennrm::testing {
namespace {

class StatisticsFactsContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kMunicipalSocialServices);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    InsertCasesAndPersons("org-1", "anna", {"c1", "c2"}, {"p1", "p2", "p3"});
  }
  static ports::VictimCategoriesRow Victim(const std::string& case_id,
                                           const std::string& person_id) {
    ports::VictimCategoriesRow v;
    v.case_id = case_id;
    v.person_id = person_id;
    v.organisation_id = "org-1";
    v.organisation_kind = "municipal_social_services";
    v.recorded_on = "2026-11-29";
    v.gender = "girl";
    v.age_group = "12_17";
    v.citizenship_group = "other_eu_eea";
    v.citizenship_country = "RO";
    return v;
  }
};

TEST_F(StatisticsFactsContract, ARowRoundTripsAndFollowsItsCase) {
  ports::CaseFactsRow f;
  f.case_type = "human_exploitation";
  f.forms = {"forced_begging", "labour"};
  f.sectors = {"cleaning"};
  f.police_region = "syd";
  f.county = "12";
  f.steps = {{"support", "identification", "2026-11-01"}};
  f.clocks = {{"reflection_period", "running", "2026-11-02", ""}};
  f.updated_at_us = kT0;
  auto protected_victim = Victim("c1", "p2");
  protected_victim.citizenship_country = "";
  protected_victim.is_protected = true;
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p1"), f));
    Must(uow.statistics_facts().AddVictim(protected_victim, f));
    Must(uow.statistics_facts().AddVictim(Victim("c2", "p3"), ports::CaseFactsRow{}));
  });
  auto rows = Must(Read()->statistics_facts().OfCase("c1"));
  ASSERT_EQ(rows.size(), 2u);
  const auto& r = rows[0];
  EXPECT_EQ(r.person.person_id, "p1");
  EXPECT_EQ(r.person.organisation_kind, "municipal_social_services");
  EXPECT_EQ(r.person.recorded_on, "2026-11-29");
  EXPECT_EQ(r.person.gender, "girl");
  EXPECT_EQ(r.person.age_group, "12_17");
  EXPECT_EQ(r.person.citizenship_group, "other_eu_eea");
  EXPECT_EQ(r.person.citizenship_country, "RO");
  EXPECT_FALSE(r.person.is_protected);
  EXPECT_EQ(r.facts.case_type, "human_exploitation");
  EXPECT_EQ(r.facts.forms, f.forms);
  EXPECT_EQ(r.facts.sectors, f.sectors);
  EXPECT_EQ(r.facts.police_region, "syd");
  EXPECT_EQ(r.facts.county, "12");
  EXPECT_EQ(r.facts.steps, f.steps);
  EXPECT_EQ(r.facts.clocks, f.clocks);
  EXPECT_EQ(r.facts.status, "open");
  EXPECT_TRUE(rows[1].person.is_protected);
  EXPECT_EQ(rows[1].person.citizenship_country, "");

  ports::CaseFactsRow closed = f;
  closed.forms = {};
  closed.steps.push_back({"support", "acute_protection", "2026-11-05"});
  closed.status = "closed";
  closed.outcome = "integrated";
  closed.closed_on = "2026-11-28";
  closed.updated_at_us = kT0 + 9;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.statistics_facts().UpdateCase("c1", closed)); });
  for (const auto& row : Must(Read()->statistics_facts().OfCase("c1"))) {
    EXPECT_TRUE(row.facts.forms.empty());
    EXPECT_EQ(row.facts.steps.size(), 2u);
    EXPECT_EQ(row.facts.status, "closed");
    EXPECT_EQ(row.facts.outcome, "integrated");
    EXPECT_EQ(row.facts.closed_on, "2026-11-28");
    EXPECT_EQ(row.facts.updated_at_us, kT0 + 9);
    EXPECT_EQ(row.person.gender, "girl") << "the person's part is kept";
  }
  auto other = Must(Read()->statistics_facts().OfCase("c2"));
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].facts.status, "open") << "another case is untouched";
  EXPECT_TRUE(other[0].facts.steps.empty());
}

// Protection given after the row was written: the person's own row loses its
// country and is marked protected; the other rows keep theirs.
TEST_F(StatisticsFactsContract, MarkingAPersonProtectedForgetsTheirCountryOnly) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p1"), ports::CaseFactsRow{}));
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p2"), ports::CaseFactsRow{}));
    Must(uow.statistics_facts().AddVictim(Victim("c2", "p2"), ports::CaseFactsRow{}));
  });
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().MarkProtected("c1", "p2"));
    Must(uow.statistics_facts().MarkProtected("c1", "p3"));  // no row: nothing done
  });
  auto rows = Must(Read()->statistics_facts().OfCase("c1"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_FALSE(rows[0].person.is_protected);
  EXPECT_EQ(rows[0].person.citizenship_country, "RO");
  EXPECT_TRUE(rows[1].person.is_protected);
  EXPECT_EQ(rows[1].person.citizenship_country, "");
  EXPECT_EQ(rows[1].person.citizenship_group, "other_eu_eea") << "still counted";
  EXPECT_EQ(rows[1].person.gender, "girl");
  auto other = Must(Read()->statistics_facts().OfCase("c2"));
  ASSERT_EQ(other.size(), 1u);
  EXPECT_FALSE(other[0].person.is_protected) << "only the case named";
  EXPECT_EQ(other[0].person.citizenship_country, "RO");
}

// The statistics engine's incremental reads: rows changed since a moment in
// key order, page by page, and the removals since a moment.
TEST_F(StatisticsFactsContract, ChangedSinceReadsPagesInKeyOrder) {
  auto at = [](long long us) {
    ports::CaseFactsRow f;
    f.updated_at_us = us;
    return f;
  };
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p2"), at(kT0 + 5)));
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p1"), at(kT0 + 5)));
    Must(uow.statistics_facts().AddVictim(Victim("c2", "p3"), at(kT0 + 1)));
  });
  {
    auto uow = Read();
    auto& repo = uow->statistics_facts();
    auto all = Must(repo.ChangedSince(0, 10, std::nullopt));
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].person.person_id, "p3");  // oldest first
    EXPECT_EQ(all[1].person.person_id, "p1");  // then by case, person
    EXPECT_EQ(all[2].person.person_id, "p2");
    EXPECT_EQ(all[1].person.gender, "girl") << "whole rows";

    auto since = Must(repo.ChangedSince(kT0 + 5, 10, std::nullopt));
    ASSERT_EQ(since.size(), 2u) << "since is inclusive";

    auto first = Must(repo.ChangedSince(0, 2, std::nullopt));
    ASSERT_EQ(first.size(), 2u);
    ports::StatisticsFactCursor cursor{first[1].facts.updated_at_us, first[1].person.case_id,
                                       first[1].person.person_id};
    auto second = Must(repo.ChangedSince(0, 2, cursor));
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].person.person_id, "p2");
    cursor = {second[0].facts.updated_at_us, second[0].person.case_id, second[0].person.person_id};
    EXPECT_TRUE(Must(repo.ChangedSince(0, 2, cursor)).empty());
  }

  Committed(
      [&](ports::UnitOfWork& uow) { Must(uow.statistics_facts().UpdateCase("c2", at(kT0 + 7))); });
  auto moved = Must(Read()->statistics_facts().ChangedSince(kT0 + 6, 10, std::nullopt));
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].person.person_id, "p3") << "a change of the case moves its rows";
}

TEST_F(StatisticsFactsContract, ARemovalIsRecordedWithItsOrganisation) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p1"), ports::CaseFactsRow{}));
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p2"), ports::CaseFactsRow{}));
  });
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().RemoveVictim("c1", "p2", kT0 + 20));
    Must(uow.statistics_facts().RemoveVictim("c1", "p3", kT0 + 21));  // no row: no removal
  });
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().RemoveVictim("c1", "p1", kT0 + 30));
  });
  auto uow = Read();
  auto& repo = uow->statistics_facts();
  EXPECT_TRUE(Must(repo.OfCase("c1")).empty());
  auto removed = Must(repo.RemovedSince(kT0 + 20));
  ASSERT_EQ(removed.size(), 2u);
  EXPECT_EQ(removed[0].case_id, "c1");
  EXPECT_EQ(removed[0].person_id, "p2");
  EXPECT_EQ(removed[0].organisation_id, "org-1");
  EXPECT_EQ(removed[0].removed_at_us, kT0 + 20);
  EXPECT_EQ(removed[1].person_id, "p1");
  auto later = Must(repo.RemovedSince(kT0 + 21));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].person_id, "p1");
}

TEST_F(StatisticsFactsContract, RemovalsArePrunedBeforeATime) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p1"), ports::CaseFactsRow{}));
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p2"), ports::CaseFactsRow{}));
    Must(uow.statistics_facts().RemoveVictim("c1", "p1", kT0 + 20));
    Must(uow.statistics_facts().RemoveVictim("c1", "p2", kT0 + 30));
  });
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_EQ(Must(uow.statistics_facts().PruneRemovals(kT0 + 30)), 1);
    EXPECT_EQ(Must(uow.statistics_facts().PruneRemovals(kT0 + 30)), 0) << "pruned once";
  });
  auto uow = Read();
  auto left = Must(uow->statistics_facts().RemovedSince(0));
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].person_id, "p2") << "a removal at the time itself is kept";
}

}  // namespace
}  // namespace opennrm::testing
