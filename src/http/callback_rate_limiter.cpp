#include "http/callback_rate_limiter.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace opennrm::http {

CallbackRateLimiter::CallbackRateLimiter(const Clock& clock, int per_window,
                                         std::chrono::seconds window, std::size_t max_addresses)
    : clock_(clock),
      per_window_(std::max(1, per_window)),
      window_us_(std::max<long long>(1, window.count()) * 1000000LL),
      max_addresses_(std::max<std::size_t>(1, max_addresses)) {}

void CallbackRateLimiter::DropExpired(Entry& entry, long long now_us) const {
  while (!entry.times_us.empty() && entry.times_us.front() <= now_us - window_us_) {
    entry.times_us.pop_front();
  }
}

std::string CallbackRateLimiter::KeyOf(const std::string& address) {
  in6_addr a{};
  if (address.find(':') == std::string::npos || inet_pton(AF_INET6, address.c_str(), &a) != 1) {
    return address;
  }
  std::memset(a.s6_addr + 8, 0, 8);
  char text[INET6_ADDRSTRLEN];
  if (!inet_ntop(AF_INET6, &a, text, sizeof text)) return address;
  return std::string(text) + "/64";
}

int CallbackRateLimiter::Admit(const std::string& address) {
  const std::string key = KeyOf(address);
  long long now = ToEpochMicros(clock_.Now());
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    // Make room first: the address seen longest ago goes.
    while (entries_.size() >= max_addresses_ && !recency_.empty()) {
      entries_.erase(recency_.front());
      recency_.pop_front();
    }
    recency_.push_back(key);
    it = entries_.emplace(key, Entry{{}, std::prev(recency_.end())}).first;
  } else {
    recency_.splice(recency_.end(), recency_, it->second.recency);
  }
  Entry& entry = it->second;
  DropExpired(entry, now);
  if (static_cast<int>(entry.times_us.size()) >= per_window_) {
    long long wait_us = entry.times_us.front() + window_us_ - now;
    return static_cast<int>(std::max<long long>(1, (wait_us + 999999) / 1000000));
  }
  entry.times_us.push_back(now);
  return 0;
}

std::size_t CallbackRateLimiter::Tracked() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

}  // namespace opennrm::http
