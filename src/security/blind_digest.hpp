// The keyed digest behind the blind index (ports/blind_index.hpp): HMAC-SHA-256
// (libsodium) under an organisation's 32-byte index key, of a fixed context
// string followed by the input, as 64 lower-case hex digits. The context
// keeps these digests apart from any other HMAC a key might ever be used for.
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace opennrm::security {

inline constexpr std::string_view kBlindDigestContext = "opennrm/blind-index/v1|";

// HMAC-SHA-256(key, kBlindDigestContext || input) in lower-case hex.
std::string BlindDigest(std::span<const unsigned char, 32> key, std::string_view input);

}  // namespace opennrm::security
