// The package box (security core): the libsodium ports::PackageSealer. Each
// organisation has a long-term X25519 key pair for the packages it receives;
// its 32-byte secret is a DataKey stored like every other key in data_keys,
// only wrapped by the master key (key_wrap.hpp), under the owner
// "<organisation id>/package-box", version 1 at first. It is created the
// first time a package is sealed to the organisation, unwrapped on first use
// and cached in protected memory (DataKey); the public key is derived from it.
//
// A later version of the owner (`keys rotate --new-data-keys` starts one) is
// a new key pair: new packages are sealed to the latest version this box has
// loaded, older packages name their version and keep opening. `keys rotate`
// re-wraps these rows with the others (KeyRing::RewrapAll); meanwhile the box
// reads rows under the current or the previous master key.
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

#include "core/clock.hpp"
#include "ports/database.hpp"
#include "ports/package_sealer.hpp"
#include "security/data_key.hpp"
#include "security/master_key.hpp"

namespace opennrm::security {

inline constexpr const char* kPackageBoxKeySuffix = "/package-box";
inline constexpr unsigned char kSealedPackageFormat = 0x01;
// Bytes a sealed package adds to its plaintext.
inline constexpr std::size_t kSealedPackageOverhead = 1 + 4 + 80 + 24 + 16;

// The data_keys owner of an organisation's package key pair.
std::string PackageBoxKeyOwner(const std::string& organisation_id);

class PackageBox final : public ports::PackageSealer {
 public:
  PackageBox(ports::Database& db, const Clock& clock, MasterKey current,
             std::optional<MasterKey> previous = std::nullopt);

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
  // Loads every stored version of the organisation's key pair into the cache.
  Status Load(const std::string& organisation_id);
  // Creates version 1; kConflict if another server did first.
  Status CreateFirst(const std::string& organisation_id);
  Result<DataKey> Unwrap(const std::string& owner, int version, const std::string& wrapped,
                         const std::string& fingerprint) const;
  std::shared_ptr<const KeyPair> Cached(const std::string& organisation_id,
                                        std::optional<uint32_t> version) const;

  ports::Database& db_;
  const Clock& clock_;
  MasterKey current_;
  std::optional<MasterKey> previous_;
  std::string current_fp_;
  std::string previous_fp_;
  std::mutex load_mu_;  // one loader at a time; the cache has its own lock
  mutable std::mutex mu_;
  // organisation id -> its key pairs by version. GUARDED_BY(mu_)
  std::map<std::string, Versions> keys_;
};

}  // namespace opennrm::security
