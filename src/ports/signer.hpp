// Ed25519 signatures for audit checkpoints (security core). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace opennrm::ports {

class Signer {
 public:
  virtual ~Signer() = default;
  // A detached 64-byte signature of `message`.
  virtual std::string Sign(std::string_view message) = 0;
  // The 32-byte public key, for outside verifiers.
  virtual std::string PublicKey() const = 0;
};

}  // namespace opennrm::ports
