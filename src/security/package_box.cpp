#include "security/package_box.hpp"

#include <sodium.h>

#include <limits>
#include <utility>

#include "security/sodium_init.hpp"

namespace opennrm::security {
namespace {

constexpr std::size_t kContentKey = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kSealedKey = crypto_box_SEALBYTES + kContentKey;
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kHeader = 1 + 4 + kSealedKey;  // everything before the nonce
static_assert(kSealedPackageOverhead == kHeader + kNonce + kTag);
static_assert(crypto_box_SECRETKEYBYTES == DataKey::kSize);
static_assert(crypto_box_PUBLICKEYBYTES == 32);
static_assert(crypto_scalarmult_BYTES == crypto_box_PUBLICKEYBYTES);
static_assert(crypto_scalarmult_SCALARBYTES == crypto_box_SECRETKEYBYTES);

// A content key on the stack, zeroed however the scope is left.
struct ContentKey {
  unsigned char bytes[kContentKey];
  ContentKey() = default;
  ContentKey(const ContentKey&) = delete;
  ContentKey& operator=(const ContentKey&) = delete;
  ~ContentKey() { sodium_memzero(bytes, sizeof bytes); }
};

void AppendU32(std::string& out, uint32_t v) {
  out += static_cast<char>((v >> 24) & 0xff);
  out += static_cast<char>((v >> 16) & 0xff);
  out += static_cast<char>((v >> 8) & 0xff);
  out += static_cast<char>(v & 0xff);
}

uint32_t ReadU32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

bool Fits(const std::string& s) { return s.size() <= std::numeric_limits<uint32_t>::max(); }

std::string AssociatedData(const std::string& organisation_id, const std::string& referral_id,
                           std::string_view header) {
  std::string ad = "opennrm/package/v1";
  for (const std::string* part : {&organisation_id, &referral_id}) {
    AppendU32(ad, static_cast<uint32_t>(part->size()));
    ad += *part;
  }
  ad.append(header);
  return ad;
}

auto CannotOpen() {
  return Invalid("sealed_package", "authentication",
                 "A referral package could not be decrypted: it was altered, is incomplete, or "
                 "was sealed for another organisation or referral.");
}

}  // namespace

PackageBox::PackageBox(KeyRing& keys) : keys_(keys) { EnsureSodium(); }

std::shared_ptr<const PackageBox::KeyPair> PackageBox::Cached(
    const std::string& organisation_id, std::optional<uint32_t> version) const {
  std::lock_guard lock(mu_);
  auto it = pairs_.find(organisation_id);
  if (it == pairs_.end() || it->second.empty()) return nullptr;
  if (!version) return it->second.rbegin()->second;
  auto v = it->second.find(*version);
  return v == it->second.end() ? nullptr : v->second;
}

Status PackageBox::Load(const std::string& organisation_id, bool create) {
  std::lock_guard load_lock(load_mu_);
  auto stored = keys_.OwnerKeys(PackageBoxKeyOwner(organisation_id), create);
  if (!stored) return tl::unexpected(stored.error());
  for (auto& k : *stored) {  // versions the ring checked to be positive
    const auto version = static_cast<uint32_t>(k.version);
    if (Cached(organisation_id, version)) continue;  // a version's key never changes
    std::array<unsigned char, 32> public_key{};
    if (crypto_scalarmult_base(public_key.data(), k.key.bytes().data()) != 0) {
      return Internal("A package public key could not be derived.");
    }
    auto pair = std::make_shared<const KeyPair>(KeyPair{version, std::move(k.key), public_key});
    std::lock_guard lock(mu_);
    pairs_[organisation_id].try_emplace(version, std::move(pair));
  }
  return Ok();
}

Result<std::shared_ptr<const PackageBox::KeyPair>> PackageBox::Current(
    const std::string& organisation_id) {
  if (auto pair = Cached(organisation_id, std::nullopt)) return pair;
  if (auto st = Load(organisation_id, true); !st) return tl::unexpected(st.error());
  if (auto pair = Cached(organisation_id, std::nullopt)) return pair;
  return Internal("The package key of " + organisation_id + " could not be created.");
}

Result<std::shared_ptr<const PackageBox::KeyPair>> PackageBox::Find(
    const std::string& organisation_id, uint32_t version) {
  if (auto pair = Cached(organisation_id, version)) return pair;
  // Versions are created in ascending order and loaded all together: one
  // below the latest loaded that is not cached does not exist.
  auto latest = Cached(organisation_id, std::nullopt);
  if (latest && version < latest->version) return std::shared_ptr<const KeyPair>();
  // A version created since we loaded (or an organisation not loaded yet).
  if (auto st = Load(organisation_id, false); !st) return tl::unexpected(st.error());
  return Cached(organisation_id, version);
}

Result<std::string> PackageBox::PublicKey(const std::string& organisation_id) {
  if (IsReservedOwner(organisation_id)) {
    return Invalid("organisation_id", "required", "A package key needs its organisation.");
  }
  auto pair = Current(organisation_id);
  if (!pair) return tl::unexpected(pair.error());
  return std::string(reinterpret_cast<const char*>((*pair)->public_key.data()),
                     (*pair)->public_key.size());
}

Result<std::string> PackageBox::Seal(const std::string& recipient_organisation_id,
                                     const std::string& referral_id, std::string_view plaintext) {
  if (IsReservedOwner(recipient_organisation_id) || !Fits(recipient_organisation_id)) {
    return Invalid("recipient_organisation_id", "required",
                   "A package can only be sealed to a recipient organisation.");
  }
  if (referral_id.empty() || !Fits(referral_id)) {
    return Invalid("referral_id", "required", "A package can only be sealed for a referral.");
  }
  if (plaintext.size() >
      crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX - kSealedPackageOverhead) {
    return Fail(ErrorCode::kTooLarge, "The package is too large to encrypt.");
  }
  auto pair = Current(recipient_organisation_id);
  if (!pair) return tl::unexpected(pair.error());

  std::string out;
  out.reserve(plaintext.size() + kSealedPackageOverhead);
  out += static_cast<char>(kSealedPackageFormat);
  AppendU32(out, (*pair)->version);
  out.resize(plaintext.size() + kSealedPackageOverhead);
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  unsigned char* sealed_key = p + 1 + 4;
  unsigned char* nonce = p + kHeader;

  ContentKey key;
  crypto_aead_xchacha20poly1305_ietf_keygen(key.bytes);
  if (crypto_box_seal(sealed_key, key.bytes, kContentKey, (*pair)->public_key.data()) != 0) {
    return Internal("Sealing a package key failed.");
  }
  randombytes_buf(nonce, kNonce);
  const std::string ad =
      AssociatedData(recipient_organisation_id, referral_id, std::string_view(out.data(), kHeader));
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonce, &written, Bytes(plaintext),
                                                 plaintext.size(), Bytes(ad), ad.size(), nullptr,
                                                 nonce, key.bytes) != 0 ||
      written != plaintext.size() + kTag) {
    sodium_memzero(out.data(), out.size());
    return Internal("Encrypting a package failed.");
  }
  return out;
}

