// A gate for one process's writers to a SQLite database (docs/adr/0009-sqlite-writers-and-
// workers.md, docs/adr/0010-background-writers-and-checkpoints.md). A writer that asks while the
// gate is held waits in line and is let through in turn:
//   - foreground writers (a request waiting for its answer) go through first come, first served;
//   - background writers (the audit sequencer, scheduled jobs) go through when no foreground
//     writer waits, or once the oldest of them has waited `background_max_wait`, so they are
//     never starved, only put behind.
// A writer that leaves and asks again at once goes to the back of its line, so a background
// writer working off a backlog batch after batch cannot hold the gate for long.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <list>
#include <mutex>

namespace opennrm::storage::sql {

enum class WriterClass { kForeground, kBackground };

class WriterGate {
 public:
  using Clock = std::chrono::steady_clock;

  explicit WriterGate(std::chrono::milliseconds background_max_wait = std::chrono::milliseconds(50))
      : background_max_wait_(background_max_wait) {}

  // Waits in line up to `timeout`; true when the caller now holds the gate
  // (and must call Leave()), false when the wait timed out (the caller's
  // place in line is given up).
  bool Enter(std::chrono::milliseconds timeout, WriterClass kind = WriterClass::kForeground);
  // Lets the next writer in line through. Only the holder calls it.
  void Leave();
  // The holder and those waiting (for tests and metrics).
  uint64_t InLine() const;

 private:
  struct Waiter {
    Clock::time_point since;
    bool admitted = false;
    std::condition_variable turn;
  };

  // Gives the gate to the next waiter, if any. Caller holds mu_ and the gate is free.
  void AdmitNextLocked(Clock::time_point now);

  const std::chrono::milliseconds background_max_wait_;
  mutable std::mutex mu_;
  bool held_ = false;              // GUARDED_BY(mu_)
  std::list<Waiter*> foreground_;  // GUARDED_BY(mu_): in arrival order
  std::list<Waiter*> background_;  // GUARDED_BY(mu_): in arrival order
};

// Holds the gate until destroyed or released.
class GatePass {
 public:
  GatePass() = default;
  explicit GatePass(WriterGate* held) : gate_(held) {}
  GatePass(GatePass&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
  GatePass& operator=(GatePass&& other) noexcept {
    if (this != &other) {
      Release();
      gate_ = other.gate_;
      other.gate_ = nullptr;
    }
    return *this;
  }
  ~GatePass() { Release(); }
  void Release() {
    if (gate_) gate_->Leave();
    gate_ = nullptr;
  }

 private:
  WriterGate* gate_ = nullptr;
};

}  // namespace opennrm::storage::sql
