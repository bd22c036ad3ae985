#include "security/master_key.hpp"

#include <sodium.h>

#include <algorithm>
#include <string>
#include <utility>

#include "security/secret_file.hpp"
#include "security/sodium_init.hpp"

namespace opennrm::security {

Result<MasterKey> MasterKey::FromFile(const std::filesystem::path& path) {
  auto secret = ReadSecretFile(path, kSize);
  if (!secret) return tl::unexpected(secret.error());
  return MasterKey(std::move(*secret));
}

Result<MasterKey> MasterKey::LoadOrCreateFile(const std::filesystem::path& path, bool* created) {
  auto loaded = LoadOrCreateSecretFile(path, kSize);
  if (!loaded) return tl::unexpected(loaded.error());
  if (created != nullptr) *created = loaded->created;
  return MasterKey(std::move(loaded->bytes));
}

namespace {

// Decodes standard base64 with or without padding, ignoring whitespace; false if malformed or
// longer than `out`.
bool DecodeBase64(std::string_view value, unsigned char* out, std::size_t out_size,
                  std::size_t* decoded) {
  for (int variant : {sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING}) {
    const char* end = nullptr;
    *decoded = 0;
    if (sodium_base642bin(out, out_size, value.data(), value.size(), " \t\r\n", decoded, &end,
                          variant) == 0 &&
        end == value.data() + value.size()) {
      return true;
    }
  }
  sodium_memzero(out, out_size);
  return false;
}

}  // namespace

Result<MasterKey> MasterKey::FromBase64(std::string_view variable_name, std::string_view value) {
  EnsureSodium();
  const std::string name(variable_name);
  // Room for longer values, so that a 48-byte key is reported as the wrong length, not as junk.
  constexpr std::size_t kScratch = 96;
  auto scratch = SecureBuffer::Allocate(kScratch);
  if (!scratch) return tl::unexpected(scratch.error());
  std::size_t decoded = 0;
  if (!DecodeBase64(value, scratch->data(), kScratch, &decoded)) {
    return Fail(ErrorCode::kInvalid,
                "Environment variable " + name + " is not valid base64 for a 32-byte key.");
  }
  if (decoded != kSize) {
    return Fail(ErrorCode::kInvalid, "Environment variable " + name +
                                         " must decode to exactly 32 bytes; it decodes to " +
                                         std::to_string(decoded) + ".");
  }
  auto exact = SecureBuffer::Allocate(kSize);
  if (!exact) return tl::unexpected(exact.error());
  std::copy(scratch->data(), scratch->data() + kSize, exact->data());
  exact->MakeReadOnly();
  return MasterKey(std::move(*exact));
}

}  // namespace opennrm::security
