#include "storage/sql/writer_gate.hpp"

#include <algorithm>

namespace opennrm::storage::sql {

bool WriterGate::Enter(std::chrono::milliseconds timeout, WriterClass kind) {
  std::unique_lock lock(mu_);
  if (!held_ && foreground_.empty() && background_.empty()) {
    held_ = true;
    return true;
  }
  Waiter me;
  me.since = Clock::now();
  auto& line = kind == WriterClass::kForeground ? foreground_ : background_;
  auto place = line.insert(line.end(), &me);
  const auto deadline = me.since + timeout;
  while (!me.admitted) {
    if (me.turn.wait_until(lock, deadline) == std::cv_status::timeout && !me.admitted) {
      line.erase(place);  // give the place up; the line goes on without it
      return false;
    }
  }
  return true;  // AdmitNextLocked took us out of the line and set held_
}

void WriterGate::AdmitNextLocked(Clock::time_point now) {
  std::list<Waiter*>* line = nullptr;
  const bool background_overdue =
      !background_.empty() && now - background_.front()->since >= background_max_wait_;
  if (!foreground_.empty() && !background_overdue) {
    line = &foreground_;
  } else if (!background_.empty()) {
    line = &background_;
  } else {
    return;
  }
  Waiter* next = line->front();
  line->pop_front();
  held_ = true;
  next->admitted = true;
  next->turn.notify_one();
}

uint64_t WriterGate::InLine() const {
  std::lock_guard lock(mu_);
  return (held_ ? 1 : 0) + foreground_.size() + background_.size();
}

void WriterGate::Leave() {
  std::lock_guard lock(mu_);
  held_ = false;
  AdmitNextLocked(Clock::now());
}

}  // namespace opennrm::storage::sql
