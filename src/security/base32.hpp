// Base32 as RFC 4648 §6 defines it (alphabet A–Z, 2–7), as authenticator apps expect TOTP secrets.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace opennrm::security {

// Upper-case base32 of `bytes`, without '=' padding.
std::string Base32Encode(std::string_view bytes);

// The bytes spelled by `text`: either case, '=' padding optional (only at the end). nullopt for
// any other character, an impossible length, or non-zero unused trailing bits (so every byte
// string has exactly one accepted spelling, apart from case and padding).
std::optional<std::string> Base32Decode(std::string_view text);

}  // namespace opennrm::security
