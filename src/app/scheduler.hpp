// The one background scheduler (security core): every server runs one, but
// only the server holding the database lease "scheduler" runs its jobs, so a
// reminder or a checkpoint happens once however many servers there are. If
// that server stops, another takes the lease when it expires.
//
// Thread-safe: Tick() runs one pass at a time; Start()/Stop() manage a
// thread that ticks periodically.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "ports/database.hpp"

namespace opennrm::app {

inline constexpr const char* kSchedulerLease = "scheduler";

struct ScheduledJob {
  std::string name;  // for logs and metrics: no personal data
  std::chrono::milliseconds interval;
  std::function<Status(TimePoint now)> run;
};

struct TickReport {
  bool leader = false;
  std::vector<std::string> ran;     // jobs that ran in this tick
  std::vector<std::string> failed;  // jobs whose run returned an error
};

class Scheduler {
 public:
  Scheduler(ports::Database& db, const Clock& clock, std::string holder,
            std::vector<ScheduledJob> jobs,
            std::chrono::milliseconds lease_duration = std::chrono::seconds(30));
  ~Scheduler();

  // One pass: takes or renews the lease; when held, runs every job that is due.
  Result<TickReport> Tick();

  // Ticks every `period` on a thread of its own until Stop(); releases the
  // lease on Stop so another server can take over at once.
  void Start(std::chrono::milliseconds period);
  void Stop();

 private:
  ports::Database& db_;
  const Clock& clock_;
  const std::string holder_;
  std::vector<ScheduledJob> jobs_;
  const std::chrono::milliseconds lease_duration_;
  std::mutex tick_mu_;
  std::map<std::string, TimePoint> last_run_;  // GUARDED_BY(tick_mu_)
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace opennrm::app
