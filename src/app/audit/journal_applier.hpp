// The audit log's journal on a single-writer database (docs/adr/0014-audit-journal-and-request-
// lanes.md): the group commit makes a batch durable by appending it to the journal (one write, one
// fdatasync, no B-tree) and hands it here; a thread of this class then sequences the batches into
// the log (app::audit::AppendToLog) in larger transactions, each of which also stores the journal
// position it reached. On start-up Recover() applies what the journal holds beyond that position,
// so an event that was reported durable reaches the log exactly once, also after a crash.
//
// The log's tables then trail the journal by up to `period` (more under a burst); every event is
// durable before its request is answered, as before.
//
// Thread-safe: Append is called by one writer at a time (the group commit's); Flush, Stats and
// Stop from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "ports/audit_journal.hpp"
#include "ports/database.hpp"

namespace opennrm::app::audit {

struct JournalApplierOptions {
  // How long appended events may wait before the thread applies them.
  std::chrono::milliseconds period{100};
  // Events per transaction at most: a transaction holds SQLite's one writer while requests'
  // writes wait (500 events take ~10-20 ms on the benchmark machine).
  size_t batch_events = 500;
  // Events appended but not yet in the log at most; Append refuses beyond it (kUnavailable), so
  // memory stays bounded when the log cannot be written. Past half of it the applier's
  // transactions stop yielding to requests' writes.
  size_t max_backlog_events = 200'000;
};

struct JournalApplierStats {
  long long recovered_events = 0;  // applied by Recover()
  long long applied_events = 0;    // applied since start-up, Recover() included
  long long transactions = 0;      // committed
  long long failed_transactions = 0;
  long long refused_appends = 0;  // Append calls refused (journal or backlog)
  size_t backlog_events = 0;      // appended, not yet in the log
  std::string last_failure;       // the last failed transaction's error, "" if none
};

class JournalApplier {
 public:
  // `db`, `journal` and `clock` must outlive this object.
  JournalApplier(ports::Database& db, ports::AuditJournal& journal, const Clock& clock,
                 JournalApplierOptions options = {});
  // Stop().
  ~JournalApplier();
  JournalApplier(const JournalApplier&) = delete;
  JournalApplier& operator=(const JournalApplier&) = delete;

  // Before Start() and the first Append(): applies every batch the journal holds beyond the log's
  // stored position, then forgets the applied segments. Returns the number of events applied.
  // kInternal when a recovered event is not a canonical event or the tree state is damaged;
  // then nothing more is applied and the server must not start.
  Result<size_t> Recover();
  // Starts the thread that applies appended batches.
  void Start();
  // Appends one batch durably to the journal and queues it for the log. kUnavailable when the
  // journal cannot be written or the backlog is full (nothing of the batch is durable then).
  Status Append(std::vector<std::string> bodies);
  // Applies everything appended before this call; the first failure is returned.
  Status Flush();
  // Flushes what it can and ends the thread. Idempotent. Events it could not apply stay in the
  // journal for the next Recover().
  void Stop();

  JournalApplierStats Stats() const;

 private:
  // One transaction of up to batch_events from the queue's head; false when nothing was queued.
  Result<bool> ApplyOne();
  Status ApplyBatches(const std::vector<ports::JournalBatch>& batches, ports::Access access);
  void Thread();

  ports::Database& db_;
  ports::AuditJournal& journal_;
  const Clock& clock_;
  const JournalApplierOptions options_;

  std::mutex journal_mu_;  // Append and Release on the journal
  std::mutex apply_mu_;    // one transaction at a time, in queue order
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<ports::JournalBatch> queue_;  // GUARDED_BY(mu_): durable, not yet in the log
  size_t backlog_events_ = 0;              // GUARDED_BY(mu_)
  uint64_t released_segment_ = 0;          // GUARDED_BY(journal_mu_): Release'd below this
  bool stopping_ = false;                  // GUARDED_BY(mu_)
  JournalApplierStats stats_;              // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace opennrm::app::audit
