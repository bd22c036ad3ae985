// ports::AuditLog with group commit: callers enqueue their events; one writer at a time writes
// every queued event in one transaction (as pending entries, see
// docs/adr/0008-audit-log-sequencing.md, or into the log itself on a single-writer database, see
// GroupCommitOptions::sequence_on_append) and then completes the calls it wrote for. Many
// concurrent requests thus cost one commit, and no caller learns of success before its events
// are durable.
//
// Who writes: a call that finds nobody writing writes at once, on its own thread, without handing
// its events to another thread (an earlier design that always did took 2.3 times as long for a
// single caller; see docs/benchmarks.md). Calls that arrive while a batch is being written queue;
// when that batch is done and more are queued, the log's own writer thread takes over until the
// queue is empty, so a caller never writes for others for long.
//
// Completing a call: Record() blocks its thread until then; RecordThen() returns at once and the
// log's completing thread runs its callback (docs/adr/0011-audit-append-on-one-writer.md: a
// request's answer waits for its read event, but no thread waits with it). The writer hands the
// callbacks over and writes the next batch at once, so sending the answers of one batch overlaps
// the next batch's fdatasync (docs/adr/0018-journal-segments-written-ahead.md).
//
// Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "ports/audit_log.hpp"
#include "ports/database.hpp"

namespace opennrm::app::audit {

class JournalApplier;

struct GroupCommitOptions {
  // Events queued or being written at most; a Record() beyond this gets kUnavailable at once.
  size_t max_queued_events = 10'000;
  // Events written in one transaction at most.
  size_t max_batch_events = 2'000;
  // Append to the log itself (sequence numbers, hashes, tree state) in the commit's own
  // transaction instead of as pending events for the sequencer. Only for a database with one
  // writer at a time (SQLite), whose write lock then orders the log: it saves writing each event
  // twice and the sequencer's transactions (docs/adr/0011-audit-append-on-one-writer.md). With
  // several servers on one database (PostgreSQL), pending events keep appends concurrent.
  bool sequence_on_append = false;
  // Make each batch durable in this journal instead (one write and fdatasync, no transaction);
  // the applier sequences it into the log later (docs/adr/0014-audit-journal-and-request-
  // lanes.md). For the one server on a single-writer database; it must outlive the log.
  JournalApplier* journal = nullptr;
};

struct GroupCommitStats {
  long long batches = 0;         // transactions committed
  long long events = 0;          // events committed
  long long failed_batches = 0;  // transactions that failed (their callers got kUnavailable)
  long long rejected = 0;        // Record() calls refused because the queue was full or stopped
};

class GroupCommitAuditLog final : public ports::AuditLog {
 public:
  // `db` and `clock` must outlive this object.
  GroupCommitAuditLog(ports::Database& db, const Clock& clock, GroupCommitOptions options = {});
  // Stop().
  ~GroupCommitAuditLog() override;
  GroupCommitAuditLog(const GroupCommitAuditLog&) = delete;
  GroupCommitAuditLog& operator=(const GroupCommitAuditLog&) = delete;

  // Appends the events durably, in order (an event with at_us 0 gets the clock's time).
  // kInvalid when an event cannot be encoded (no action, not UTF-8); kUnavailable when the queue
  // is full, the log is stopped, or the transaction failed — then nothing of this call was
  // written, and the caller must not answer.
  using ports::AuditLog::Record;
  Status Record(std::vector<opennrm::audit::Event> events) override;
  // As Record, but returns once the events are queued; `durable` then runs exactly once, on the
  // log's completing thread, with Record's outcome. Errors before queuing (kInvalid, a full queue,
  // a stopped log) are returned, and `durable` never runs.
  Status RecordThen(std::vector<opennrm::audit::Event> events,
                    std::function<void(const Status&)> durable) override;

  // Refuses new calls, waits until the queued ones are written and completed, and stops the
  // writer and completing threads. Idempotent.
  void Stop();

  GroupCommitStats Stats() const;

 private:
  struct Request {
    std::vector<std::string> bodies;
    std::function<void(const Status&)> then;  // RecordThen's callback; empty for Record
    bool done = false;                        // GUARDED_BY(mu_), Record only
    Status result;                            // GUARDED_BY(mu_), Record only
    std::condition_variable finished;         // Record only: signalled once done
  };

  // Encodes the events (kInvalid when one cannot be) into a request.
  Result<std::shared_ptr<Request>> Prepare(std::vector<opennrm::audit::Event>& events) const;
  // Queues the request; true when the caller is to write (nobody was writing).
  Result<bool> Enqueue(const std::shared_ptr<Request>& request);
  // Writes batches from the head of the queue and completes their calls. `inline_caller`: write
  // one batch and hand what is left to the writer thread; otherwise go on until the queue is empty.
  void WriteQueued(bool inline_caller);
  void WriterThread();
  // Runs the callbacks of written batches, in order, until Stop().
  void CompleterThread();
  Status Write(const std::vector<std::shared_ptr<Request>>& batch);

  ports::Database& db_;
  const Clock& clock_;
  const GroupCommitOptions options_;

  mutable std::mutex mu_;
  std::condition_variable drained_;  // Stop() waits for an empty queue and no writer
  std::condition_variable handed_;   // the writer thread waits for a hand-over or the end
  std::condition_variable written_;  // the completing thread waits for callbacks or the end
  std::deque<std::shared_ptr<Request>> queue_;  // GUARDED_BY(mu_): not yet being written
  size_t outstanding_events_ = 0;               // GUARDED_BY(mu_): queued or being written
  bool writing_ = false;                        // GUARDED_BY(mu_): a batch is being written
  // GUARDED_BY(mu_): callbacks of written batches with their outcome, not yet run
  std::vector<std::pair<std::function<void(const Status&)>, Status>> completions_;
  bool completing_ = false;       // GUARDED_BY(mu_): the completing thread runs callbacks
  bool handed_over_ = false;      // GUARDED_BY(mu_): the thread is to write
  bool stopping_ = false;         // GUARDED_BY(mu_)
  bool thread_stopping_ = false;  // GUARDED_BY(mu_)
  GroupCommitStats stats_;        // GUARDED_BY(mu_)
  std::thread writer_;            // last two: started once the rest exists
  std::thread completer_;
};

}  // namespace opennrm::app::audit
