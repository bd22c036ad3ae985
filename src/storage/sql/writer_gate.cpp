#include "storage/sql/writer_gate.hpp"

namespace opennrm::storage::sql {

bool WriterGate::Enter(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  const uint64_t ticket = next_ticket_++;
  if (turn_.wait_for(lock, timeout, [&] { return now_serving_ == ticket; })) return true;
  // Timed out, still in line: give the place up, so the line does not stop at it.
  abandoned_.insert(ticket);
  return false;
}

uint64_t WriterGate::InLine() const {
  std::lock_guard lock(mu_);
  return next_ticket_ - now_serving_ - abandoned_.size();
}

void WriterGate::Leave() {
  {
    std::lock_guard lock(mu_);
    ++now_serving_;
    while (!abandoned_.empty() && *abandoned_.begin() == now_serving_) {
      abandoned_.erase(abandoned_.begin());
      ++now_serving_;
    }
  }
  turn_.notify_all();
}

}  // namespace opennrm::storage::sql
