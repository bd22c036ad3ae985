#include "app/audit/group_commit_log.hpp"

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
    : db_(db), clock_(clock), options_(options) {}

GroupCommitAuditLog::~GroupCommitAuditLog() { Stop(); }

void GroupCommitAuditLog::Stop() {
  std::unique_lock lock(mu_);
  stopping_ = true;
  drained_.wait(lock, [&] { return queue_.empty(); });
}

Status GroupCommitAuditLog::Record(std::vector<opennrm::audit::Event> events) {
  if (events.empty()) return {};
  Request request;
  request.bodies.reserve(events.size());
  const long long now_us = ToEpochMicros(clock_.Now());
  for (auto& event : events) {
    if (event.at_us == 0) event.at_us = now_us;
    auto body = opennrm::audit::EncodeEvent(event);
    if (!body) return tl::unexpected(body.error());
    request.bodies.push_back(std::move(*body));
  }
  const size_t n = request.bodies.size();

  std::unique_lock lock(mu_);
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
  queue_.push_back(&request);
  request.turn.wait(lock, [&] { return request.done || queue_.front() == &request; });
  if (request.done) return request.result;  // a writer ahead of us wrote our events

  // We are at the head: write for everyone queued behind us, up to the batch bound.
  std::vector<Request*> batch;
  size_t batch_events = 0;
  for (Request* r : queue_) {
    if (!batch.empty() && batch_events + r->bodies.size() > options_.max_batch_events) break;
    batch.push_back(r);
    batch_events += r->bodies.size();
  }
  lock.unlock();
  Status result = Write(batch);
  lock.lock();
  if (result) {
    ++stats_.batches;
    stats_.events += static_cast<long long>(batch_events);
  } else {
    ++stats_.failed_batches;
  }
  outstanding_events_ -= batch_events;
  for (Request* r : batch) {
    queue_.pop_front();  // the batch is the head of the queue, in order
    r->result = result;
    r->done = true;
    if (r != &request) r->turn.notify_one();
  }
  if (!queue_.empty()) {
    queue_.front()->turn.notify_one();  // the next writer
  } else {
    drained_.notify_all();
  }
  return request.result;
}

Status GroupCommitAuditLog::Write(const std::vector<Request*>& batch) {
  std::vector<std::string> bodies;
  for (const Request* r : batch) bodies.insert(bodies.end(), r->bodies.begin(), r->bodies.end());
  auto uow = db_.Begin(ports::Access::kWrite);
  if (!uow) return Unavailable("no database connection");
  if (auto st = (*uow)->audit().AppendPending(bodies, ToEpochMicros(clock_.Now())); !st) {
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
