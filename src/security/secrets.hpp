// ports::Secrets over libsodium (security core): random tokens, readable
// one-time passwords, and keyed BLAKE2b digests under subkeys of the platform
// secret (key_ring.hpp), so a stolen database cannot be used to test guessed
// tokens or recovery codes offline. Thread-safe.
#pragma once

#include <memory>

#include "ports/secrets.hpp"
#include "security/data_key.hpp"
#include "security/secure_buffer.hpp"

namespace opennrm::security {

class SodiumSecrets final : public ports::Secrets {
 public:
  static Result<std::unique_ptr<SodiumSecrets>> Create(const DataKey& platform_secret);

  std::string NewToken(int bytes = 32) override;
  std::string NewOneTimePassword() override;
  std::string Digest(std::string_view purpose, std::string_view value) const override;
  Result<RecoveryCodes> NewRecoveryCodes() override;
  std::optional<std::string> RecoveryCodeHash(std::string_view input) const override;

 private:
  SodiumSecrets(SecureBuffer digest_key, SecureBuffer pepper)
      : digest_key_(std::move(digest_key)), pepper_(std::move(pepper)) {}
  SecureBuffer digest_key_;
  SecureBuffer pepper_;
};

}  // namespace opennrm::security
