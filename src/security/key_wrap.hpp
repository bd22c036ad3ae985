// Wrapping of organisation data keys under the master key, for storage in the database.
//
// Format (73 bytes): 0x01 || nonce (24 random bytes) || XChaCha20-Poly1305-IETF ciphertext of the
// 32-byte data key with its 16-byte tag. The associated data is
// "opennrm/key/v1|<organisation_id>|<key_version>" with the version in decimal: a wrapped key
// copied to another organisation's row, or relabelled as another version, does not unwrap. (The
// string is unambiguous although organisation ids are free text: the version is the canonical
// decimal after the last '|'.)
//
// Pure functions apart from the random nonce; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "security/data_key.hpp"
#include "security/master_key.hpp"

namespace opennrm::security {

inline constexpr unsigned char kWrappedKeyFormat = 0x01;

// The bytes to store for `key`, version `key_version` of organisation `organisation_id`.
// kInvalid for an empty organisation id.
Result<std::string> WrapDataKey(const MasterKey& master, std::string_view organisation_id,
                                uint32_t key_version, const DataKey& key);

// The data key inside `wrapped`. kInvalid if it was made under another master key, for another
// organisation or version, was altered, or is not in this format.
Result<DataKey> UnwrapDataKey(const MasterKey& master, std::string_view organisation_id,
                              uint32_t key_version, std::string_view wrapped);

}  // namespace opennrm::security
