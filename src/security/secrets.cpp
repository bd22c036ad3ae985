#include "security/secrets.hpp"

#include <sodium.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "security/recovery_codes.hpp"
#include "security/sodium_init.hpp"

namespace opennrm::security {

namespace {

constexpr char kContext[crypto_kdf_CONTEXTBYTES] = {'o', 'p', 'e', 'n', 'n', 'r', 'm', 's'};

Result<SecureBuffer> Derive(const DataKey& master, uint64_t id) {
  auto buf = SecureBuffer::Allocate(32);
  if (!buf) return buf;
  crypto_kdf_derive_from_key(buf->data(), buf->size(), id, kContext, master.bytes().data());
  return buf;
}

}  // namespace

Result<std::unique_ptr<SodiumSecrets>> SodiumSecrets::Create(const DataKey& platform_secret) {
  EnsureSodium();
  auto digest = Derive(platform_secret, 1);
  if (!digest) return tl::unexpected(digest.error());
  auto pepper = Derive(platform_secret, 2);
  if (!pepper) return tl::unexpected(pepper.error());
  digest->MakeReadOnly();
  pepper->MakeReadOnly();
  return std::unique_ptr<SodiumSecrets>(new SodiumSecrets(std::move(*digest), std::move(*pepper)));
}

std::string SodiumSecrets::NewToken(int bytes) {
  std::vector<unsigned char> raw(static_cast<size_t>(std::clamp(bytes, 16, 64)));
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_encoded_len(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0') == std::string::npos ? out.size() : out.find('\0'));
  sodium_memzero(raw.data(), raw.size());
  return out;
}

std::string SodiumSecrets::NewOneTimePassword() {
  // Crockford-like: no 0/o, 1/l/i, u.
  static constexpr std::string_view kAlphabet = "23456789abcdefghjkmnpqrstvwxyz";
  std::string out;
  for (int group = 0; group < 4; ++group) {
    if (group) out.push_back('-');
    for (int i = 0; i < 4; ++i) {
      out.push_back(kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))]);
    }
  }
  return out;
}

std::string SodiumSecrets::Digest(std::string_view purpose, std::string_view value) const {
  crypto_generichash_state st;
  crypto_generichash_init(&st, digest_key_.data(), digest_key_.size(), 32);
  // Length-prefixed purpose, so ("ab","c") and ("a","bc") differ.
  unsigned char len = static_cast<unsigned char>(std::min<size_t>(purpose.size(), 255));
  crypto_generichash_update(&st, &len, 1);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(purpose.data()), len);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(value.data()),
                            value.size());
  unsigned char out[32];
  crypto_generichash_final(&st, out, sizeof out);
  std::string hex(64, '\0');
  sodium_bin2hex(hex.data(), hex.size() + 1, out, sizeof out);
  return hex;
}

Result<ports::Secrets::RecoveryCodes> SodiumSecrets::NewRecoveryCodes() {
  auto made = GenerateRecoveryCodes(pepper_.bytes());
  if (!made) return tl::unexpected(made.error());
  return RecoveryCodes{std::move(made->codes), std::move(made->hashes)};
}

std::optional<std::string> SodiumSecrets::RecoveryCodeHash(std::string_view input) const {
  auto h = HashRecoveryCode(pepper_.bytes(), input);
  if (!h) return std::nullopt;
  return *h;
}

}  // namespace opennrm::security
