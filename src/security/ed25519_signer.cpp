#include "security/ed25519_signer.hpp"

#include <sodium.h>

#include <utility>

#include "security/secret_file.hpp"
#include "security/sodium_init.hpp"

namespace opennrm::security {
namespace {

static_assert(crypto_sign_SEEDBYTES == Ed25519Signer::kSeedSize);
static_assert(crypto_sign_PUBLICKEYBYTES == Ed25519Signer::kPublicKeySize);
static_assert(crypto_sign_BYTES == Ed25519Signer::kSignatureSize);

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Result<std::unique_ptr<Ed25519Signer>> Ed25519Signer::FromSeed(
    std::span<const unsigned char, 32> seed) {
  EnsureSodium();
  auto secret_key = SecureBuffer::Allocate(crypto_sign_SECRETKEYBYTES);
  if (!secret_key) return tl::unexpected(secret_key.error());
  std::array<unsigned char, kPublicKeySize> public_key{};
  if (crypto_sign_seed_keypair(public_key.data(), secret_key->data(), seed.data()) != 0) {
    return Internal("Could not derive the signing key.");
  }
  secret_key->MakeReadOnly();
  return std::unique_ptr<Ed25519Signer>(new Ed25519Signer(std::move(*secret_key), public_key));
}

Result<std::unique_ptr<Ed25519Signer>> Ed25519Signer::FromSeedFile(
    const std::filesystem::path& path, bool create_if_missing) {
  Result<SecureBuffer> seed =
      create_if_missing ? LoadOrCreateSecretFile(path, kSeedSize).map([](LoadedSecret loaded) {
        return std::move(loaded.bytes);
      })
                        : ReadSecretFile(path, kSeedSize);
  if (!seed) return tl::unexpected(seed.error());
  return FromSeed(std::span<const unsigned char, 32>(seed->data(), kSeedSize));
}

std::string Ed25519Signer::Sign(std::string_view message) {
  std::string signature(kSignatureSize, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr, Bytes(message),
                       message.size(), secret_key_.data());
  return signature;
}

std::string Ed25519Signer::PublicKey() const {
  return std::string(reinterpret_cast<const char*>(public_key_.data()), public_key_.size());
}

bool VerifyEd25519(std::string_view public_key, std::string_view message,
                   std::string_view signature) {
  EnsureSodium();
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) {
    return false;
  }
  return crypto_sign_verify_detached(Bytes(signature), Bytes(message), message.size(),
                                     Bytes(public_key)) == 0;
}

}  // namespace opennrm::security
