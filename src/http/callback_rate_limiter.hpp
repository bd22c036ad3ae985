// The per-address limit of the public call-back form (issue 6 point 6): at
// most N requests per client address in any sliding hour. Addresses are held
// only in this process's memory, never logged or stored; at most
// `max_addresses` are tracked, the one seen longest ago dropped first, so a
// flood of addresses cannot grow memory without bound. Thread-safe (one mutex).
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace opennrm::http {

class CallbackRateLimiter {
 public:
  // REQUIRES: per_window >= 1, window > 0, max_addresses >= 1; `clock` outlives this.
  CallbackRateLimiter(const Clock& clock, int per_window,
                      std::chrono::seconds window = std::chrono::hours(1),
                      std::size_t max_addresses = 10000);

  // Counts one request from `address` (under KeyOf(address)) and returns 0 when it is within the
  // limit; otherwise counts nothing and returns the seconds (>= 1) until the
  // oldest counted request leaves the window.
  int Admit(const std::string& address);

  // The key an address is counted under: an IPv4 address itself; an IPv6
  // address by its /64 network (one household or host gets a whole /64, so
  // counting single IPv6 addresses would limit nothing); anything else as is.
  static std::string KeyOf(const std::string& address);

  // How many addresses are tracked now (for tests).
  std::size_t Tracked() const;

 private:
  struct Entry {
    std::deque<long long> times_us;  // oldest first, within the window
    std::list<std::string>::iterator recency;
  };
  void DropExpired(Entry& entry, long long now_us) const;

  const Clock& clock_;
  const int per_window_;
  const long long window_us_;
  const std::size_t max_addresses_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // GUARDED_BY(mu_)
  std::list<std::string> recency_;                  // GUARDED_BY(mu_): least recent first
};

}  // namespace opennrm::http
