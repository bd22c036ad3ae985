#include "domain/accounts/login_throttle.hpp"

#include <algorithm>

namespace opennrm::accounts {

ThrottleDecision DecideThrottle(int account_failures, int address_failures,
                                const ThrottleRule& rule) {
  ThrottleDecision d;
  d.refuse = account_failures >= rule.max_failures_per_account_per_hour;
  int over = address_failures - rule.free_failures_per_address;
  if (over >= 0) {
    // first_delay * 2^over, without overflowing.
    long long ms = rule.first_delay.count();
    for (int i = 0; i < over && ms < rule.max_delay.count(); ++i) ms *= 2;
    d.delay = std::chrono::milliseconds(std::min<long long>(ms, rule.max_delay.count()));
  }
  return d;
}

}  // namespace opennrm::accounts
