// The audit log as the use cases see it (security core). Recording is
// durable when it returns: a read's event is on disk before the response is
// sent. Implementations batch concurrent callers into one transaction (group
// commit). Thread-safe.
#pragma once

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
  Status Record(audit::Event event) {
    std::vector<audit::Event> v;
    v.push_back(std::move(event));
    return Record(std::move(v));
  }
};

}  // namespace opennrm::ports
