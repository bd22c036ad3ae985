// The session checks a server has made, so that the next request with the same token skips the
// lookups of its session, user, roles and organisation (docs/adr/0015-session-check-cache.md).
// A kept check holds only while the database's sign-in version
// (ports::SessionRepository::SignInVersion) is still the one it was made at: any sign-out,
// revocation, deactivation, role or organisation change by any server or command moves that
// version, and every kept check with it is ignored from then on. The caller still checks the
// session's times (expiry, idle timeout, touch) on every use.
//
// Bounded: when full, checks made at older versions go first, then all. Thread-safe.
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/auth/views.hpp"

namespace opennrm::app {

class SessionCache {
 public:
  explicit SessionCache(size_t capacity = 10'000);

  // The caller checked for the token with digest `token_hash` at sign-in version `version`;
  // nullopt when none was kept, or it was made at another version.
  std::optional<Caller> Find(const std::string& token_hash, long long version) const;
  // Keeps a successful check made at `version` (replacing the token's earlier one).
  void Keep(const std::string& token_hash, long long version, Caller caller);
  size_t Size() const;

 private:
  struct Kept {
    long long version = 0;
    Caller caller;
  };
  const size_t capacity_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Kept> kept_;  // GUARDED_BY(mu_): by token digest
};

}  // namespace opennrm::app
