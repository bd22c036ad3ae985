#include "security/concurrency_limiter.hpp"

#include <algorithm>

namespace opennrm::security {

Result<ConcurrencyLimiter::Permit> ConcurrencyLimiter::Acquire() {
  std::unique_lock lock(mu_);
  const std::size_t capacity = std::max<std::size_t>(limits_.max_concurrent, 1);
  if (active_ >= capacity) {
    if (waiting_ >= limits_.max_waiting) {
      return Fail(ErrorCode::kUnavailable, "The server is busy; try again shortly.");
    }
    ++waiting_;
    const auto deadline = std::chrono::steady_clock::now() + limits_.max_wait;
    const bool got = freed_.wait_until(lock, deadline, [&] { return active_ < capacity; });
    --waiting_;
    if (!got) return Fail(ErrorCode::kUnavailable, "The server is busy; try again shortly.");
  }
  ++active_;
  high_water_ = std::max(high_water_, active_);
  return Permit(this);
}

void ConcurrencyLimiter::Release() {
  {
    std::lock_guard lock(mu_);
    --active_;
  }
  freed_.notify_one();
}

std::size_t ConcurrencyLimiter::active() const {
  std::lock_guard lock(mu_);
  return active_;
}

std::size_t ConcurrencyLimiter::waiting() const {
  std::lock_guard lock(mu_);
  return waiting_;
}

std::size_t ConcurrencyLimiter::high_water() const {
  std::lock_guard lock(mu_);
  return high_water_;
}

}  // namespace opennrm::security
