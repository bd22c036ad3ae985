// The audit log as the use cases see it (security core). Recording is
// durable when it returns (Record) or when its callback runs (RecordThen): a
// read's event is on disk before the response is sent. Implementations batch
// concurrent callers into one transaction (group commit). Thread-safe.
#pragma once

#include <functional>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/event.hpp"

namespace opennrm::ports {

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // Appends the events durably, in order; kUnavailable if the log cannot be
  // written (the caller then refuses to answer: no audit, no access).
  virtual Status Record(std::vector<audit::Event> events) = 0;
  // Appends the events and returns once they are queued; `durable` runs exactly once with
  // Record's outcome when they are written (on any thread, perhaps before this returns). Errors
  // before queuing are returned, and then `durable` never runs. By default: Record, then
  // `durable` on the caller's thread.
  virtual Status RecordThen(std::vector<audit::Event> events,
                            std::function<void(const Status&)> durable) {
    durable(Record(std::move(events)));
    return {};
  }
  Status Record(audit::Event event) {
    std::vector<audit::Event> v;
    v.push_back(std::move(event));
    return Record(std::move(v));
  }
};

}  // namespace opennrm::ports
