// A counting gate for expensive work (Argon2 password hashing): at most `max_concurrent` holders
// at once; further callers wait up to `max_wait` for a slot, and no more than `max_waiting` of
// them may wait — beyond that a caller is turned away at once. Waiting is bounded in both time
// and number so that a burst of logins degrades to quick 503s instead of piling up threads.
//
// Waiters are woken in no particular order. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

#include "core/error.hpp"

namespace opennrm::security {

struct ConcurrencyLimits {
  std::size_t max_concurrent = 2;
  std::size_t max_waiting = 64;
  std::chrono::milliseconds max_wait{5000};
};

class ConcurrencyLimiter {
 public:
  // Holds one slot until destroyed. Move-only.
  class Permit {
   public:
    Permit(Permit&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Permit& operator=(Permit&&) = delete;
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;
    ~Permit() {
      if (owner_ != nullptr) owner_->Release();
    }

   private:
    friend class ConcurrencyLimiter;
    explicit Permit(ConcurrencyLimiter* owner) : owner_(owner) {}
    ConcurrencyLimiter* owner_;
  };

  // REQUIRES: limits.max_concurrent >= 1.
  explicit ConcurrencyLimiter(ConcurrencyLimits limits) : limits_(limits) {}
  ConcurrencyLimiter(const ConcurrencyLimiter&) = delete;
  ConcurrencyLimiter& operator=(const ConcurrencyLimiter&) = delete;

  // A slot, waiting for one if need be. kUnavailable when the wait queue is full (at once) or no
  // slot frees up within max_wait. REQUIRES: every Permit is destroyed before the limiter.
  Result<Permit> Acquire();

  // For tests and metrics.
  std::size_t active() const;
  std::size_t waiting() const;
  std::size_t high_water() const;  // the most slots ever held at once

 private:
  void Release();

  const ConcurrencyLimits limits_;
  mutable std::mutex mu_;
  std::condition_variable freed_;
  std::size_t active_ = 0;      // GUARDED_BY(mu_)
  std::size_t waiting_ = 0;     // GUARDED_BY(mu_)
  std::size_t high_water_ = 0;  // GUARDED_BY(mu_)
};

}  // namespace opennrm::security
