// The database-backed key ring (security core): every organisation's data
// keys, stored only wrapped by the master key, unwrapped on first use and
// kept in protected memory. A ports::FieldCipher: sealing for an organisation
// without a key creates its first one. During a master-key change a server
// also holds the previous master key, so it can read keys not yet re-wrapped;
// `RewrapAll` then moves every key to the current master key while servers
// keep running (docs/ops/keys.md).
//
// The platform's own secret (for keyed digests of tokens and recovery codes)
// is kept the same way, under the reserved organisation id "platform".
//
// It is also the ports::BlindIndex: each organisation's index key is a single
// key (version 1, never a new version) under the owner
// "<organisation id>/blind-index", wrapped and re-wrapped like the others.
// A new index key would orphan every stored digest, so NewDataKeyVersions
// leaves it alone and nothing here replaces it.
//
// It also stores and unwraps each organisation's package keys (the owner
// "<organisation id>/package-box", versioned) for the package box
// (package_box.hpp), so that a server holds its master key in one place.
// OwnerKeys hands them out; the ring keeps no copy of them, and its field
// cipher never serves them.
//
// Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "ports/blind_index.hpp"
#include "ports/database.hpp"
#include "ports/field_cipher.hpp"
#include "security/data_key.hpp"
#include "security/in_memory_field_cipher.hpp"
#include "security/master_key.hpp"

namespace opennrm::security {

inline constexpr const char* kPlatformKeyOwner = "platform";
inline constexpr const char* kBlindIndexKeySuffix = "/blind-index";
inline constexpr const char* kPackageBoxKeySuffix = "/package-box";

// Whether `organisation_id` is an owner the key ring keeps for itself (empty,
// "platform", or any owner with a '/', i.e. an organisation's key for one
// purpose): no organisation seals, digests or receives packages as one.
bool IsReservedOwner(const std::string& organisation_id);

// The data_keys owner of an organisation's blind-index key.
std::string BlindIndexKeyOwner(const std::string& organisation_id);

// The data_keys owner of an organisation's package key pair.
std::string PackageBoxKeyOwner(const std::string& organisation_id);

// A short public name of a master key (hex), stored beside what it wrapped.
std::string Fingerprint(const MasterKey& key);

struct RewrapReport {
  int rewrapped = 0;        // moved from the previous master key to the current one
  int already_current = 0;  // wrapped under the current master key before
  int unreadable = 0;       // under neither key: an error to investigate
};

// One stored version of an owner's key, unwrapped.
struct OwnerKey {
  int version = 0;
  DataKey key;
};

class KeyRing final : public ports::FieldCipher, public ports::BlindIndex {
 public:
  KeyRing(ports::Database& db, const Clock& clock, MasterKey current,
          std::optional<MasterKey> previous = std::nullopt);

  Result<std::string> Seal(const ports::FieldLocation& where, std::string_view plaintext) override;
  // As the port; kInvalid for a reserved owner, before any key is loaded.
  Result<std::string> Open(const ports::FieldLocation& where, std::string_view sealed) override;

  // Digests under the organisation's index key, created on first use and then
  // cached. An empty list touches nothing. kInvalid for a reserved owner.
  Result<std::vector<std::string>> Digests(const std::string& organisation_id,
                                           const std::vector<std::string>& inputs) override;

  // The platform secret, created on first use.
  Result<DataKey> PlatformSecret();

  // Every stored version of `owner`'s key, unwrapped, ascending; if it has
  // none and `create`, version 1 is made first (or read back if another
  // server made it), in a unit of work of its own. Nothing is cached here: the
  // caller keeps what it needs. kInvalid unless `owner` is
  // "<organisation id>/package-box" of a non-reserved organisation: the ring's
  // own keys (data keys, blind-index keys, platform secret) never leave it.
  Result<std::vector<OwnerKey>> OwnerKeys(const std::string& owner, bool create);

  // Re-wraps every key still under the previous master key.
  Result<RewrapReport> RewrapAll();
  // Starts a new version of every organisation's data key and package key
  // that exists: new values and packages are sealed under it, older ones keep
  // opening. Returns how many organisations got at least one. Neither the
  // platform secret nor any blind-index key gets a new version. Only data
  // keys are loaded into the field cipher; a running package box picks up its
  // new version when it next loads the organisation's keys (at the latest
  // after a restart).
  Result<int> NewDataKeyVersions();

  std::string current_fingerprint() const { return current_fp_; }

 private:
  Result<DataKey> Unwrap(const ports::WrappedDataKey& k) const;
  // Loads every stored version of the organisation's keys into the cache.
  Status Load(const std::string& organisation_id);
  // Creates version `version` of the organisation's key; kConflict if another
  // server did first.
  Status Create(const std::string& organisation_id, int version);
  // Every stored row of `owner`, ascending versions; if there is none and
  // `create`, version 1 is created first. Each step in a unit of work of its own.
  Result<std::vector<ports::WrappedDataKey>> Rows(const std::string& owner, bool create);
  // The one key (version 1) of a single-key owner, created if missing.
  Result<DataKey> SingleKey(const std::string& owner);

  ports::Database& db_;
  const Clock& clock_;
  MasterKey current_;
  std::optional<MasterKey> previous_;
  std::string current_fp_;
  std::string previous_fp_;
  std::mutex load_mu_;  // one loader at a time; the cache has its own lock
  InMemoryFieldCipher cache_;
  std::mutex index_mu_;
  // organisation id -> its blind-index key. GUARDED_BY(index_mu_)
  std::map<std::string, std::shared_ptr<const DataKey>> index_keys_;
};

}  // namespace opennrm::security
