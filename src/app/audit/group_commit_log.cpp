#include "app/audit/group_commit_log.hpp"

#include "app/audit/journal_applier.hpp"
#include "app/audit/log_append.hpp"
#include "core/this_thread.hpp"
#include "domain/audit/canonical_event.hpp"

namespace opennrm::app::audit {

namespace {

tl::unexpected<Error> Unavailable(std::string why) {
  return Fail(ErrorCode::kUnavailable, "The audit log cannot be written (" + std::move(why) +
                                           "); the request was not carried out.");
}

}  // namespace

GroupCommitAuditLog::GroupCommitAuditLog(ports::Database& db, const Clock& clock,
                                         GroupCommitOptions options)
    : db_(db),
      clock_(clock),
      options_(options),
      writer_([this] {
        core::NameThisThread("audit-commit");
        WriterThread();
      }),
      completer_([this] {
        core::NameThisThread("audit-complete");
        CompleterThread();
      }) {}

GroupCommitAuditLog::~GroupCommitAuditLog() { Stop(); }

void GroupCommitAuditLog::Stop() {
  {
    std::unique_lock lock(mu_);
    stopping_ = true;
    drained_.wait(
        lock, [&] { return queue_.empty() && !writing_ && completions_.empty() && !completing_; });
    thread_stopping_ = true;
  }
  handed_.notify_all();
  written_.notify_all();
  if (writer_.joinable()) writer_.join();
  if (completer_.joinable()) completer_.join();
}

Result<std::shared_ptr<GroupCommitAuditLog::Request>> GroupCommitAuditLog::Prepare(
    std::vector<opennrm::audit::Event>& events) const {
  auto request = std::make_shared<Request>();
  request->bodies.reserve(events.size());
  const long long now_us = ToEpochMicros(clock_.Now());
  for (auto& event : events) {
    if (event.at_us == 0) event.at_us = now_us;
    auto body = opennrm::audit::EncodeEvent(event);
    if (!body) return tl::unexpected(body.error());
    request->bodies.push_back(std::move(*body));
  }
  return request;
}

Result<bool> GroupCommitAuditLog::Enqueue(const std::shared_ptr<Request>& request) {
  const size_t n = request->bodies.size();
  std::lock_guard lock(mu_);
  if (stopping_) {
    ++stats_.rejected;
    return Unavailable("it is shutting down");
  }
  // A request larger than the bound is still taken when nothing else waits, so it cannot starve.
  if (outstanding_events_ > 0 && outstanding_events_ + n > options_.max_queued_events) {
    ++stats_.rejected;
    return Unavailable("too many events are waiting to be written");
  }
  outstanding_events_ += n;
  queue_.push_back(request);
  if (writing_) return false;
  writing_ = true;
  return true;
}

Status GroupCommitAuditLog::Record(std::vector<opennrm::audit::Event> events) {
  if (events.empty()) return {};
  auto request = Prepare(events);
  if (!request) return tl::unexpected(request.error());
  auto write_now = Enqueue(*request);
  if (!write_now) return tl::unexpected(write_now.error());
  if (*write_now) WriteQueued(true);
  std::unique_lock lock(mu_);
  (*request)->finished.wait(lock, [&] { return (*request)->done; });
  return (*request)->result;
}

Status GroupCommitAuditLog::RecordThen(std::vector<opennrm::audit::Event> events,
                                       std::function<void(const Status&)> durable) {
  if (events.empty()) {
    durable(Status{});
    return {};
  }
  auto request = Prepare(events);
  if (!request) return tl::unexpected(request.error());
  (*request)->then = std::move(durable);
  auto write_now = Enqueue(*request);
  if (!write_now) return tl::unexpected(write_now.error());
  if (*write_now) WriteQueued(true);
  return {};
}

void GroupCommitAuditLog::WriteQueued(bool inline_caller) {
  std::unique_lock lock(mu_);
  for (;;) {
    std::vector<std::shared_ptr<Request>> batch;
    size_t batch_events = 0;
    while (!queue_.empty()) {
      const auto& r = queue_.front();
      if (!batch.empty() && batch_events + r->bodies.size() > options_.max_batch_events) break;
      batch_events += r->bodies.size();
      batch.push_back(r);
      queue_.pop_front();
    }
    lock.unlock();
    const Status result = batch.empty() ? Status{} : Write(batch);
    lock.lock();
    if (!batch.empty()) {
      if (result) {
        ++stats_.batches;
        stats_.events += static_cast<long long>(batch_events);
      } else {
        ++stats_.failed_batches;
      }
    }
    outstanding_events_ -= batch_events;
    std::vector<Request*> waiting;  // Record's callers
    bool handed = false;
    for (const auto& r : batch) {
      if (r->then) {
        completions_.emplace_back(std::move(r->then), result);
        handed = true;
      } else {
        r->result = result;
        r->done = true;
        waiting.push_back(r.get());
      }
    }
    lock.unlock();
    // Woken outside mu_, so that a woken caller need not wait for it. `writing_` is still set,
    // so calls arriving meanwhile queue for the next batch; callbacks run on the completing
    // thread while this one writes that batch.
    if (handed) written_.notify_one();
    for (Request* r : waiting) r->finished.notify_one();
    lock.lock();
    if (queue_.empty()) {
      writing_ = false;
      drained_.notify_all();  // under mu_: Stop() cannot return before this is done
      return;
    }
    if (inline_caller) {
      handed_over_ = true;  // writing_ stays set: the thread goes on
      handed_.notify_one();
      return;
    }
  }
}

void GroupCommitAuditLog::WriterThread() {
  std::unique_lock lock(mu_);
  for (;;) {
    handed_.wait(lock, [&] { return handed_over_ || thread_stopping_; });
    if (handed_over_) {
      handed_over_ = false;
      lock.unlock();
      WriteQueued(false);
      lock.lock();
      continue;
    }
    return;
  }
}

void GroupCommitAuditLog::CompleterThread() {
  std::unique_lock lock(mu_);
  for (;;) {
    written_.wait(lock, [&] { return !completions_.empty() || thread_stopping_; });
    if (completions_.empty()) return;  // stopping, and every callback has run
    auto run = std::move(completions_);
    completions_.clear();
    completing_ = true;
    lock.unlock();
    for (auto& [then, result] : run) then(result);
    run.clear();  // what the callbacks hold is released here too, not under mu_
    lock.lock();
    completing_ = false;
    drained_.notify_all();  // under mu_: Stop() waits for the callbacks as well
  }
}

Status GroupCommitAuditLog::Write(const std::vector<std::shared_ptr<Request>>& batch) {
  std::vector<std::string> bodies;
  for (const auto& r : batch) bodies.insert(bodies.end(), r->bodies.begin(), r->bodies.end());
  if (options_.journal) {
    if (auto st = options_.journal->Append(std::move(bodies)); !st) {
      return Unavailable(st.error().message);
    }
    return {};
  }
  auto uow = db_.Begin(ports::Access::kWrite);
  if (!uow) return Unavailable("no database connection");
  const long long now_us = ToEpochMicros(clock_.Now());
  if (options_.sequence_on_append) {
    if (auto size = AppendToLog((*uow)->audit(), std::move(bodies), now_us); !size) {
      return Unavailable(size.error().code == ErrorCode::kInternal
                             ? size.error().message
                             : "the database refused the write");
    }
  } else if (auto st = (*uow)->audit().AppendPending(bodies, now_us); !st) {
    return Unavailable("the database refused the write");
  }
  if (auto st = (*uow)->Commit(); !st) return Unavailable("the commit failed");
  return {};
}

GroupCommitStats GroupCommitAuditLog::Stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

}  // namespace opennrm::app::audit
