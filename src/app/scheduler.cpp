#include "app/scheduler.hpp"
#include "core/this_thread.hpp"

namespace opennrm::app {

Scheduler::Scheduler(ports::Database& db, const Clock& clock, std::string holder,
                     std::vector<ScheduledJob> jobs, std::chrono::milliseconds lease_duration)
    : db_(db),
      clock_(clock),
      holder_(std::move(holder)),
      jobs_(std::move(jobs)),
      lease_duration_(lease_duration) {}

Scheduler::~Scheduler() { Stop(); }

Result<TickReport> Scheduler::Tick() {
  std::lock_guard lock(tick_mu_);
  TickReport report;
  TimePoint now = clock_.Now();
  long long now_us = ToEpochMicros(now);
  long long until =
      now_us + std::chrono::duration_cast<std::chrono::microseconds>(lease_duration_).count();
  {
    auto uow = db_.Begin(ports::Access::kBackgroundWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto held = (*uow)->leases().TryAcquire(kSchedulerLease, holder_, now_us, until);
    if (!held) return tl::unexpected(held.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
    report.leader = *held;
  }
  if (!report.leader) return report;
  for (const auto& job : jobs_) {
    auto it = last_run_.find(job.name);
    if (it != last_run_.end() && now - it->second < job.interval) continue;
    last_run_[job.name] = now;
    report.ran.push_back(job.name);
    Status st;
    try {
      st = job.run(now);
    } catch (const std::exception&) {
      st = Internal("The job threw.");
    }
    if (!st) report.failed.push_back(job.name);
  }
  return report;
}

void Scheduler::Start(std::chrono::milliseconds period) {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this, period] {
    core::NameThisThread("scheduler");
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      (void)Tick();  // a failed tick is retried at the next period
      lock.lock();
      wake_.wait_for(lock, period, [this] { return stopping_; });
    }
  });
}

void Scheduler::Stop() {
  {
    std::lock_guard lock(mu_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  auto uow = db_.Begin(ports::Access::kWrite);
  if (uow && (*uow)->leases().Release(kSchedulerLease, holder_)) (void)(*uow)->Commit();
}

}  // namespace opennrm::app
