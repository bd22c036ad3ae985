// An answer held until the audit events it depends on are durable, without a thread waiting for
// them (docs/adr/0011-audit-append-on-one-writer.md). The HTTP layer opens a hold for each
// request it hands to a use case (ScopedAnswerHold); a read use case whose answer is ready queues
// its event with ports::AuditLog::RecordThen and a completion from Expect(); the HTTP layer then
// Release()s the hold with what sends the answer, which runs once every expected event is
// durable — with the first failure, if any, so the answer becomes "unavailable" instead.
//
// Without a hold (the CLI, tests, other callers) use cases record as before and block.
//
// Thread-safe: completions may run on any thread, before or after Release.
#pragma once

#include <functional>
#include <memory>
#include <mutex>

#include "core/error.hpp"

namespace opennrm::app::audit {

class AnswerHold : public std::enable_shared_from_this<AnswerHold> {
 public:
  using Send = std::function<void(const Status& durable)>;

  // One more event batch the answer waits for; the returned completion must run exactly once
  // (it keeps the hold alive until then).
  std::function<void(const Status&)> Expect();
  // Called once, after the use case returned: runs `send` now when nothing is outstanding, or
  // on the thread of the last completion.
  void Release(Send send);

 private:
  void Complete(const Status& status);

  std::mutex mu_;
  int outstanding_ = 0;    // GUARDED_BY(mu_)
  Status outcome_;         // GUARDED_BY(mu_): the first failure, else success
  Send send_;              // GUARDED_BY(mu_): set by Release while events are outstanding
  bool released_ = false;  // GUARDED_BY(mu_)
};

// The hold of the request this thread is handling, or null.
std::shared_ptr<AnswerHold> CurrentAnswerHold();

// Makes `hold` this thread's current hold for its lifetime (restores the previous one after).
class ScopedAnswerHold {
 public:
  explicit ScopedAnswerHold(std::shared_ptr<AnswerHold> hold);
  ~ScopedAnswerHold();
  ScopedAnswerHold(const ScopedAnswerHold&) = delete;
  ScopedAnswerHold& operator=(const ScopedAnswerHold&) = delete;

 private:
  std::shared_ptr<AnswerHold> previous_;
};

}  // namespace opennrm::app::audit
