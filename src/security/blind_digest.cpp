#include "security/blind_digest.hpp"

#include <sodium.h>

#include "security/sodium_init.hpp"

namespace opennrm::security {

std::string BlindDigest(std::span<const unsigned char, 32> key, std::string_view input) {
  static_assert(crypto_auth_hmacsha256_BYTES == 32);
  EnsureSodium();
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key.data(), key.size());
  crypto_auth_hmacsha256_update(&state,
                                reinterpret_cast<const unsigned char*>(kBlindDigestContext.data()),
                                kBlindDigestContext.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(input.data()),
                                input.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  sodium_memzero(&state, sizeof state);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string(hex, crypto_auth_hmacsha256_BYTES * 2);
}

}  // namespace opennrm::security
