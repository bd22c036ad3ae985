// Group commit: many threads record at once; every event is durable when Record returns, and is
// sequenced exactly once, in each caller's order. On SQLite and PostgreSQL alike.
#include <atomic>
#include <map>
#include <thread>

#include "audit_fixture.hpp"

namespace opennrm::testing {
namespace {

namespace oa = opennrm::audit;

class AuditGroupCommit : public AuditTest {
 protected:
  // Sequences until nothing is pending.
  void Drain() {
    for (int i = 0; i < 1000; ++i) {
      auto uow = db_->Begin(ports::Access::kRead).value();
      if (uow->audit().CountPending().value() == 0) return;
      uow.reset();
      Step(false);
    }
    FAIL() << "pending events never drained";
  }

  // Every request id recorded exactly once, and in order within one Record call.
  void ExpectEachOnce(const std::vector<std::string>& recorded) {
    std::map<std::string, uint64_t> seq_of;
    for (const auto& e : AllEntries()) {
      auto event = oa::DecodeEvent(e.leaf).value();
      EXPECT_TRUE(seq_of.emplace(event.request_id, e.seq).second) << event.request_id << " twice";
    }
    EXPECT_EQ(seq_of.size(), recorded.size());
    for (const auto& id : recorded) {
      ASSERT_TRUE(seq_of.count(id)) << id << " missing";
      if (id.ends_with("-b")) {
        std::string a = id.substr(0, id.size() - 2) + "-a";
        EXPECT_EQ(seq_of[id], seq_of[a] + 1) << "a call's events stay together and in order";
      }
    }
  }
};

TEST_F(AuditGroupCommit, ManyThreadsRecordConcurrentlyAndEveryEventIsSequencedOnce) {
  constexpr int kThreads = 16;
  constexpr int kCalls = 40;
  app::audit::GroupCommitAuditLog log(*db_, clock_);
  std::vector<std::vector<std::string>> ids(kThreads);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        std::string base = "t" + std::to_string(t) + "-" + std::to_string(i);
        std::vector<oa::Event> events{SyntheticEvent(i, base + "-a")};
        if (i % 2 == 0) events.push_back(SyntheticEvent(i, base + "-b"));
        if (!log.Record(std::move(events))) ++failures;
        ids[t].push_back(base + "-a");
        if (i % 2 == 0) ids[t].push_back(base + "-b");
        // Durable when Record returned: visible to a new transaction at once.
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  std::vector<std::string> all;
  for (const auto& v : ids) all.insert(all.end(), v.begin(), v.end());
  auto stats = log.Stats();
  EXPECT_EQ(stats.events, static_cast<long long>(all.size()));
  EXPECT_LT(stats.batches, kThreads * kCalls) << "concurrent callers shared transactions";
  EXPECT_EQ(stats.failed_batches, 0);
  {
    auto uow = db_->Begin(ports::Access::kRead).value();
    EXPECT_EQ(uow->audit().CountPending().value(), static_cast<long long>(all.size()));
  }
  Drain();
  ExpectEachOnce(all);
  auto out = Verify();
  EXPECT_TRUE(out.report.ok()) << Findings(out.report);
  EXPECT_EQ(out.tree_size, all.size());
}

TEST_F(AuditGroupCommit, RecordingWhileTheSequencerRuns) {
  app::audit::GroupCommitAuditLog log(*db_, clock_);
  std::atomic<int> step_errors{0};
  app::audit::SequencerThread background(*sequencer_, clock_, std::chrono::milliseconds(1),
                                         [&](const Error&) { ++step_errors; });
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> ids(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 30; ++i) {
        std::string id = "t" + std::to_string(t) + "-" + std::to_string(i) + "-a";
        EXPECT_TRUE(log.Record(SyntheticEvent(i, id)).has_value());
        ids[t].push_back(id);
      }
    });
  }
  for (auto& th : threads) th.join();
  background.Stop();
  EXPECT_EQ(step_errors.load(), 0);
  EXPECT_GT(background.steps(), 0);
  Drain();
  std::vector<std::string> all;
  for (const auto& v : ids) all.insert(all.end(), v.begin(), v.end());
  ExpectEachOnce(all);
  EXPECT_TRUE(Verify().report.ok());
}

