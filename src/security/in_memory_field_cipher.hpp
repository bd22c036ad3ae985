// ports::FieldCipher over data keys held in memory: per organisation, a set of key versions and
// the current one. New values are sealed under the current version; values sealed under any
// version still loaded keep opening, so keys can be rotated without re-encrypting everything at
// once. A test double today, and the core the lead backs with wrapped keys from the database.
//
// Thread-safe: the key table is guarded by a shared mutex; encryption runs outside the lock on
// shared, immutable keys, so adding a key never waits for a long Seal or Open.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "ports/field_cipher.hpp"
#include "security/data_key.hpp"

namespace opennrm::security {

class InMemoryFieldCipher final : public ports::FieldCipher {
 public:
  // Adds version `version` of `organisation_id`'s data key, making it current if `make_current`.
  // kConflict if that version is already loaded (a version never changes its key); kInvalid for
  // an empty organisation id.
  Status AddKey(std::string organisation_id, uint32_t version, DataKey key,
                bool make_current = true);

  // The current key version of an organisation, if it has one.
  std::optional<uint32_t> CurrentVersion(std::string_view organisation_id) const;

  // kNotFound if the organisation has no current key.
  Result<std::string> Seal(const ports::FieldLocation& where, std::string_view plaintext) override;
  // kInvalid if the value was altered or moved or its key version is not loaded; kNotFound if
  // the organisation has no keys at all.
  Result<std::string> Open(const ports::FieldLocation& where, std::string_view sealed) override;

 private:
  struct OrganisationKeys {
    std::map<uint32_t, std::shared_ptr<const DataKey>> versions;
    std::optional<uint32_t> current;
  };

  mutable std::shared_mutex mu_;
  std::map<std::string, OrganisationKeys, std::less<>> keys_;  // GUARDED_BY(mu_)
};

}  // namespace opennrm::security
