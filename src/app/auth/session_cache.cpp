#include "app/auth/session_cache.hpp"

#include <algorithm>

namespace opennrm::app {

SessionCache::SessionCache(size_t capacity) : capacity_(std::max<size_t>(capacity, 1)) {}

std::optional<Caller> SessionCache::Find(const std::string& token_hash, long long version) const {
  std::lock_guard lock(mu_);
  auto it = kept_.find(token_hash);
  if (it == kept_.end() || it->second.version != version) return std::nullopt;
  return it->second.caller;
}

void SessionCache::Keep(const std::string& token_hash, long long version, Caller caller) {
  std::lock_guard lock(mu_);
  if (kept_.size() >= capacity_ && !kept_.count(token_hash)) {
    // Checks made at an older version can never be used again.
    std::erase_if(kept_, [&](const auto& entry) { return entry.second.version < version; });
    if (kept_.size() >= capacity_) kept_.clear();
  }
  auto [it, added] = kept_.try_emplace(token_hash);
  // A check made at an older version than the one kept (a slower request) does not replace it.
  if (!added && it->second.version > version) return;
  it->second.version = version;
  it->second.caller = std::move(caller);
}

size_t SessionCache::Size() const {
  std::lock_guard lock(mu_);
  return kept_.size();
}

}  // namespace opennrm::app
