// Password hashing for accounts (security core). Implementations use
// Argon2id and bound how many hashes run at once, because each one takes
// tens of MiB and ~150 ms: concurrent logins must neither exhaust memory nor
// starve request threads. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace opennrm::ports {

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // The encoded hash (algorithm, parameters, salt and hash in one string).
  // kUnavailable when too many hashes are waiting.
  virtual Result<std::string> Hash(std::string_view password) = 0;
  // Whether `password` matches `encoded`; false for a malformed encoding.
  virtual Result<bool> Verify(std::string_view encoded, std::string_view password) = 0;
  // Whether `encoded` was made with weaker parameters than today's.
  virtual bool NeedsRehash(std::string_view encoded) const = 0;
};

}  // namespace opennrm::ports
