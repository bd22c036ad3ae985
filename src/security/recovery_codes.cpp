#include "security/recovery_codes.hpp"

#include <sodium.h>

#include <algorithm>

#include "security/sodium_init.hpp"

namespace opennrm::security {
namespace {

constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";  // 32 symbols
constexpr std::size_t kCodeChars = 12;
constexpr std::string_view kDomain = "opennrm/recovery-code/v1|";
static_assert(sizeof kAlphabet - 1 == 32);

bool PepperOk(std::span<const unsigned char> pepper) {
  return pepper.size() >= kMinPepperBytes && pepper.size() <= kMaxPepperBytes &&
         pepper.size() >= crypto_generichash_KEYBYTES_MIN &&
         pepper.size() <= crypto_generichash_KEYBYTES_MAX;
}

auto BadPepper() {
  return Invalid("pepper", "length", "The recovery-code pepper must be 16 to 64 bytes.");
}

// Hex BLAKE2b-256 of the domain label and the canonical code, keyed by the pepper.
std::string Digest(std::span<const unsigned char> pepper, std::string_view canonical) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash_state state;
  crypto_generichash_init(&state, pepper.data(), pepper.size(), sizeof hash);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kDomain.data()),
                            kDomain.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(canonical.data()),
                            canonical.size());
  crypto_generichash_final(&state, hash, sizeof hash);
  sodium_memzero(&state, sizeof state);
  char hex[2 * sizeof hash + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return std::string(hex, 2 * sizeof hash);
}

std::string Display(std::string_view canonical) {
  return std::string(canonical.substr(0, 4)) + "-" + std::string(canonical.substr(4, 4)) + "-" +
         std::string(canonical.substr(8, 4));
}

}  // namespace

std::optional<std::string> NormaliseRecoveryCode(std::string_view input) {
  std::string out;
  out.reserve(kCodeChars);
  for (char ch : input) {
    if (ch == ' ' || ch == '-' || ch == '\t') continue;
    char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if (c == 'i' || c == 'l') c = '1';
    if (c == 'o') c = '0';
    if (std::find(kAlphabet, kAlphabet + 32, c) == kAlphabet + 32) return std::nullopt;
    if (out.size() == kCodeChars) return std::nullopt;
    out += c;
  }
  if (out.size() != kCodeChars) return std::nullopt;
  return out;
}

Result<RecoveryCodes> GenerateRecoveryCodes(std::span<const unsigned char> pepper,
                                            std::size_t count) {
  EnsureSodium();
  if (!PepperOk(pepper)) return BadPepper();
  RecoveryCodes result;
  std::vector<std::string> canonical;
  while (canonical.size() < count) {
    unsigned char random[kCodeChars];
    randombytes_buf(random, sizeof random);
    std::string code(kCodeChars, '\0');
    for (std::size_t i = 0; i < kCodeChars; ++i) code[i] = kAlphabet[random[i] & 31];  // unbiased
    sodium_memzero(random, sizeof random);
    if (std::find(canonical.begin(), canonical.end(), code) != canonical.end()) continue;
    canonical.push_back(std::move(code));
  }
  for (const std::string& code : canonical) {
    result.codes.push_back(Display(code));
    result.hashes.push_back(Digest(pepper, code));
  }
  return result;
}

Result<std::string> HashRecoveryCode(std::span<const unsigned char> pepper, std::string_view code) {
  EnsureSodium();
  if (!PepperOk(pepper)) return BadPepper();
  auto canonical = NormaliseRecoveryCode(code);
  if (!canonical) return Invalid("code", "format", "That is not a recovery code.");
  return Digest(pepper, *canonical);
}

std::optional<std::size_t> MatchRecoveryCode(std::span<const unsigned char> pepper,
                                             std::string_view input,
                                             std::span<const std::string> stored_hashes) {
  EnsureSodium();
  if (!PepperOk(pepper)) return std::nullopt;
  auto canonical = NormaliseRecoveryCode(input);
  if (!canonical) return std::nullopt;
  const std::string digest = Digest(pepper, *canonical);
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < stored_hashes.size(); ++i) {
    const std::string& stored = stored_hashes[i];
    const bool equal = stored.size() == digest.size() &&
                       sodium_memcmp(stored.data(), digest.data(), digest.size()) == 0;
    if (equal && !found) found = i;
  }
  return found;
}

}  // namespace opennrm::security
