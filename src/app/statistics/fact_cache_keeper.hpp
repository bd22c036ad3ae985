// Keeps one server's statistics facts warm (fact_cache.hpp): loads them in
// the background as the server starts, so that the first statistics request
// does not wait for a load of every row (about 13 s at 1,000,000 rows,
// docs/benchmarks.md), and refreshes them every `period`, so that the cache
// is never idle long enough (kReloadAfter) to have to load everything again
// on a request. Each server keeps its own cache, so each runs its own keeper
// (not a scheduler job, which only the lease holder runs). A failed load or
// refresh is left to the next one: a request meets the same error and
// reports it.
//
// Thread-safe: one thread of its own; the destructor stops and joins it
// (waiting for a load in progress).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/statistics/fact_cache.hpp"

namespace opennrm::app::statistics {

class FactCacheKeeper {
 public:
  FactCacheKeeper(FactCache& cache, std::chrono::milliseconds period);
  ~FactCacheKeeper();
  FactCacheKeeper(const FactCacheKeeper&) = delete;
  FactCacheKeeper& operator=(const FactCacheKeeper&) = delete;

  // How many loads and refreshes have finished (for tests).
  int Rounds() const;

 private:
  void Run();

  FactCache& cache_;
  const std::chrono::milliseconds period_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  int rounds_ = 0;         // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace opennrm::app::statistics
