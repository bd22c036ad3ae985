// Named leases held by one server at a time (security core: the scheduler
// and the audit log's sequencer). A lease is held until it expires or is
// released; its holder renews it before then. Used inside a UnitOfWork.
#pragma once

#include <string>

#include "core/error.hpp"

namespace opennrm::ports {

class LeaseRepository {
 public:
  virtual ~LeaseRepository() = default;
  // Takes or renews lease `name` for `holder` until `expires_at_us` when it is
  // free, expired at `now_us`, or already held by `holder`. True when held.
  virtual Result<bool> TryAcquire(const std::string& name, const std::string& holder,
                                  long long now_us, long long expires_at_us) = 0;
  // Gives the lease up if `holder` holds it.
  virtual Status Release(const std::string& name, const std::string& holder) = 0;
};

}  // namespace opennrm::ports
