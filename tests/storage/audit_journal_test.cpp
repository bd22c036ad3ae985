// The audit journal (ADR 14): a group commit's events are durable in the journal file when the
// call returns, and reach the log exactly once and in order — after a flush, or, when the process
// stopped before sequencing them, at the next start-up. On SQLite and PostgreSQL alike (the
// server uses it on SQLite only; the repository's part is the same).
#include <filesystem>

#include "app/audit/journal_applier.hpp"
#include "app/audit/log_append.hpp"
#include "audit_fixture.hpp"
#include "storage/journal/segment_journal.hpp"

namespace opennrm::testing {
namespace {

namespace oa = opennrm::audit;
using storage::journal::SegmentJournal;

class AuditJournalTest : public AuditTest {
 protected:
  void SetUp() override {
    AuditTest::SetUp();
    char pattern[] = "/tmp/opennrm-audit-journal-XXXXXX";
    journal_root_ = mkdtemp(pattern);
  }
  void TearDown() override {
    std::filesystem::remove_all(journal_root_);
    AuditTest::TearDown();
  }

  std::string JournalDir() const { return journal_root_ + "/audit-journal"; }

  std::unique_ptr<SegmentJournal> OpenJournal(uint64_t max_segment_bytes = 16 << 20) {
    return SegmentJournal::Open(JournalDir(), {max_segment_bytes}).value();
  }

  static std::vector<std::string> Encoded(int first, int count) {
    std::vector<std::string> out;
    for (int i = first; i < first + count; ++i) {
      out.push_back(oa::EncodeEvent(SyntheticEvent(i)).value());
    }
    return out;
  }

  // The request ids of the log's entries, in sequence order.
  std::vector<std::string> LoggedRequests() {
    std::vector<std::string> out;
    for (const auto& e : AllEntries()) out.push_back(oa::DecodeEvent(e.leaf).value().request_id);
    return out;
  }

  static std::vector<std::string> Requests(int first, int count) {
    std::vector<std::string> out;
    for (int i = first; i < first + count; ++i) out.push_back("req-" + std::to_string(i));
    return out;
  }

  std::string journal_root_;

