#include "app/audit/answer_hold.hpp"

#include <utility>

namespace opennrm::app::audit {

namespace {

thread_local std::shared_ptr<AnswerHold> current_hold;

}  // namespace

std::function<void(const Status&)> AnswerHold::Expect() {
  {
    std::lock_guard lock(mu_);
    ++outstanding_;
  }
  return [self = shared_from_this()](const Status& status) { self->Complete(status); };
}

void AnswerHold::Complete(const Status& status) {
  Send send;
  Status outcome;
  {
    std::lock_guard lock(mu_);
    if (!status && outcome_) outcome_ = status;
    if (--outstanding_ > 0 || !released_) return;
    send = std::move(send_);
    outcome = outcome_;
  }
  if (send) send(outcome);
}

void AnswerHold::Release(Send send) {
  Status outcome;
  {
    std::lock_guard lock(mu_);
    released_ = true;
    if (outstanding_ > 0) {
      send_ = std::move(send);
      return;
    }
    outcome = outcome_;
  }
  send(outcome);
}

std::shared_ptr<AnswerHold> CurrentAnswerHold() { return current_hold; }

ScopedAnswerHold::ScopedAnswerHold(std::shared_ptr<AnswerHold> hold)
    : previous_(std::exchange(current_hold, std::move(hold))) {}

ScopedAnswerHold::~ScopedAnswerHold() { current_hold = std::move(previous_); }

}  // namespace opennrm::app::audit
