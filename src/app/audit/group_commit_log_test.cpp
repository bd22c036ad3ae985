#include "app/audit/group_commit_log.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace opennrm::app::audit {
namespace {

namespace oa = opennrm::audit;

// A database that is down: every unit of work fails to begin.
class DownDatabase final : public ports::Database {
 public:
  Result<std::unique_ptr<ports::UnitOfWork>> Begin(ports::Access) override {
    ++begins;
    return Fail(ErrorCode::kUnavailable, "connection refused");
  }
  std::string Dialect() const override { return "none"; }
  Status Ping() override { return Fail(ErrorCode::kUnavailable, "down"); }
  ports::PoolState Pool() const override { return {}; }
  std::atomic<int> begins{0};
};

oa::Event Event(const std::string& action = "case.read") {
  oa::Event e;
  e.action = action;
  e.outcome = "allowed";
  e.request_id = "req-1";
  return e;
}

class GroupCommitTest : public ::testing::Test {
 protected:
  DownDatabase db_;
  FakeClock clock_{FromEpochMicros(1'764'374'400'000'000LL)};
};

TEST_F(GroupCommitTest, AFailedWriteIsUnavailableToEveryCallerInTheBatch) {
  GroupCommitAuditLog log(db_, clock_);
  std::atomic<int> unavailable{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < 8; ++i) {
    callers.emplace_back([&] {
      auto st = log.Record(Event());
      if (!st && st.error().code == ErrorCode::kUnavailable) ++unavailable;
    });
  }
  for (auto& t : callers) t.join();
  EXPECT_EQ(unavailable.load(), 8) << "no audit, no access";
  auto stats = log.Stats();
  EXPECT_EQ(stats.events, 0);
  EXPECT_GE(stats.failed_batches, 1);
  EXPECT_EQ(stats.failed_batches, db_.begins.load());
}

TEST_F(GroupCommitTest, AnEventThatCannotBeEncodedIsInvalidAndNeverQueued) {
  GroupCommitAuditLog log(db_, clock_);
  auto st = log.Record({Event(), Event("")});
  ASSERT_FALSE(st.has_value());
  EXPECT_EQ(st.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(db_.begins.load(), 0) << "the whole call was refused before any write";
}

TEST_F(GroupCommitTest, NothingToRecordIsNoWrite) {
  GroupCommitAuditLog log(db_, clock_);
  EXPECT_TRUE(log.Record(std::vector<oa::Event>{}).has_value());
  EXPECT_EQ(db_.begins.load(), 0);
}

TEST_F(GroupCommitTest, StoppedLogRefuses) {
  GroupCommitAuditLog log(db_, clock_);
  log.Stop();
  log.Stop();  // idempotent
  auto st = log.Record(Event());
  ASSERT_FALSE(st.has_value());
  EXPECT_EQ(st.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(log.Stats().rejected, 1);
}

TEST_F(GroupCommitTest, RecordThenReportsAFailedWriteToItsCallbackOnce) {
  GroupCommitAuditLog log(db_, clock_);
  std::atomic<int> calls{0};
  std::atomic<int> unavailable{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < 8; ++i) {
    callers.emplace_back([&] {
      auto queued = log.RecordThen({Event()}, [&](const Status& st) {
        ++calls;
        if (!st && st.error().code == ErrorCode::kUnavailable) ++unavailable;
      });
      EXPECT_TRUE(queued.has_value()) << "queued; the failure comes through the callback";
    });
  }
  for (auto& t : callers) t.join();
  log.Stop();
  EXPECT_EQ(calls.load(), 8);
  EXPECT_EQ(unavailable.load(), 8) << "no audit, no access";
  EXPECT_EQ(log.Stats().events, 0);
}

TEST_F(GroupCommitTest, ASlowCallbackDoesNotHoldUpTheNextBatch) {
  // Callbacks run on the log's completing thread: while one is still sending its answer, the
  // next batch is written (with one writer that also ran the callbacks, this waited 10 s).
  GroupCommitAuditLog log(db_, clock_);
  std::atomic<bool> started{false};
  std::promise<void> next_written;
  std::future<void> next = next_written.get_future();
  std::promise<bool> saw_next;
  ASSERT_TRUE(log.RecordThen({Event()},
                             [&](const Status&) {
                               started = true;
                               saw_next.set_value(next.wait_for(std::chrono::seconds(10)) ==
                                                  std::future_status::ready);
                             })
                  .has_value());
  std::thread second([&] {
    while (!started) std::this_thread::yield();
    (void)log.Record(Event());  // unavailable (the database is down), once its batch is tried
    next_written.set_value();
  });
  EXPECT_TRUE(saw_next.get_future().get());
  second.join();
  log.Stop();
  EXPECT_EQ(db_.begins.load(), 2) << "two batches";
}

TEST_F(GroupCommitTest, RecordThenRefusedBeforeQueuingNeverCallsBack) {
  GroupCommitAuditLog log(db_, clock_);
  int calls = 0;
  auto invalid = log.RecordThen({Event(), Event("")}, [&](const Status&) { ++calls; });
  ASSERT_FALSE(invalid.has_value());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalid);
  log.Stop();
  auto stopped = log.RecordThen({Event()}, [&](const Status&) { ++calls; });
  ASSERT_FALSE(stopped.has_value());
  EXPECT_EQ(stopped.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(db_.begins.load(), 0);
}

TEST_F(GroupCommitTest, RecordThenWithNothingToRecordCompletesAtOnce) {
  GroupCommitAuditLog log(db_, clock_);
  int calls = 0;
  EXPECT_TRUE(log.RecordThen({},
                             [&](const Status& st) {
                               EXPECT_TRUE(st.has_value());
                               ++calls;
                             })
                  .has_value());
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(db_.begins.load(), 0);
}

}  // namespace
}  // namespace opennrm::app::audit
