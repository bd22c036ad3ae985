// The statistics facts in memory (app/statistics/fact_cache.hpp) over a real
// database: the first read loads every row, later reads pick up changes and
// removals incrementally, and one person in two cases of one organisation
// is one fact — on SQLite and PostgreSQL alike.
#include <thread>

#include "accounts_fixture.hpp"
#include "app/statistics/fact_cache.hpp"
#include "app/statistics/fact_cache_keeper.hpp"

namespace opennrm::testing {
namespace {

class StatisticsFactCache : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("org-1", orgs::Kind::kRegionalCoordinator);
    InsertUser(NewUser("anna", "org-1", "anna.test"));
    InsertCasesAndPersons("org-1", "anna", {"c1", "c2"}, {"p1", "p2"});
    clock_.Set(TimePoint(std::chrono::microseconds(kT0 + 100'000'000)));
  }
  static ports::VictimCategoriesRow Victim(const std::string& case_id, const std::string& person_id,
                                           const char* day) {
    ports::VictimCategoriesRow v;
    v.case_id = case_id;
    v.person_id = person_id;
    v.organisation_id = "org-1";
    v.organisation_kind = "regional_coordinator";
    v.recorded_on = day;
    v.gender = "woman";
    v.age_group = "25_34";
    v.citizenship_group = "other_eu_eea";
    v.citizenship_country = "RO";
    return v;
  }
  static ports::CaseFactsRow Facts(long long at_us, std::vector<std::string> forms) {
    ports::CaseFactsRow f;
    f.case_type = "trafficking_in_human_beings";
    f.forms = std::move(forms);
    f.updated_at_us = at_us;
    return f;
  }
  // Removals are stamped by the same clock the cache reads.
  long long Now() const { return ToEpochMicros(clock_.Now()); }
  FakeClock clock_{TimePoint(std::chrono::microseconds(kT0))};
};

TEST_F(StatisticsFactCache, LoadsThenFollowsChangesAndRemovals) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p1", "2026-03-01"),
                                          Facts(kT0 + 1, {"sexual"})));
  });
  app::statistics::FactCache cache(*db_, clock_, nullptr, nullptr, 1000);
  auto first = Must(cache.Snapshot());
  ASSERT_EQ(first->facts.size(), 1u);
  EXPECT_EQ(first->facts[0].recorded_on, stats::DayNumber({2026, 3, 1}));
  EXPECT_EQ(first->dictionary.organisations, std::vector<std::string>{"org-1"});
  EXPECT_EQ(first->dictionary.countries[first->facts[0].country], "RO");

  // The same person in a second case, recorded earlier there: one fact,
  // the earlier day, the forms of both cases.
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c2", "p1", "2026-02-01"),
                                          Facts(kT0 + 2, {"labour"})));
    Must(uow.statistics_facts().AddVictim(Victim("c2", "p2", "2026-02-03"), Facts(kT0 + 2, {})));
  });
  EXPECT_EQ(Must(cache.Snapshot()).get(), first.get()) << "fresh: not re-read";
  clock_.Set(clock_.Now() + std::chrono::seconds(2));
  auto second = Must(cache.Snapshot());
  ASSERT_EQ(second->facts.size(), 2u);
  EXPECT_EQ(first->facts.size(), 1u) << "an earlier snapshot never changes";
  const auto& d = second->dictionary;
  const stats::Fact* p1 = nullptr;
  for (const auto& f : second->facts) {
    if (f.recorded_on == stats::DayNumber({2026, 2, 1})) p1 = &f;
  }
  ASSERT_NE(p1, nullptr) << "the earliest day counts";
  int forms = 0;
  for (size_t i = 0; i < d.forms.size(); ++i) {
    if (p1->forms & (1u << i)) ++forms;
  }
  EXPECT_EQ(forms, 2) << "forms of both cases";

  // p1 leaves case c2 (merged away): back to the one row of c1.
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().RemoveVictim("c2", "p1", Now()));
  });
  Must(cache.Refresh());
  auto third = Must(cache.Snapshot());
  ASSERT_EQ(third->facts.size(), 2u);
  bool march = false;
  for (const auto& f : third->facts) march |= f.recorded_on == stats::DayNumber({2026, 3, 1});
  EXPECT_TRUE(march) << "the removed row no longer decides the day";

  // p2 removed and written again in one transaction (a correction): kept.
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().RemoveVictim("c2", "p2", Now()));
    auto again = Victim("c2", "p2", "2026-02-03");
    again.gender = "man";
    Must(uow.statistics_facts().AddVictim(again, Facts(Now(), {})));
  });
  Must(cache.Refresh());
  auto fourth = Must(cache.Snapshot());
  ASSERT_EQ(fourth->facts.size(), 2u);
  int men = 0;
  for (const auto& f : fourth->facts) men += f.gender == stats::GenderCategory::kMan;
  EXPECT_EQ(men, 1);
  Must(cache.Refresh());  // the overlap reads the same removal again: still kept
  EXPECT_EQ(Must(cache.Snapshot())->facts.size(), 2u);

  // Gone for good.
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().RemoveVictim("c1", "p1", Now()));
  });
  Must(cache.Refresh());
  EXPECT_EQ(Must(cache.Snapshot())->facts.size(), 1u);
  EXPECT_GT(cache.MemoryBytes(), 0u);
  EXPECT_EQ(cache.DamagedRows(), 0u);
}

