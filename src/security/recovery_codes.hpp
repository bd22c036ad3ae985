// One-time recovery codes for an account whose TOTP device is lost.
//
// A code is 12 characters from Crockford's base32 alphabet in lower case (0–9 and a–z without
// i, l, o, u), shown as xxxx-xxxx-xxxx: 60 random bits. When read back, case, spaces and dashes
// are ignored and the look-alikes i, l → 1 and o → 0 are accepted. Only a keyed BLAKE2b-256 hash
// of each code is stored (lower-case hex); the key is a server-side pepper kept outside the
// database, so a stolen database cannot be used to test guesses offline.
//
// Pure functions apart from randomness; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace opennrm::security {

inline constexpr std::size_t kRecoveryCodeCount = 10;
inline constexpr std::size_t kMinPepperBytes = 16;
inline constexpr std::size_t kMaxPepperBytes = 64;

struct RecoveryCodes {
  std::vector<std::string> codes;   // show once to the user, never store
  std::vector<std::string> hashes;  // store; hashes[i] belongs to codes[i]
};

// `count` distinct new codes and their hashes under `pepper`. kInvalid if the pepper is shorter
// than 16 or longer than 64 bytes.
Result<RecoveryCodes> GenerateRecoveryCodes(std::span<const unsigned char> pepper,
                                            std::size_t count = kRecoveryCodeCount);

// The stored form of `code` (normalised first). kInvalid for the pepper as above, or for input
// that is not a well-formed code.
Result<std::string> HashRecoveryCode(std::span<const unsigned char> pepper, std::string_view code);

// The index in `stored_hashes` of the hash that `input` matches, or nullopt. Every stored hash is
// compared, in constant time, whatever matches. The caller deletes the used hash in the same
// transaction, so each code works once.
std::optional<std::size_t> MatchRecoveryCode(std::span<const unsigned char> pepper,
                                             std::string_view input,
                                             std::span<const std::string> stored_hashes);

// `input` as the 12 canonical characters, or nullopt if it is not a well-formed code.
std::optional<std::string> NormaliseRecoveryCode(std::string_view input);

}  // namespace opennrm::security
