#include "app/statistics/fact_cache_keeper.hpp"

#include "core/this_thread.hpp"

namespace opennrm::app::statistics {

FactCacheKeeper::FactCacheKeeper(FactCache& cache, std::chrono::milliseconds period)
    : cache_(cache), period_(period), thread_([this] {
        core::NameThisThread("stats-cache");
        Run();
      }) {}

FactCacheKeeper::~FactCacheKeeper() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

int FactCacheKeeper::Rounds() const {
  std::lock_guard lock(mu_);
  return rounds_;
}

void FactCacheKeeper::Run() {
  (void)cache_.Snapshot();  // the first load; an error is met again by the next request
  for (;;) {
    std::unique_lock lock(mu_);
    ++rounds_;
    if (wake_.wait_for(lock, period_, [this] { return stopping_; })) return;
    lock.unlock();
    (void)cache_.Refresh();
  }
}

}  // namespace opennrm::app::statistics
