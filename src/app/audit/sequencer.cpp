#include "app/audit/sequencer.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>

#include "app/audit/log_append.hpp"
#include "core/this_thread.hpp"
#include "domain/audit/log_entry.hpp"

namespace opennrm::app::audit {

namespace oa = opennrm::audit;

namespace {

constexpr uint64_t kAnySize = static_cast<uint64_t>(std::numeric_limits<long long>::max());

tl::unexpected<Error> Damaged(const std::string& what) {
  return Fail(ErrorCode::kInternal,
              "Audit sequencing stopped: " + what + ". Run `opennrm audit verify`.");
}

}  // namespace

Sequencer::Sequencer(ports::Database& db, ports::Signer& signer, SequencerOptions options,
                     CheckpointExporter* exporter)
    : db_(db),
      signer_(signer),
      options_(std::move(options)),
      exporter_(exporter),
      public_key_(signer.PublicKey()),
      key_id_(oa::KeyId(public_key_)) {}

Result<std::unique_ptr<ports::UnitOfWork>> Sequencer::BeginAsLeader(ports::Access access,
                                                                    long long now_us) {
  auto uow = db_.Begin(access);
  if (!uow) return tl::unexpected(uow.error());
  auto held = (*uow)->leases().TryAcquire(kSequencerLease, options_.holder, now_us,
                                          now_us + options_.lease_duration.count());
  if (!held) return tl::unexpected(held.error());
  if (!*held) return nullptr;  // rolled back as it goes
  return std::move(*uow);
}

Result<bool> Sequencer::SequenceBatch(long long now_us, StepReport& report, bool* more) {
  *more = false;
  auto uow =
      BeginAsLeader(behind_ ? ports::Access::kWrite : ports::Access::kBackgroundWrite, now_us);
  if (!uow) return tl::unexpected(uow.error());
  if (!*uow) return false;  // another server sequences

  auto& audit = (*uow)->audit();
  auto pending = audit.Pending(options_.batch_size);
  if (!pending) return tl::unexpected(pending.error());
  // Whether the next batch queues with the requests (see SequencerOptions::max_lag).
  behind_ =
      !pending->empty() && now_us - pending->front().appended_at_us > options_.max_lag.count();
  std::vector<std::string> leaves;
  std::vector<long long> ids;
  leaves.reserve(pending->size());
  ids.reserve(pending->size());
  for (auto& p : *pending) {
    leaves.push_back(std::move(p.body));
    ids.push_back(p.id);
  }
  size_t bad = SIZE_MAX;
  auto size = AppendToLog(audit, std::move(leaves), now_us, &bad);
  if (!size && bad < ids.size()) {
    return Damaged("pending audit event " + std::to_string(ids[bad]) + " is not a canonical event");
  }
  if (!size) return tl::unexpected(size.error());
  if (!ids.empty()) {
    if (auto st = audit.RemovePending(ids); !st) return tl::unexpected(st.error());
  }
  if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  report.sequenced += pending->size();
  report.tree_size = *size;
  // A step goes on to the next batch while this one was full, and stops at events appended
  // after the step began: they wait for the next step, whose `now` is fresh.
  *more = static_cast<int>(pending->size()) == options_.batch_size &&
          pending->back().appended_at_us <= now_us;
  return true;
}

Result<std::optional<oa::SignedCheckpoint>> Sequencer::MaybeCheckpoint(long long now_us,
                                                                       bool force) {
  using None = std::optional<oa::SignedCheckpoint>;
  auto uow = BeginAsLeader(ports::Access::kBackgroundWrite, now_us);
  if (!uow) return tl::unexpected(uow.error());
  if (!*uow) return None();

  auto& audit = (*uow)->audit();
  auto tree = audit.Tree();
  if (!tree) return tl::unexpected(tree.error());
  auto range = oa::FromStoredTree(*tree);
  if (!range) return Damaged("the stored tree state is not well-formed");
  auto latest = audit.Checkpoints(0, kAnySize, 1, true);
  if (!latest) return tl::unexpected(latest.error());
  const oa::Checkpoint* last = latest->empty() ? nullptr : &latest->front().checkpoint;
  const bool grew = range->size() > (last ? last->size : 0);
  const bool due = force || !last || now_us - last->time_us >= options_.checkpoint_interval.count();
  if (!grew || !due) return None();

  oa::SignedCheckpoint signed_checkpoint;
  // Times never go backwards, even when servers' clocks disagree.
  signed_checkpoint.checkpoint = {range->size(), range->Root(),
                                  last ? std::max(now_us, last->time_us) : now_us};
  signed_checkpoint.key_id = key_id_;
  signed_checkpoint.signature = signer_.Sign(oa::CheckpointMessage(signed_checkpoint.checkpoint));
  if (auto st = audit.AddKey({key_id_, public_key_, now_us}); !st) {
    return tl::unexpected(st.error());
  }
  if (auto st = audit.AddCheckpoint(signed_checkpoint); !st) return tl::unexpected(st.error());
  if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  return signed_checkpoint;
}

Result<int> Sequencer::ExportNew() {
  if (!exported_size_) {
    auto last = exporter_->LastExportedSize();
    if (!last) return tl::unexpected(last.error());
    exported_size_ = *last;
  }
  std::vector<oa::SignedCheckpoint> checkpoints;
  std::map<std::string, std::string> keys;
  {
    auto uow = db_.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = (*uow)->audit().Checkpoints(*exported_size_ + 1, kAnySize, 1000, false);
    if (!found) return tl::unexpected(found.error());
    checkpoints = std::move(*found);
    if (checkpoints.empty()) return 0;
    auto stored_keys = (*uow)->audit().Keys();
    if (!stored_keys) return tl::unexpected(stored_keys.error());
    for (auto& k : *stored_keys) keys[k.key_id] = std::move(k.public_key);
  }
  int exported = 0;
  for (const auto& c : checkpoints) {
    auto key = keys.find(c.key_id);
    if (key == keys.end()) {
      return Damaged("the key " + c.key_id + " of the checkpoint of size " +
                     std::to_string(c.checkpoint.size) + " is not stored");
    }
    if (auto st = exporter_->Export(c, key->second); !st) return tl::unexpected(st.error());
    exported_size_ = c.checkpoint.size;
    ++exported;
  }
  return exported;
}

Result<StepReport> Sequencer::Step(TimePoint now, bool force_checkpoint) {
  std::lock_guard lock(mu_);
  const long long now_us = ToEpochMicros(now);
  StepReport report;
  bool more = true;
  for (int batch = 0; more && batch < options_.max_batches_per_step; ++batch) {
    auto leader = SequenceBatch(now_us, report, &more);
    if (!leader) return tl::unexpected(leader.error());
    if (!*leader) return report;  // not ours this time
    report.leader = true;
  }
  auto checkpoint = MaybeCheckpoint(now_us, force_checkpoint);
  if (!checkpoint) return tl::unexpected(checkpoint.error());
  report.checkpoint = std::move(*checkpoint);
  if (exporter_) {
    auto exported = ExportNew();
    if (!exported) return tl::unexpected(exported.error());
    report.exported = *exported;
  }
  more = true;
  for (int batch = 0; more && batch < options_.max_batches_per_step; ++batch) {
    auto leader = IndexObjects(now_us, report, &more);
    if (!leader) return tl::unexpected(leader.error());
    if (!*leader) break;
  }
  return report;
}

Result<bool> Sequencer::IndexObjects(long long now_us, StepReport& report, bool* more) {
  *more = false;
  uint64_t below = 0;
  uint64_t to = 0;
  uint64_t size = 0;
  {
    auto uow = BeginAsLeader(ports::Access::kBackgroundWrite, now_us);
    if (!uow) return tl::unexpected(uow.error());
    if (!*uow) return false;
    auto& audit = (*uow)->audit();
    auto tree = audit.Tree();
    if (!tree) return tl::unexpected(tree.error());
    size = tree->size;
    auto indexed = audit.ObjectsIndexedBelow();
    if (!indexed) return tl::unexpected(indexed.error());
    below = *indexed;
    if (below > size) return Damaged("the object index is ahead of the log");
    if (below == size) return true;
    auto waiting = audit.ObjectRowsFrom(below, options_.index_after);
    if (!waiting) return tl::unexpected(waiting.error());
    if (*waiting < options_.index_after) return true;
    auto end = audit.ObjectRunEnd(below, options_.index_batch, size);
    if (!end) return tl::unexpected(end.error());
    to = *end;
    if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  }
  std::vector<ports::AuditObjectKey> keys;
  {
    // Read and sorted without holding the writer.
    auto uow = db_.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = (*uow)->audit().ObjectKeys(below, to);
    if (!found) return tl::unexpected(found.error());
    keys = std::move(*found);
  }
  // Slices in key order: each touches the pages of its own key range once. A key added twice
  // (a run repeated after a failure) is skipped; the state moves with the last slice.
  const size_t slice = std::max<uint64_t>(1, options_.index_slice);
  for (size_t done = 0;;) {
    const size_t n = std::min(slice, keys.size() - done);
    const bool last = done + n == keys.size();
    const auto first = keys.begin() + static_cast<std::ptrdiff_t>(done);
    const std::vector<ports::AuditObjectKey> part(first, first + static_cast<std::ptrdiff_t>(n));
    {
      // The slice's pages are read before the writer is taken: on a cold page cache a slice of
      // keys spread over a large index would otherwise read them from disk while holding it.
      auto reader = db_.Begin(ports::Access::kRead);
      if (!reader) return tl::unexpected(reader.error());
      if (auto st = (*reader)->audit().WarmObjectKeys(part); !st) return tl::unexpected(st.error());
    }
    auto uow = BeginAsLeader(ports::Access::kBackgroundWrite, now_us);
    if (!uow) return tl::unexpected(uow.error());
    if (!*uow) return false;
    auto& audit = (*uow)->audit();
    if (auto st = audit.AddObjectKeys(part); !st) return tl::unexpected(st.error());
    if (last) {
      if (auto st = audit.MoveObjectsIndexedBelow(below, to); !st) {
        return tl::unexpected(st.error());
      }
    }
    if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
    done += n;
    if (last) break;
  }
  report.indexed += to - below;
  *more = to < size;
  return true;
}

Status Sequencer::Release() {
  std::lock_guard lock(mu_);
  auto uow = db_.Begin(ports::Access::kBackgroundWrite);
  if (!uow) return tl::unexpected(uow.error());
  if (auto st = (*uow)->leases().Release(kSequencerLease, options_.holder); !st) return st;
  return (*uow)->Commit();
}

SequencerThread::SequencerThread(Sequencer& sequencer, const Clock& clock,
                                 std::chrono::milliseconds period, ErrorHandler on_error)
    : sequencer_(sequencer), clock_(clock), period_(period), on_error_(std::move(on_error)) {
  thread_ = std::thread([this] {
    core::NameThisThread("audit-sequencer");
    Run();
  });
}

SequencerThread::~SequencerThread() { Stop(); }

void SequencerThread::Stop() {
  std::lock_guard stop(stop_mu_);
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (auto st = sequencer_.Release(); !st && on_error_) on_error_(st.error());
}

void SequencerThread::Run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    auto step = sequencer_.Step(clock_.Now());
    lock.lock();
    ++steps_;
    if (!step) {
      ++errors_;
      if (on_error_) {
        lock.unlock();
        on_error_(step.error());
        lock.lock();
      }
    }
    wake_.wait_for(lock, period_, [&] { return stopping_; });
  }
}

long long SequencerThread::steps() const {
  std::lock_guard lock(mu_);
  return steps_;
}

long long SequencerThread::errors() const {
  std::lock_guard lock(mu_);
  return errors_;
}

}  // namespace opennrm::app::audit