TEST_F(AuditGroupCommit, AFullQueueRefusesAtOnceAndABlockedWriteCompletesLater) {
  app::audit::GroupCommitOptions options;
  options.max_queued_events = 4;
  app::audit::GroupCommitAuditLog log(*db_, clock_, options);
  // Another connection holds the pending table, so the writer waits.
  auto blocker = RawConnection();
  ASSERT_TRUE(blocker);
  const char* backend = std::getenv("OPENNRM_TEST_BACKEND");
  bool postgres = backend && std::string(backend) == "postgres";
  ASSERT_TRUE(
      blocker
          ->Exec(postgres ? "BEGIN; LOCK TABLE audit_pending IN EXCLUSIVE MODE" : "BEGIN IMMEDIATE")
          .has_value());
  std::atomic<bool> first_done{false};
  Status first_result;
  std::thread first([&] {
    first_result = log.Record({SyntheticEvent(0), SyntheticEvent(1), SyntheticEvent(2)});
    first_done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(first_done.load()) << "the write waits for the lock";
  auto refused = log.Record({SyntheticEvent(3), SyntheticEvent(4)});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  ASSERT_TRUE(blocker->Exec("ROLLBACK").has_value());
  first.join();
  EXPECT_TRUE(first_result.has_value()) << first_result.error().message;
  EXPECT_EQ(log.Stats().rejected, 1);
  auto uow = db_->Begin(ports::Access::kRead).value();
  EXPECT_EQ(uow->audit().CountPending().value(), 3);
}

TEST_F(AuditGroupCommit, RecordThenCompletesEveryCallOnceAfterItsEventsAreDurable) {
  constexpr int kThreads = 8;
  constexpr int kCalls = 40;
  std::atomic<int> completed{0};
  std::atomic<int> failed{0};
  std::atomic<int> not_durable{0};
  std::vector<std::vector<std::string>> ids(kThreads);
  {
    app::audit::GroupCommitAuditLog log(*db_, clock_);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kCalls; ++i) {
          std::string id = "t" + std::to_string(t) + "-" + std::to_string(i) + "-a";
          ids[t].push_back(id);
          if (i % 3 == 0) {  // blocking callers mixed in
            EXPECT_TRUE(log.Record(SyntheticEvent(i, id)).has_value());
            continue;
          }
          auto queued = log.RecordThen({SyntheticEvent(i, id)}, [&, id](const Status& st) {
            if (!st) ++failed;
            // Durable when the callback runs: a new transaction sees it pending.
            auto uow = db_->Begin(ports::Access::kRead).value();
            auto pending = uow->audit().Pending(100'000).value();
            bool found = false;
            for (const auto& p : pending)
              found = found || oa::DecodeEvent(p.body)->request_id == id;
            if (!found) ++not_durable;
            ++completed;
          });
          EXPECT_TRUE(queued.has_value());
        }
      });
    }
    for (auto& th : threads) th.join();
    log.Stop();  // waits for every queued call to be written and completed
    EXPECT_EQ(log.Stats().events, kThreads * kCalls);
  }
  EXPECT_EQ(completed.load(), kThreads * kCalls - kThreads * ((kCalls + 2) / 3));
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(not_durable.load(), 0);
  Drain();
  std::vector<std::string> all;
  for (const auto& v : ids) all.insert(all.end(), v.begin(), v.end());
  ExpectEachOnce(all);
  EXPECT_TRUE(Verify().report.ok());
}

TEST_F(AuditGroupCommit, SequencingOnAppendPutsEventsInTheLogAtOnce) {
  app::audit::GroupCommitOptions options;
  options.sequence_on_append = true;
  app::audit::GroupCommitAuditLog log(*db_, clock_, options);
  // Events pending from before (another server, or an older version) are sequenced too.
  app::audit::GroupCommitAuditLog pending_log(*db_, clock_);
  ASSERT_TRUE(pending_log.Record(SyntheticEvent(0, "old-a")).has_value());
  std::vector<std::vector<std::string>> ids(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        std::string base = "t" + std::to_string(t) + "-" + std::to_string(i);
        std::vector<oa::Event> events{SyntheticEvent(i, base + "-a")};
        if (i % 2 == 0) events.push_back(SyntheticEvent(i, base + "-b"));
        EXPECT_TRUE(log.Record(std::move(events)).has_value());
        ids[t].push_back(base + "-a");
        if (i % 2 == 0) ids[t].push_back(base + "-b");
      }
    });
  }
  for (auto& th : threads) th.join();
  std::vector<std::string> all{"old-a"};
  for (const auto& v : ids) all.insert(all.end(), v.begin(), v.end());
  {
    auto uow = db_->Begin(ports::Access::kRead).value();
    EXPECT_EQ(uow->audit().CountPending().value(), 1) << "only the old event waits";
    EXPECT_EQ(uow->audit().Tree().value().size, all.size() - 1);
  }
  Drain();
  ExpectEachOnce(all);
  auto out = Verify();
  EXPECT_TRUE(out.report.ok()) << Findings(out.report);
  EXPECT_EQ(out.tree_size, all.size());
}

}  // namespace
}  // namespace opennrm::testing
