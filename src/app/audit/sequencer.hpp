// The audit log's sequencer (docs/adr/0008-audit-log-sequencing.md). Every server may run one;
// only the one holding the database lease "audit-sequencer" does anything in a step:
//
//   1. take or renew the lease, and in the same transaction move pending events into the log:
//      contiguous sequence numbers, leaf hashes, running roots, the new tree state;
//   2. when the interval has passed and the tree grew, sign a checkpoint (size, root, time) with
//      the Ed25519 signer and store it with the signer's public key;
//   3. export the checkpoints not yet exported (if an exporter is given);
//   4. add the objects of the entries not yet in the object index to it, in sorted runs, once
//      enough of them wait (docs/adr/0016-audit-object-index-in-sorted-runs.md).
//
// Every transaction checks the lease again, so two servers never both write the log.
//
// Thread-safety: Step() and Release() may be called from any thread; they run one at a time.
// SequencerThread runs Step() periodically on a thread of its own (for tests and the CLI; the
// server's scheduler calls Step() itself).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/audit/checkpoint_exporter.hpp"
#include "core/clock.hpp"
#include "domain/audit/checkpoint.hpp"
#include "ports/database.hpp"
#include "ports/signer.hpp"

namespace opennrm::app::audit {

// The lease's name in the leases table.
inline constexpr const char* kSequencerLease = "audit-sequencer";

struct SequencerOptions {
  std::string holder;  // unique per server process, e.g. host name, process id and a random id
  std::chrono::microseconds lease_duration = std::chrono::seconds(30);
  std::chrono::microseconds checkpoint_interval = std::chrono::seconds(60);
  // Pending events per transaction. Small, because a batch holds SQLite's one writer while
  // every request's audit event waits behind it: with 100,000 cases, 1,000 per batch gave a
  // case read a p99 of 330 ms, 50 gave 30 ms (docs/benchmarks.md).
  int batch_size = 50;
  int max_batches_per_step = 2000;  // bounds one step's work; the rest waits for the next
  // Sequencing is background work: on SQLite its transactions wait while requests' writes wait
  // (docs/adr/0010-background-writers-and-checkpoints.md), so under a burst the pending events
  // pile up and are sequenced after it. Once the oldest pending event is older than this, the
  // sequencer's transactions queue with the requests' instead, which bounds the lag under a
  // sustained load (the requests then pay for it).
  std::chrono::microseconds max_lag = std::chrono::seconds(10);
  // The object index is built in sorted runs (docs/adr/0016-audit-object-index-in-sorted-runs.md):
  // once the entries not in it hold index_after object rows, a step reads a run of up to
  // index_batch rows, sorts it by key and adds it in slices of index_slice rows, one background
  // transaction each (the last one moves the state). A run's rows for one object share the
  // index's pages, so the larger the run the fewer pages each row writes; queries read the rows
  // not yet indexed by seq, so index_after and index_batch bound that work, and index_slice
  // bounds how long a transaction holds the writer.
  uint64_t index_after = 100'000;
  uint64_t index_batch = 100'000;
  uint64_t index_slice = 5'000;
};

struct StepReport {
  bool leader = false;     // this server held the lease
  uint64_t sequenced = 0;  // events moved into the log
  uint64_t tree_size = 0;  // the log's size after the step (when leader)
  std::optional<opennrm::audit::SignedCheckpoint> checkpoint;  // signed in this step
  int exported = 0;                                            // checkpoints exported
  uint64_t indexed = 0;  // entries whose objects went into the object index
};

class Sequencer {
 public:
  // `db`, `signer` and `exporter` (optional) must outlive the sequencer.
  Sequencer(ports::Database& db, ports::Signer& signer, SequencerOptions options,
            CheckpointExporter* exporter = nullptr);

  // One step at time `now`. With `force_checkpoint`, signs a checkpoint whenever the tree grew
  // since the last one, interval or not. Errors leave the log as it was before the failing
  // transaction; the next step carries on.
  Result<StepReport> Step(TimePoint now, bool force_checkpoint = false);

  // Gives the lease up (at shutdown), so another server can take over at once.
  Status Release();

  const SequencerOptions& options() const { return options_; }

 private:
  // A unit of work that has taken or renewed the lease at now_us; null while another server holds
  // it.
  Result<std::unique_ptr<ports::UnitOfWork>> BeginAsLeader(ports::Access access, long long now_us);
  // One transaction: lease, then up to batch_size events. Sets *more when events may remain.
  Result<bool> SequenceBatch(long long now_us, StepReport& report, bool* more);
  // A run of up to index_batch object rows into the object index, when at least index_after
  // wait: its keys read once, then added in slices (each a transaction that checks the lease).
  // Sets *more when more may wait.
  Result<bool> IndexObjects(long long now_us, StepReport& report, bool* more);
  Result<std::optional<opennrm::audit::SignedCheckpoint>> MaybeCheckpoint(long long now_us,
                                                                          bool force);
  Result<int> ExportNew();

  ports::Database& db_;
  ports::Signer& signer_;
  const SequencerOptions options_;
  CheckpointExporter* exporter_;
  std::string public_key_;
  std::string key_id_;

  std::mutex mu_;        // held for a whole step
  bool behind_ = false;  // GUARDED_BY(mu_): the last batch found an event older than max_lag
  std::optional<uint64_t> exported_size_;  // GUARDED_BY(mu_)
};

// Runs sequencer.Step(clock.Now()) every `period` until stopped, then releases the lease.
class SequencerThread {
 public:
  using ErrorHandler = std::function<void(const Error&)>;
  SequencerThread(Sequencer& sequencer, const Clock& clock, std::chrono::milliseconds period,
                  ErrorHandler on_error = {});
  ~SequencerThread();  // Stop()
  SequencerThread(const SequencerThread&) = delete;
  SequencerThread& operator=(const SequencerThread&) = delete;

  // Finishes the running step, stops, and releases the lease. Idempotent.
  void Stop();
  long long steps() const;
  long long errors() const;

 private:
  void Run();

  Sequencer& sequencer_;
  const Clock& clock_;
  const std::chrono::milliseconds period_;
  ErrorHandler on_error_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  long long steps_ = 0;    // GUARDED_BY(mu_)
  long long errors_ = 0;   // GUARDED_BY(mu_)
  std::mutex stop_mu_;     // serialises Stop()
  std::thread thread_;
};

}  // namespace opennrm::app::audit
