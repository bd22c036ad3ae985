// The package box (security core): the libsodium ports::PackageSealer. Each
// organisation has a long-term X25519 key pair for the packages it receives;
// its 32-byte secret is a DataKey stored like every other key in data_keys,
// only wrapped by the master key (key_wrap.hpp), under the owner
// "<organisation id>/package-box", version 1 at first. The key ring creates
// it the first time a package is sealed to the organisation and unwraps it
// (KeyRing::OwnerKeys): the box never holds a master key. The box alone keeps
// the unwrapped secret, in protected memory (DataKey), with the public key
// derived from it.
//
// A later version of the owner (`keys rotate --new-data-keys` starts one) is
// a new key pair: new packages are sealed to the latest version this box has
// loaded, older packages name their version and keep opening. `keys rotate`
// re-wraps these rows with the others (KeyRing::RewrapAll); meanwhile the key
// ring reads rows under the current or the previous master key.
//
// Sealed format, binary:
//   0x01 || key_version (4 bytes, big-endian)
//        || crypto_box_seal of the 32-byte content key to that version's
//           public key (80 bytes)
//        || nonce (24 random bytes)
//        || XChaCha20-Poly1305-IETF ciphertext of the plaintext || 16-byte tag
// The content key is fresh and random for every package. The associated data
//   "opennrm/package/v1" || for each of recipient organisation id, referral id:
//                           length (4 bytes, big-endian) || bytes
//                        || the 85 header bytes before the nonce
// binds the package to its recipient, its referral, its format and key
// version and its sealed content key.
//
// Thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "ports/package_sealer.hpp"
#include "security/data_key.hpp"
#include "security/key_ring.hpp"

namespace opennrm::security {

inline constexpr unsigned char kSealedPackageFormat = 0x01;
// Bytes a sealed package adds to its plaintext.
inline constexpr std::size_t kSealedPackageOverhead = 1 + 4 + 80 + 24 + 16;

class PackageBox final : public ports::PackageSealer {
 public:
  // `keys` stores, creates and unwraps the package keys; it must outlive the box.
  explicit PackageBox(KeyRing& keys);

  Result<std::string> Seal(const std::string& recipient_organisation_id,
                           const std::string& referral_id, std::string_view plaintext) override;
  Result<std::string> Open(const std::string& recipient_organisation_id,
                           const std::string& referral_id, std::string_view sealed) override;

  // The organisation's current 32-byte X25519 public key, its key pair created
  // on first use (as Seal). kInvalid for a missing or reserved organisation id.
  Result<std::string> PublicKey(const std::string& organisation_id);

 private:
  struct KeyPair {
    uint32_t version = 0;
    DataKey secret;
    std::array<unsigned char, 32> public_key{};
  };
  using Versions = std::map<uint32_t, std::shared_ptr<const KeyPair>>;

  // The latest loaded key pair of the organisation, created if it has none.
  Result<std::shared_ptr<const KeyPair>> Current(const std::string& organisation_id);
  // Version `version` of the organisation's key pair; nullptr if there is none.
  Result<std::shared_ptr<const KeyPair>> Find(const std::string& organisation_id, uint32_t version);
  // Loads every stored version of the organisation's key pair into the cache;
  // if it has none and `create`, the key ring creates version 1.
  Status Load(const std::string& organisation_id, bool create);
  // The cached version `version`, or the latest cached one; nullptr if none.
  std::shared_ptr<const KeyPair> Cached(const std::string& organisation_id,
                                        std::optional<uint32_t> version) const;

  KeyRing& keys_;
  std::mutex load_mu_;  // one loader at a time; the cache has its own lock
  mutable std::mutex mu_;
  // organisation id -> its key pairs by version. GUARDED_BY(mu_)
  std::map<std::string, Versions> pairs_;
};

}  // namespace opennrm::security
