// Encryption of fields that identify or describe a person (security core).
// Each value is sealed with XChaCha20-Poly1305 under the owning
// organisation's data key; the ciphertext is bound to where it is stored
// (table, column, record id) and to the key version as associated data, so a
// ciphertext moved to another record or column does not open. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace opennrm::ports {

// Where a sealed value lives: the associated data of its encryption.
struct FieldLocation {
  std::string organisation_id;
  std::string table;
  std::string column;
  std::string record_id;
};

class FieldCipher {
 public:
  virtual ~FieldCipher() = default;
  // Seals `plaintext` under the organisation's current data key. The result
  // is self-describing binary (format version, key version, nonce, ciphertext).
  virtual Result<std::string> Seal(const FieldLocation& where, std::string_view plaintext) = 0;
  // Opens a value sealed at exactly `where`; kInvalid if it was tampered with,
  // moved, or sealed for another organisation.
  virtual Result<std::string> Open(const FieldLocation& where, std::string_view sealed) = 0;
};

}  // namespace opennrm::ports