  ports::JournalPosition Applied() {
    auto uow = db_->Begin(ports::Access::kRead).value();
    return uow->audit().JournalApplied().value();
  }
};

TEST_F(AuditJournalTest, AGroupCommitsEventsReachTheLogInOrderAndTheVerifiedTreeCoversThem) {
  auto journal = OpenJournal();
  app::audit::JournalApplierOptions o;
  o.batch_events = 7;  // several transactions
  app::audit::JournalApplier applier(*db_, *journal, clock_, o);
  ASSERT_EQ(applier.Recover().value(), 0u);
  app::audit::GroupCommitOptions go;
  go.journal = &applier;
  app::audit::GroupCommitAuditLog log(*db_, clock_, go);
  for (int i = 0; i < 40; i += 4) {
    std::vector<oa::Event> events;
    for (int k = i; k < i + 4; ++k) events.push_back(SyntheticEvent(k));
    ASSERT_TRUE(log.Record(std::move(events)).has_value());
  }
  EXPECT_TRUE(AllEntries().empty()) << "durable in the journal; not yet sequenced";
  EXPECT_EQ(applier.Stats().backlog_events, 40u);
  ASSERT_TRUE(applier.Flush().has_value());
  EXPECT_EQ(LoggedRequests(), Requests(0, 40));
  auto stats = applier.Stats();
  EXPECT_EQ(stats.applied_events, 40);
  EXPECT_EQ(stats.backlog_events, 0u);
  EXPECT_GE(stats.transactions, 6) << "at most 7 events (whole batches) per transaction";
  EXPECT_EQ(Applied().segment, 1u);
  Step(true);  // a checkpoint over the journal's events
  auto outcome = Verify();
  EXPECT_TRUE(outcome.report.ok()) << Findings(outcome.report);
  EXPECT_EQ(outcome.report.entries, 40u);
  EXPECT_GE(outcome.report.checkpoints_verified, 1u);
}

TEST_F(AuditJournalTest, TheThreadAppliesWithoutAFlush) {
  auto journal = OpenJournal();
  app::audit::JournalApplierOptions o;
  o.period = std::chrono::milliseconds(5);
  app::audit::JournalApplier applier(*db_, *journal, clock_, o);
  ASSERT_TRUE(applier.Recover().has_value());
  applier.Start();
  ASSERT_TRUE(applier.Append(Encoded(0, 3)).has_value());
  for (int i = 0; i < 400 && applier.Stats().backlog_events > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(LoggedRequests(), Requests(0, 3));
}

TEST_F(AuditJournalTest, EventsLeftInTheJournalByAStoppedProcessAreAppliedOnceAtTheNextStart) {
  // A server appended six batches and stopped before sequencing the last four: the journal holds
  // all six, the log the first two and the position after them.
  std::vector<ports::JournalPosition> ends;
  {
    auto journal = OpenJournal(200);  // a few segments
    for (int b = 0; b < 6; ++b) ends.push_back(journal->Append(Encoded(b * 3, 3)).value());
  }
  ASSERT_GT(ends.back().segment, ends[1].segment);
  {
    auto journal = OpenJournal(200);
    // Only the first two batches, as the earlier run had done before it stopped.
    auto uow = db_->Begin(ports::Access::kWrite).value();
    auto size = app::audit::AppendToLog(uow->audit(), Encoded(0, 6), 1);
    ASSERT_TRUE(size.has_value());
    ASSERT_TRUE(uow->audit().SaveJournalApplied(ends[1]).has_value());
    ASSERT_TRUE(uow->Commit().has_value());
  }
  auto journal = OpenJournal(200);
  app::audit::JournalApplier applier(*db_, *journal, clock_);
  EXPECT_EQ(applier.Recover().value(), 12u);
  EXPECT_EQ(LoggedRequests(), Requests(0, 18));
  EXPECT_EQ(Applied(), ends.back());
  EXPECT_EQ(journal->Segments().value(), std::vector<uint64_t>{ends.back().segment})
      << "the applied segments are gone but the last";
  // A second start-up finds nothing more to apply.
  auto again = OpenJournal(200);
  app::audit::JournalApplier second(*db_, *again, clock_);
  EXPECT_EQ(second.Recover().value(), 0u);
  EXPECT_EQ(AllEntries().size(), 18u);
  // New events go to a new segment and follow.
  ASSERT_TRUE(second.Append(Encoded(18, 2)).has_value());
  ASSERT_TRUE(second.Flush().has_value());
  EXPECT_EQ(LoggedRequests(), Requests(0, 20));
  EXPECT_GT(Applied().segment, ends.back().segment);
}

TEST_F(AuditJournalTest, StopSequencesWhatIsLeftAndThenRefusesNewEvents) {
  auto journal = OpenJournal();
  app::audit::JournalApplier applier(*db_, *journal, clock_);
  ASSERT_TRUE(applier.Recover().has_value());
  applier.Start();
  ASSERT_TRUE(applier.Append(Encoded(0, 5)).has_value());
  applier.Stop();
  EXPECT_EQ(LoggedRequests(), Requests(0, 5));
  auto refused = applier.Append(Encoded(5, 1));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(applier.Stats().refused_appends, 1);
}

TEST_F(AuditJournalTest, AFullBacklogRefusesTheCallerAndNothingOfItIsWritten) {
  auto journal = OpenJournal();
  app::audit::JournalApplierOptions o;
  o.max_backlog_events = 5;
  app::audit::JournalApplier applier(*db_, *journal, clock_, o);
  ASSERT_TRUE(applier.Recover().has_value());
  ASSERT_TRUE(applier.Append(Encoded(0, 4)).has_value());
  auto refused = applier.Append(Encoded(4, 2));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  ASSERT_TRUE(applier.Flush().has_value());
  ASSERT_TRUE(applier.Append(Encoded(4, 2)).has_value()) << "room again once sequenced";
  ASSERT_TRUE(applier.Flush().has_value());
  EXPECT_EQ(LoggedRequests(), Requests(0, 6));
  // What the journal holds is what was accepted: nothing of the refused call.
  auto reread = OpenJournal();
  size_t events = 0;
  const auto batches = reread->ReadAfter({0, 0}).value();
  for (const auto& b : batches) events += b.bodies.size();
  EXPECT_EQ(events, 6u);
}

TEST_F(AuditJournalTest, AnEventThatIsNotCanonicalStopsRecoveryAndTheServerMustNotStart) {
  {
    auto journal = OpenJournal();
    journal->Append(Encoded(0, 2)).value();
    journal->Append({"not an event"}).value();
  }
  auto journal = OpenJournal();
  app::audit::JournalApplier applier(*db_, *journal, clock_);
  auto r = applier.Recover();
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_TRUE(AllEntries().empty()) << "the failed transaction wrote nothing";
  EXPECT_EQ(Applied(), (ports::JournalPosition{0, 0}));
}

}  // namespace
}  // namespace opennrm::testing
