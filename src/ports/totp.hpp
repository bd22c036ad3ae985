// Time-based one-time passwords (RFC 6238) for multi-factor login (security
// core). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace opennrm::ports {

class Totp {
 public:
  virtual ~Totp() = default;
  // A new random secret (20 bytes), base32-encoded without padding.
  virtual std::string NewSecret() = 0;
  // The time step (30 s periods since the epoch) that `code` matches within
  // ±1 step of `now`, or nullopt. Callers refuse a step already used, so a
  // code is single-use.
  virtual std::optional<long long> Match(std::string_view base32_secret, std::string_view code,
                                         TimePoint now) = 0;
  // otpauth:// URI for authenticator apps.
  virtual std::string ProvisioningUri(std::string_view issuer, std::string_view account,
                                      std::string_view base32_secret) = 0;
  // The URI as an SVG QR code (no scripts, no external references).
  virtual Result<std::string> QrSvg(std::string_view uri) = 0;
};

}  // namespace opennrm::ports
