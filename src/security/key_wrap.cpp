#include "security/key_wrap.hpp"

#include <sodium.h>

#include <utility>

#include "security/sodium_init.hpp"

namespace opennrm::security {
namespace {

constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kWrappedSize = 1 + kNonce + DataKey::kSize + kTag;

static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == MasterKey::kSize);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == DataKey::kSize);

std::string AssociatedData(std::string_view organisation_id, uint32_t key_version) {
  std::string ad = "opennrm/key/v1|";
  ad.append(organisation_id);
  ad += '|';
  ad += std::to_string(key_version);
  return ad;
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Result<std::string> WrapDataKey(const MasterKey& master, std::string_view organisation_id,
                                uint32_t key_version, const DataKey& key) {
  EnsureSodium();
  if (organisation_id.empty()) {
    return Invalid("organisation_id", "required", "A data key must belong to an organisation.");
  }
  const std::string ad = AssociatedData(organisation_id, key_version);
  std::string out(kWrappedSize, '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  p[0] = kWrappedKeyFormat;
  unsigned char* nonce = p + 1;
  randombytes_buf(nonce, kNonce);
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_encrypt(p + 1 + kNonce, &written, key.bytes().data(),
                                                 DataKey::kSize, Bytes(ad), ad.size(), nullptr,
                                                 nonce, master.bytes().data()) != 0 ||
      written != DataKey::kSize + kTag) {
    sodium_memzero(out.data(), out.size());
    return Internal("Wrapping a data key failed.");
  }
  return out;
}

Result<DataKey> UnwrapDataKey(const MasterKey& master, std::string_view organisation_id,
                              uint32_t key_version, std::string_view wrapped) {
  EnsureSodium();
  const auto* p = Bytes(wrapped);
  if (wrapped.size() != kWrappedSize || p[0] != kWrappedKeyFormat) {
    return Invalid("wrapped_key", "format", "A stored data key is not in a known format.");
  }
  auto secret = SecureBuffer::Allocate(DataKey::kSize);
  if (!secret) return tl::unexpected(secret.error());
  const std::string ad = AssociatedData(organisation_id, key_version);
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(secret->data(), &written, nullptr, p + 1 + kNonce,
                                                 DataKey::kSize + kTag, Bytes(ad), ad.size(), p + 1,
                                                 master.bytes().data()) != 0 ||
      written != DataKey::kSize) {
    return Invalid("wrapped_key", "authentication",
                   "A stored data key does not open under this master key for organisation " +
                       std::string(organisation_id) + ", version " + std::to_string(key_version) +
                       ".");
  }
  return DataKey::Adopt(std::move(*secret));
}

}  // namespace opennrm::security
