// ports::Totp with liboath: RFC 6238 TOTP, HMAC-SHA1, 6 digits, 30-second steps from the Unix
// epoch, ±1 step of clock drift; secrets of 20 random bytes in unpadded RFC 4648 base32.
//
// Match computes the codes of the three steps around `now` and compares each with the offered
// code in constant time, all three every time. It reports which step matched; refusing a step
// that was already used (single use across servers) is the caller's job.
//
// The secret is needed in clear to check codes, so callers store it sealed (FieldCipher), and
// never log the provisioning URI or its QR code: both contain it. Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "ports/totp.hpp"

namespace opennrm::security {

class OathTotp final : public ports::Totp {
 public:
  static constexpr int kDigits = 6;
  static constexpr int kPeriodSeconds = 30;
  static constexpr std::size_t kSecretBytes = 20;

  OathTotp();

  std::string NewSecret() override;
  // nullopt also for a code that is not exactly six ASCII digits, and for a secret that is not
  // base32 of 16 to 64 bytes.
  std::optional<long long> Match(std::string_view base32_secret, std::string_view code,
                                 TimePoint now) override;
  // Issuer and account are percent-encoded (RFC 3986 unreserved characters stay as they are).
  std::string ProvisioningUri(std::string_view issuer, std::string_view account,
                              std::string_view base32_secret) override;
  Result<std::string> QrSvg(std::string_view uri) override;

  // The code for time step `step` (seconds since the epoch / 30), or nullopt for a bad secret.
  // For tests and for diagnostics that compare against a user's device.
  static std::optional<std::string> CodeAt(std::string_view base32_secret, long long step);
};

// RFC 3986 percent-encoding of everything but unreserved characters (A–Z a–z 0–9 - . _ ~).
std::string PercentEncode(std::string_view text);

}  // namespace opennrm::security
