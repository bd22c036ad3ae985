// Sealing of one personal-data field under an organisation's data key (the cryptography behind
// ports::FieldCipher).
//
// Sealed format: 0x01 || key_version (4 bytes, big-endian) || nonce (24 random bytes) ||
// XChaCha20-Poly1305-IETF ciphertext || 16-byte tag; 45 bytes of overhead.
// The associated data binds the value to where it is stored and to its key version:
//   "opennrm/field/v1" || for each of organisation id, table, column, record id:
//                         length (4 bytes, big-endian) || bytes
//                      || key_version (4 bytes, big-endian)
// Every component carries its length, so no two different locations give the same associated
// data ("a|b" + "c" differs from "a" + "b|c"). The record id must therefore be known before the
// value is sealed: ids are generated up front, never assigned by the database.
//
// Pure functions apart from the random nonce; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "ports/field_cipher.hpp"
#include "security/data_key.hpp"

namespace opennrm::security {

inline constexpr unsigned char kSealedFieldFormat = 0x01;
// Bytes a sealed value adds to its plaintext.
inline constexpr std::size_t kSealedFieldOverhead = 1 + 4 + 24 + 16;

// `plaintext` sealed under `key` (version `key_version`) for the field at `where`.
// kInvalid if any part of `where` is empty.
Result<std::string> Seal(const DataKey& key, uint32_t key_version,
                         const ports::FieldLocation& where, std::string_view plaintext);

// The plaintext of a value sealed by Seal with the same key, version and location. kInvalid —
// with one message for every cause, so failures reveal nothing — if it was altered, truncated,
// moved to another location, sealed under another key or version, or is not in this format.
Result<std::string> Open(const DataKey& key, uint32_t key_version,
                         const ports::FieldLocation& where, std::string_view sealed);

// The key version a sealed value names in its header, so the caller can fetch that key (old
// versions stay readable after rotation). Not authenticated until Open succeeds. kInvalid if the
// value is too short or not in this format.
Result<uint32_t> KeyVersionOf(std::string_view sealed);

}  // namespace opennrm::security
