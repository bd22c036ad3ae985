// Clock: the only way code learns the time, so tests can fix it.
// Thread-safety: implementations are safe to call from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace opennrm {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(TimePoint start) : micros_(ToMicros(start)) {}
  TimePoint Now() const override { return TimePoint(std::chrono::microseconds(micros_.load())); }
  void Set(TimePoint t) { micros_.store(ToMicros(t)); }
  void Advance(std::chrono::microseconds d) { micros_.fetch_add(d.count()); }

 private:
  static std::int64_t ToMicros(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
  }
  std::atomic<std::int64_t> micros_;
};

// Microseconds since the Unix epoch: how timestamps are stored.
inline std::int64_t ToEpochMicros(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}
inline TimePoint FromEpochMicros(std::int64_t us) {
  return TimePoint(std::chrono::microseconds(us));
}

}  // namespace opennrm