Result<std::string> PackageBox::Open(const std::string& recipient_organisation_id,
                                     const std::string& referral_id, std::string_view sealed) {
  const auto* p = Bytes(sealed);
  if (sealed.size() < kSealedPackageOverhead || p[0] != kSealedPackageFormat) return CannotOpen();
  if (IsReservedOwner(recipient_organisation_id) || !Fits(recipient_organisation_id) ||
      referral_id.empty() || !Fits(referral_id)) {
    return CannotOpen();
  }
  const uint32_t version = ReadU32(p + 1);
  if (version < 1 || version > static_cast<uint32_t>(std::numeric_limits<int>::max())) {
    return CannotOpen();
  }
  auto pair = Find(recipient_organisation_id, version);
  if (!pair) return tl::unexpected(pair.error());  // the database, not the package
  if (!*pair) return CannotOpen();                 // no such key: another recipient's package

  ContentKey key;
  if (crypto_box_seal_open(key.bytes, p + 1 + 4, kSealedKey, (*pair)->public_key.data(),
                           (*pair)->secret.bytes().data()) != 0) {
    return CannotOpen();
  }
  const unsigned char* nonce = p + kHeader;
  const std::size_t cipher_size = sealed.size() - kHeader - kNonce;
  const std::string ad =
      AssociatedData(recipient_organisation_id, referral_id, sealed.substr(0, kHeader));
  std::string plain(cipher_size - kTag, '\0');
  unsigned long long written = 0;
  // An empty std::string still has a valid buffer, so data() is safe to pass for zero bytes.
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()),
                                                 &written, nullptr, nonce + kNonce, cipher_size,
                                                 Bytes(ad), ad.size(), nonce, key.bytes) != 0 ||
      written != plain.size()) {
    sodium_memzero(plain.data(), plain.size());
    return CannotOpen();
  }
  return plain;
}

}  // namespace opennrm::security
