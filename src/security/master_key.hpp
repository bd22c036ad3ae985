// The master key: 32 bytes that wrap every organisation's data keys (key_wrap.hpp).
//
// It is read from a key file outside the data directory and every backup, or from an environment
// variable (base64), and is held only in protected memory (SecureBuffer: guard pages, locked
// against swapping where allowed, read-only after loading, zeroed on destruction). Move-only.
// Thread-safe for concurrent reads once constructed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string_view>

#include "core/error.hpp"
#include "security/secure_buffer.hpp"

namespace opennrm::security {

class MasterKey {
 public:
  static constexpr std::size_t kSize = 32;

  // From a file of exactly 32 raw bytes that grants nothing to group or others (see
  // secret_file.hpp). kNotFound if missing, kInvalid (naming the path) if wrong.
  static Result<MasterKey> FromFile(const std::filesystem::path& path);

  // From the file, creating it with 32 fresh random bytes and mode 0600 if it does not exist.
  // `*created` (optional) says whether a new key was made, so the caller can tell the operator
  // to back it up: without it, every organisation's data is unreadable.
  static Result<MasterKey> LoadOrCreateFile(const std::filesystem::path& path,
                                            bool* created = nullptr);

  // From the value of environment variable `variable_name` (named in error messages; the value
  // never is): standard base64, padding optional, whitespace ignored, 32 bytes once decoded.
  static Result<MasterKey> FromBase64(std::string_view variable_name, std::string_view value);

  MasterKey(MasterKey&&) noexcept = default;
  MasterKey& operator=(MasterKey&&) noexcept = default;
  MasterKey(const MasterKey&) = delete;
  MasterKey& operator=(const MasterKey&) = delete;

  std::span<const unsigned char, kSize> bytes() const {
    return std::span<const unsigned char, kSize>(secret_.data(), kSize);
  }
  // Whether the key's memory is locked against swapping; worth a warning in the log if not.
  bool locked() const { return secret_.locked(); }

 private:
  explicit MasterKey(SecureBuffer secret) : secret_(std::move(secret)) {}
  SecureBuffer secret_;
};

}  // namespace opennrm::security
