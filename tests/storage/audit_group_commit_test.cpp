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

}  // namespace
}  // namespace opennrm::testing
