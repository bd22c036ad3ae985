#include "security/data_key.hpp"

#include <sodium.h>

#include <utility>

namespace opennrm::security {

Result<DataKey> DataKey::Generate() {
  auto secret = SecureBuffer::Allocate(kSize);  // initialises libsodium
  if (!secret) return tl::unexpected(secret.error());
  crypto_aead_xchacha20poly1305_ietf_keygen(secret->data());
  secret->MakeReadOnly();
  return DataKey(std::move(*secret));
}

Result<DataKey> DataKey::Adopt(SecureBuffer bytes) {
  if (bytes.size() != kSize) return Internal("A data key must be exactly 32 bytes.");
  bytes.MakeReadOnly();
  return DataKey(std::move(bytes));
}

}  // namespace opennrm::security
