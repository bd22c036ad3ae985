// Failed logins, counted per account and per client address across every
// server (security core). Keys are opaque digests: neither the login name
// nor the address is stored in the clear. Used inside a UnitOfWork.
#pragma once

#include <string>

#include "core/error.hpp"

namespace opennrm::ports {

struct FailureCounts {
  int account = 0;                   // failures for the account key since `since_us`
  int address = 0;                   // failures from the address key since `since_us`
  long long last_address_at_us = 0;  // the address's latest failure since `since_us`, 0 if none
};

class LoginAttemptRepository {
 public:
  virtual ~LoginAttemptRepository() = default;
  virtual Status RecordFailure(const std::string& account_key, const std::string& address_key,
                               long long at_us) = 0;
  virtual Result<FailureCounts> Count(const std::string& account_key,
                                      const std::string& address_key, long long since_us) = 0;
  // Forgets failures older than `before_us` (the scheduler calls this).
  virtual Result<long long> Prune(long long before_us) = 0;
};

}  // namespace opennrm::ports
