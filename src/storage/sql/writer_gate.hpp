// A first-come, first-served gate for one process's writers to a SQLite
// database (docs/adr/0009-sqlite-writers-and-workers.md). A writer that asks
// while the gate is held waits in line and is let through when every writer
// before it has left: a writer that leaves and asks again at once (the audit
// sequencer working off a backlog, batch after batch) goes to the back, so it
// cannot starve the others as it could with a plain mutex.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>

namespace opennrm::storage::sql {

class WriterGate {
 public:
  // Waits in line up to `timeout`; true when the caller now holds the gate
  // (and must call Leave()), false when the wait timed out (the caller's
  // place in line is given up).
  bool Enter(std::chrono::milliseconds timeout);
  // Lets the next writer in line through. Only the holder calls it.
  void Leave();
  // The holder and those waiting (for tests and metrics).
  uint64_t InLine() const;

 private:
  mutable std::mutex mu_;
  std::condition_variable turn_;
  uint64_t next_ticket_ = 0;      // GUARDED_BY(mu_): the next arrival's number
  uint64_t now_serving_ = 0;      // GUARDED_BY(mu_): the ticket that holds or may take the gate
  std::set<uint64_t> abandoned_;  // GUARDED_BY(mu_): tickets whose holders stopped waiting
};

// Holding a WriterGate (or nothing): leaves it on Release() or destruction. Movable.
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