TEST_F(StatisticsFactCache, ARefreshThatFindsNothingNewKeepsTheSnapshot) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p1", "2026-03-01"),
                                          Facts(Now(), {"sexual"})));
    Must(uow.statistics_facts().RemoveVictim("c2", "p2", Now()));  // nothing to remove
  });
  app::statistics::FactCache cache(*db_, clock_, nullptr, nullptr, 1000);
  auto first = Must(cache.Snapshot());
  ASSERT_EQ(first->facts.size(), 1u);
  // The overlap reads the row (and the removal) again: nothing changed.
  clock_.Set(clock_.Now() + std::chrono::seconds(2));
  Must(cache.Refresh());
  EXPECT_EQ(Must(cache.Snapshot()).get(), first.get()) << "no new snapshot without a change";

  // The same row written again with a new form: a new snapshot.
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().UpdateCase("c1", Facts(Now(), {"sexual", "labour"})));
  });
  Must(cache.Refresh());
  auto second = Must(cache.Snapshot());
  EXPECT_NE(second.get(), first.get());
  EXPECT_NE(second->facts[0].forms, first->facts[0].forms);
}

TEST_F(StatisticsFactCache, ACacheIdleLongerThanRemovalsAreKeptLoadsAfresh) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p1", "2026-03-01"), Facts(Now(), {})));
    Must(uow.statistics_facts().AddVictim(Victim("c2", "p2", "2026-03-02"), Facts(Now(), {})));
  });
  app::statistics::FactCache cache(*db_, clock_, nullptr, nullptr, 1000);
  ASSERT_EQ(Must(cache.Snapshot())->facts.size(), 2u);

  // p2 is removed an hour later; nobody reads statistics for eight days, and
  // the removal is pruned meanwhile.
  clock_.Set(clock_.Now() + std::chrono::hours(1));
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().RemoveVictim("c2", "p2", Now()));
  });
  clock_.Set(clock_.Now() + std::chrono::hours(24 * 8));
  EXPECT_EQ(Must(app::statistics::PruneFactRemovals(*db_, clock_.Now())), 1);
  Committed([&](ports::UnitOfWork& uow) {
    EXPECT_TRUE(Must(uow.statistics_facts().RemovedSince(0)).empty());
  });

  // The cache cannot read the removal any more: it loads everything again.
  auto later = Must(cache.Snapshot());
  ASSERT_EQ(later->facts.size(), 1u);
  EXPECT_EQ(later->facts[0].recorded_on, stats::DayNumber({2026, 3, 1}));
}

// Waits (polling, up to a minute) until the keeper has finished `rounds`.
bool AfterRounds(const app::statistics::FactCacheKeeper& keeper, int rounds) {
  for (int i = 0; i < 6000 && keeper.Rounds() < rounds; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return keeper.Rounds() >= rounds;
}

TEST_F(StatisticsFactCache, TheKeeperLoadsAtOnceAndRefreshesWithoutARequest) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c1", "p1", "2026-03-01"), Facts(Now(), {})));
  });
  app::statistics::FactCache cache(*db_, clock_, nullptr, nullptr, 1000);
  app::statistics::FactCacheKeeper keeper(cache, std::chrono::milliseconds(5));
  ASSERT_TRUE(AfterRounds(keeper, 1));
  EXPECT_EQ(Must(cache.Snapshot())->facts.size(), 1u);

  // A row written now; the clock stands still, so no request would refresh.
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.statistics_facts().AddVictim(Victim("c2", "p2", "2026-03-02"), Facts(Now(), {})));
  });
  const int seen = keeper.Rounds();
  ASSERT_TRUE(AfterRounds(keeper, seen + 2));
  EXPECT_EQ(Must(cache.Snapshot())->facts.size(), 2u) << "the keeper read the change";
}

}  // namespace
}  // namespace opennrm::testing
