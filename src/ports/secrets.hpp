// Random tokens and their stored digests (security core): session cookies,
// CSRF tokens, API tokens, one-time passwords, opaque keys for rate limits.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

class Secrets {
 public:
  virtual ~Secrets() = default;
  // `bytes` random bytes as unpadded base64url (32 bytes: 43 characters).
  virtual std::string NewToken(int bytes = 32) = 0;
  // A readable one-time password: 4 groups of 4 characters from an alphabet
  // without look-alikes (xxxx-xxxx-xxxx-xxxx), about 80 bits.
  virtual std::string NewOneTimePassword() = 0;
  // Keyed digest (BLAKE2b-256 under a key derived from the master key) as
  // lower-case hex: what is stored for a token, or used as an opaque key.
  virtual std::string Digest(std::string_view purpose, std::string_view value) const = 0;

  // Ten new one-time recovery codes (shown once) and their stored hashes.
  struct RecoveryCodes {
    std::vector<std::string> codes;
    std::vector<std::string> hashes;
  };
  virtual Result<RecoveryCodes> NewRecoveryCodes() = 0;
  // The stored hash `input` would have (case, spaces and dashes ignored), or
  // nullopt when it is not a well-formed recovery code.
  virtual std::optional<std::string> RecoveryCodeHash(std::string_view input) const = 0;
};

}  // namespace opennrm::ports
