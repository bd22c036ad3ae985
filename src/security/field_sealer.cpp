#include "security/field_sealer.hpp"

#include <sodium.h>

#include <limits>

#include "security/sodium_init.hpp"

namespace opennrm::security {
namespace {

constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kHeader = 1 + 4;
static_assert(kSealedFieldOverhead == kHeader + kNonce + kTag);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == DataKey::kSize);

void AppendU32(std::string& out, uint32_t v) {
  out += static_cast<char>((v >> 24) & 0xff);
  out += static_cast<char>((v >> 16) & 0xff);
  out += static_cast<char>((v >> 8) & 0xff);
  out += static_cast<char>(v & 0xff);
}

uint32_t ReadU32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

bool Complete(const ports::FieldLocation& w) {
  return !w.organisation_id.empty() && !w.table.empty() && !w.column.empty() &&
         !w.record_id.empty();
}

bool Fits(const ports::FieldLocation& w) {
  constexpr std::size_t kMax = std::numeric_limits<uint32_t>::max();
  return w.organisation_id.size() <= kMax && w.table.size() <= kMax && w.column.size() <= kMax &&
         w.record_id.size() <= kMax;
}

std::string AssociatedData(const ports::FieldLocation& w, uint32_t key_version) {
  std::string ad = "opennrm/field/v1";
  for (const std::string* part : {&w.organisation_id, &w.table, &w.column, &w.record_id}) {
    AppendU32(ad, static_cast<uint32_t>(part->size()));
    ad += *part;
  }
  AppendU32(ad, key_version);
  return ad;
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

auto CannotOpen() {
  return Invalid("sealed_value", "authentication",
                 "A stored value could not be decrypted: it was altered, moved, or sealed with "
                 "another key.");
}

}  // namespace

Result<std::string> Seal(const DataKey& key, uint32_t key_version,
                         const ports::FieldLocation& where, std::string_view plaintext) {
  EnsureSodium();
  if (!Complete(where) || !Fits(where)) {
    return Invalid(
        "field_location", "required",
        "A field can only be sealed for a known organisation, table, column and record.");
  }
  if (plaintext.size() >
      crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX - kSealedFieldOverhead) {
    return Fail(ErrorCode::kTooLarge, "The value is too large to encrypt.");
  }
  const std::string ad = AssociatedData(where, key_version);
  std::string out;
  out.reserve(plaintext.size() + kSealedFieldOverhead);
  out += static_cast<char>(kSealedFieldFormat);
  AppendU32(out, key_version);
  out.resize(plaintext.size() + kSealedFieldOverhead);
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  unsigned char* nonce = p + kHeader;
  randombytes_buf(nonce, kNonce);
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonce, &written, Bytes(plaintext),
                                                 plaintext.size(), Bytes(ad), ad.size(), nullptr,
                                                 nonce, key.bytes().data()) != 0 ||
      written != plaintext.size() + kTag) {
    sodium_memzero(out.data(), out.size());
    return Internal("Encrypting a field failed.");
  }
  return out;
}

Result<std::string> Open(const DataKey& key, uint32_t key_version,
                         const ports::FieldLocation& where, std::string_view sealed) {
  EnsureSodium();
  auto named = KeyVersionOf(sealed);
  if (!named || *named != key_version || !Complete(where) || !Fits(where)) return CannotOpen();
  const auto* p = Bytes(sealed);
  const unsigned char* nonce = p + kHeader;
  const std::size_t cipher_size = sealed.size() - kHeader - kNonce;
  const std::string ad = AssociatedData(where, key_version);
  std::string plain(cipher_size - kTag, '\0');
  unsigned long long written = 0;
  // An empty std::string still has a valid buffer, so data() is safe to pass for zero bytes.
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &written, nullptr, nonce + kNonce,
          cipher_size, Bytes(ad), ad.size(), nonce, key.bytes().data()) != 0 ||
      written != plain.size()) {
    sodium_memzero(plain.data(), plain.size());
    return CannotOpen();
  }
  return plain;
}

Result<uint32_t> KeyVersionOf(std::string_view sealed) {
  if (sealed.size() < kSealedFieldOverhead ||
      static_cast<unsigned char>(sealed[0]) != kSealedFieldFormat) {
    return Invalid("sealed_value", "format", "A stored value is not in a known encrypted format.");
  }
  return ReadU32(Bytes(sealed) + 1);
}

}  // namespace opennrm::security
