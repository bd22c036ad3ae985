// ports::Signer with Ed25519 (libsodium crypto_sign), for signing audit-log checkpoints.
//
// The key pair is derived from a 32-byte seed, which lives in a seed file of mode 0600 (created
// on first use) and, once loaded, only in protected memory (SecureBuffer). Outside verifiers need
// only the 32-byte public key and VerifyEd25519. Signing is deterministic (RFC 8032).
//
// Thread-safe: the secret key is read-only after construction.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "core/error.hpp"
#include "ports/signer.hpp"
#include "security/secure_buffer.hpp"

namespace opennrm::security {

class Ed25519Signer final : public ports::Signer {
 public:
  static constexpr std::size_t kSeedSize = 32;
  static constexpr std::size_t kPublicKeySize = 32;
  static constexpr std::size_t kSignatureSize = 64;

  // The signer whose key pair derives from `seed` (RFC 8032's 32-byte private key).
  static Result<std::unique_ptr<Ed25519Signer>> FromSeed(std::span<const unsigned char, 32> seed);

  // From a seed file of exactly 32 raw bytes that grants nothing to group or others; with
  // `create_if_missing`, a missing file is created with a fresh random seed and mode 0600.
  // Errors name the path, never the contents (see secret_file.hpp).
  static Result<std::unique_ptr<Ed25519Signer>> FromSeedFile(const std::filesystem::path& path,
                                                             bool create_if_missing);

  Ed25519Signer(const Ed25519Signer&) = delete;
  Ed25519Signer& operator=(const Ed25519Signer&) = delete;

  // The 64-byte detached signature of `message`.
  std::string Sign(std::string_view message) override;
  // The 32-byte public key.
  std::string PublicKey() const override;

 private:
  Ed25519Signer(SecureBuffer secret_key, const std::array<unsigned char, 32>& public_key)
      : secret_key_(std::move(secret_key)), public_key_(public_key) {}

  SecureBuffer secret_key_;  // libsodium's 64-byte form: seed || public key
  std::array<unsigned char, kPublicKeySize> public_key_;
};

// Whether `signature` (64 bytes) is a valid Ed25519 signature of `message` under `public_key`
// (32 bytes). False for wrong sizes.
bool VerifyEd25519(std::string_view public_key, std::string_view message,
                   std::string_view signature);

}  // namespace opennrm::security
