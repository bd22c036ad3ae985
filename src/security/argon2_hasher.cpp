#include "security/argon2_hasher.hpp"

#include <sodium.h>

#include <cstdint>
#include <optional>

#include "security/sodium_init.hpp"

namespace opennrm::security {
namespace {

// The decimal number that follows `key` in `encoded` (e.g. "$m=" → 65536), capped so that it
// cannot overflow; nullopt if `key` is absent or not followed by a digit.
std::optional<std::uint64_t> ParameterAfter(std::string_view encoded, std::string_view key) {
  const auto at = encoded.find(key);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t i = at + key.size();
  if (i >= encoded.size() || encoded[i] < '0' || encoded[i] > '9') return std::nullopt;
  std::uint64_t value = 0;
  for (; i < encoded.size() && encoded[i] >= '0' && encoded[i] <= '9'; ++i) {
    value = value * 10 + static_cast<std::uint64_t>(encoded[i] - '0');
    if (value > (std::uint64_t{1} << 40)) return value;  // absurd already; stop before overflow
  }
  return value;
}

}  // namespace

Result<std::unique_ptr<Argon2Hasher>> Argon2Hasher::Create(const Argon2Params& params) {
  EnsureSodium();
  if (params.opslimit < crypto_pwhash_OPSLIMIT_MIN ||
      params.opslimit > crypto_pwhash_OPSLIMIT_MAX) {
    return Invalid("opslimit", "range", "The Argon2 operations limit is out of range.");
  }
  if (params.memlimit < crypto_pwhash_MEMLIMIT_MIN ||
      params.memlimit > crypto_pwhash_MEMLIMIT_MAX) {
    return Invalid("memlimit", "range", "The Argon2 memory limit is out of range.");
  }
  if (params.max_stored_opslimit < params.opslimit ||
      params.max_stored_memlimit < params.memlimit) {
    return Invalid("max_stored_memlimit", "range",
                   "The ceilings for stored password hashes must not be below today's cost.");
  }
  if (params.limits.max_concurrent == 0) {
    return Invalid("max_concurrent", "range", "At least one password hash must be able to run.");
  }
  return std::unique_ptr<Argon2Hasher>(new Argon2Hasher(params));
}

void Argon2Hasher::Enter() {
  const int now = running_.fetch_add(1) + 1;
  int seen = high_water_.load();
  while (now > seen && !high_water_.compare_exchange_weak(seen, now)) {
  }
}

Result<std::string> Argon2Hasher::Hash(std::string_view password) {
  auto permit = limiter_.Acquire();
  if (!permit) return tl::unexpected(permit.error());
  char out[crypto_pwhash_STRBYTES];
  Enter();
  const int rc = crypto_pwhash_str_alg(out, password.data(), password.size(), params_.opslimit,
                                       params_.memlimit, crypto_pwhash_ALG_ARGON2ID13);
  Leave();
  if (rc != 0) {
    // Out of memory, or a password longer than Argon2 accepts (4 GiB).
    return Fail(ErrorCode::kUnavailable, "The password could not be hashed right now.");
  }
  return std::string(out);
}

Result<bool> Argon2Hasher::Verify(std::string_view encoded, std::string_view password) {
  // libsodium reads a C string: an embedded NUL would make it check only a prefix.
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES ||
      encoded.find('\0') != std::string_view::npos) {
    return false;
  }
  // A stored hash names its own cost; an edited row could ask for gigabytes or hours.
  const auto m_kib = ParameterAfter(encoded, "$m=");
  const auto t = ParameterAfter(encoded, ",t=");
  if ((m_kib && *m_kib > params_.max_stored_memlimit / 1024) ||
      (t && *t > params_.max_stored_opslimit)) {
    return Internal("A stored password hash asks for more work than this server allows.");
  }
  auto permit = limiter_.Acquire();
  if (!permit) return tl::unexpected(permit.error());
  const std::string c_string(encoded);
  Enter();
  const int rc = crypto_pwhash_str_verify(c_string.c_str(), password.data(), password.size());
  Leave();
  return rc == 0;
}

bool Argon2Hasher::NeedsRehash(std::string_view encoded) const {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES ||
      encoded.find('\0') != std::string_view::npos) {
    return true;
  }
  const std::string c_string(encoded);
  // The Argon2id-specific check also flags Argon2i hashes, which the generic one would accept.
  return crypto_pwhash_argon2id_str_needs_rehash(c_string.c_str(), params_.opslimit,
                                                 params_.memlimit) != 0;
}

}  // namespace opennrm::security
