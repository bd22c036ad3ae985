#include "app/audit/journal_applier.hpp"

#include "app/audit/log_append.hpp"
#include "core/this_thread.hpp"

namespace opennrm::app::audit {

namespace {

size_t EventsIn(const std::vector<ports::JournalBatch>& batches) {
  size_t n = 0;
  for (const auto& b : batches) n += b.bodies.size();
  return n;
}

}  // namespace

JournalApplier::JournalApplier(ports::Database& db, ports::AuditJournal& journal,
                               const Clock& clock, JournalApplierOptions options)
    : db_(db), journal_(journal), clock_(clock), options_(options) {}

JournalApplier::~JournalApplier() { Stop(); }

Result<size_t> JournalApplier::Recover() {
  ports::JournalPosition from;
  {
    auto uow = db_.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto applied = (*uow)->audit().JournalApplied();
    if (!applied) return tl::unexpected(applied.error());
    from = *applied;
  }
  Result<std::vector<ports::JournalBatch>> batches;
  {
    std::lock_guard lock(journal_mu_);
    batches = journal_.ReadAfter(from);
  }
  if (!batches) return tl::unexpected(batches.error());
  // Queued as if just appended, and applied the usual way.
  const ports::JournalPosition last = batches->empty() ? from : batches->back().end;
  const size_t events = EventsIn(*batches);
  {
    std::lock_guard lock(mu_);
    for (auto& b : *batches) queue_.push_back(std::move(b));
    backlog_events_ += events;
  }
  if (auto st = Flush(); !st) {
    // What is left stays in the journal for the next start; the server does not start.
    std::lock_guard lock(mu_);
    queue_.clear();
    backlog_events_ = 0;
    return tl::unexpected(st.error());
  }
  {
    std::lock_guard lock(journal_mu_);
    if (auto st = journal_.Release(last); !st) return tl::unexpected(st.error());
    released_segment_ = last.segment;
  }
  std::lock_guard lock(mu_);
  stats_.recovered_events += static_cast<long long>(events);
  return events;
}

void JournalApplier::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] {
    core::NameThisThread("audit-applier");
    Thread();
  });
}

Status JournalApplier::Append(std::vector<std::string> bodies) {
  if (bodies.empty()) return {};
  const size_t n = bodies.size();
  {
    std::lock_guard lock(mu_);
    if (stopping_) {
      ++stats_.refused_appends;
      return Fail(ErrorCode::kUnavailable, "The audit log is shutting down.");
    }
    if (backlog_events_ > 0 && backlog_events_ + n > options_.max_backlog_events) {
      ++stats_.refused_appends;
      return Fail(ErrorCode::kUnavailable,
                  "Too many audit events wait to be sequenced into the log.");
    }
  }
  Result<ports::JournalPosition> end;
  {
    std::lock_guard lock(journal_mu_);
    end = journal_.Append(bodies);
  }
  std::lock_guard lock(mu_);
  if (!end) {
    ++stats_.refused_appends;
    return tl::unexpected(end.error());
  }
  queue_.push_back({*end, std::move(bodies)});
  backlog_events_ += n;
  if (backlog_events_ >= options_.batch_events) wake_.notify_one();
  return {};
}

Status JournalApplier::ApplyBatches(const std::vector<ports::JournalBatch>& batches,
                                    ports::Access access) {
  std::vector<std::string> bodies;
  bodies.reserve(EventsIn(batches));
  for (const auto& b : batches) bodies.insert(bodies.end(), b.bodies.begin(), b.bodies.end());
  auto uow = db_.Begin(access);
  if (!uow) return tl::unexpected(uow.error());
  auto size = AppendToLog((*uow)->audit(), std::move(bodies), ToEpochMicros(clock_.Now()));
  if (!size) return tl::unexpected(size.error());
  if (auto st = (*uow)->audit().SaveJournalApplied(batches.back().end); !st) return st;
  return (*uow)->Commit();
}

Result<bool> JournalApplier::ApplyOne() {
  std::lock_guard apply(apply_mu_);
  std::vector<ports::JournalBatch> chunk;
  size_t events = 0;
  ports::Access access = ports::Access::kBackgroundWrite;
  {
    // Only this function (under apply_mu_) removes from the queue, so its head stays put.
    std::lock_guard lock(mu_);
    for (const auto& b : queue_) {
      if (!chunk.empty() && events + b.bodies.size() > options_.batch_events) break;
      events += b.bodies.size();
      chunk.push_back(b);
    }
    if (backlog_events_ > options_.max_backlog_events / 2) access = ports::Access::kWrite;
  }
  if (chunk.empty()) return false;
  Status st = ApplyBatches(chunk, access);
  const ports::JournalPosition end = chunk.back().end;
  {
    std::lock_guard lock(mu_);
    if (!st) {
      ++stats_.failed_transactions;
      stats_.last_failure = st.error().message;
      return tl::unexpected(st.error());
    }
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(chunk.size()));
    backlog_events_ -= events;
    ++stats_.transactions;
    stats_.applied_events += static_cast<long long>(events);
  }
  std::lock_guard lock(journal_mu_);
  // A segment left behind is removed at the next release or start-up.
  if (end.segment > released_segment_ && journal_.Release(end)) released_segment_ = end.segment;
  return true;
}

Status JournalApplier::Flush() {
  ports::JournalPosition target;
  {
    std::lock_guard lock(mu_);
    if (queue_.empty()) return {};
    target = queue_.back().end;
  }
  for (;;) {
    {
      std::lock_guard lock(mu_);
      if (queue_.empty() || queue_.front().end > target) return {};
    }
    auto more = ApplyOne();
    if (!more) return tl::unexpected(more.error());
    if (!*more) return {};
  }
}

void JournalApplier::Thread() {
  // The journal's next segment, written ahead on this thread rather than by an append (a spare
  // that cannot be made only means the next segment grows as it is written).
  (void)journal_.PrepareNext();
  std::unique_lock lock(mu_);
  for (;;) {
    wake_.wait_for(lock, options_.period,
                   [&] { return stopping_ || backlog_events_ >= options_.batch_events; });
    if (stopping_) return;
    if (queue_.empty()) continue;
    lock.unlock();
    // Until the queue is empty, or the database refuses (then again after a period).
    for (;;) {
      auto more = ApplyOne();
      if (!more || !*more) break;
      std::lock_guard check(mu_);
      if (stopping_) break;
    }
    (void)journal_.PrepareNext();
    lock.lock();
  }
}

void JournalApplier::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  (void)Flush();
}

JournalApplierStats JournalApplier::Stats() const {
  std::lock_guard lock(mu_);
  JournalApplierStats s = stats_;
  s.backlog_events = backlog_events_;
  return s;
}

}  // namespace opennrm::app::audit
