// An organisation's data key: the 32-byte XChaCha20-Poly1305 key that seals the organisation's
// personal-data fields (field_sealer.hpp). At rest it exists only wrapped by the master key
// (key_wrap.hpp); in memory it lives in protected memory (SecureBuffer), read-only, zeroed on
// destruction. Move-only. Thread-safe for concurrent reads.
#pragma once

#include <cstddef>
#include <span>

#include "core/error.hpp"
#include "security/secure_buffer.hpp"

namespace opennrm::security {

class DataKey {
 public:
  static constexpr std::size_t kSize = 32;

  // A fresh random key.
  static Result<DataKey> Generate();

  // Takes over a filled 32-byte buffer (used when unwrapping). kInternal on another size.
  static Result<DataKey> Adopt(SecureBuffer bytes);

  DataKey(DataKey&&) noexcept = default;
  DataKey& operator=(DataKey&&) noexcept = default;
  DataKey(const DataKey&) = delete;
  DataKey& operator=(const DataKey&) = delete;

  std::span<const unsigned char, kSize> bytes() const {
    return std::span<const unsigned char, kSize>(secret_.data(), kSize);
  }

 private:
  explicit DataKey(SecureBuffer secret) : secret_(std::move(secret)) {}
  SecureBuffer secret_;
};

}  // namespace opennrm::security
