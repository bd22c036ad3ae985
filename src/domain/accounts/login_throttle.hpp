// How failed logins are slowed down (security core): at most 100 failed
// attempts per account per hour, and a delay per client address that grows
// with its recent failures. The counters live in the database so that every
// server sees them; this is the pure rule over them.
#pragma once

#include <chrono>

namespace opennrm::accounts {

struct ThrottleRule {
  int max_failures_per_account_per_hour = 100;
  int free_failures_per_address = 3;           // no delay for a few typos
  std::chrono::milliseconds first_delay{250};  // then doubling...
  std::chrono::milliseconds max_delay{30000};  // ...up to this
};

struct ThrottleDecision {
  bool refuse = false;                 // the account took too many failures this hour
  std::chrono::milliseconds delay{0};  // wait before answering this address
};

// `account_failures_last_hour` and `address_failures_last_hour` are the
// failures recorded before this attempt.
ThrottleDecision DecideThrottle(int account_failures_last_hour, int address_failures_last_hour,
                                const ThrottleRule& rule = {});

}  // namespace opennrm::accounts
