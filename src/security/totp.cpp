#include "security/totp.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <mutex>

#include "security/base32.hpp"
#include "security/qr_svg.hpp"
#include "security/sodium_init.hpp"

namespace opennrm::security {
namespace {

constexpr std::size_t kMinSecretBytes = 16;  // RFC 4226 §4 R6: at least 128 bits
constexpr std::size_t kMaxSecretBytes = 64;

void EnsureOath() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (oath_init() != OATH_OK) {
      std::fputs("opennrm: liboath could not be initialised; refusing to run without it\n", stderr);
      std::abort();
    }
  });
}

bool SixDigits(std::string_view code) {
  if (code.size() != static_cast<std::size_t>(OathTotp::kDigits)) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The decoded secret, wiped when it goes out of scope.
class Secret {
 public:
  explicit Secret(std::string_view base32) {
    auto decoded = Base32Decode(base32);
    if (decoded) bytes_ = std::move(*decoded);
    ok_ = bytes_.size() >= kMinSecretBytes && bytes_.size() <= kMaxSecretBytes;
  }
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  ~Secret() { sodium_memzero(bytes_.data(), bytes_.size()); }
  bool ok() const { return ok_; }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  bool ok_ = false;
};

// Writes the code of `step` into `out` (kDigits + NUL); false on failure.
bool Generate(const Secret& secret, long long step, char* out) {
  if (step < 0 || step > std::numeric_limits<time_t>::max() / OathTotp::kPeriodSeconds) {
    return false;
  }
  const auto when = static_cast<time_t>(step * OathTotp::kPeriodSeconds);
  return oath_totp_generate(secret.bytes().data(), secret.bytes().size(), when,
                            OathTotp::kPeriodSeconds, OATH_TOTP_DEFAULT_START_TIME,
                            OathTotp::kDigits, out) == OATH_OK;
}

}  // namespace

OathTotp::OathTotp() {
  EnsureSodium();
  EnsureOath();
}

std::string OathTotp::NewSecret() {
  EnsureSodium();
  std::string bytes(kSecretBytes, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  std::string encoded = Base32Encode(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return encoded;
}

std::optional<long long> OathTotp::Match(std::string_view base32_secret, std::string_view code,
                                         TimePoint now) {
  if (!SixDigits(code)) return std::nullopt;
  const Secret secret(base32_secret);
  if (!secret.ok()) return std::nullopt;
  const long long seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  if (seconds < 0) return std::nullopt;
  const long long step = seconds / kPeriodSeconds;
  std::optional<long long> matched;
  // All three candidates are computed and compared every time; the current step wins a tie.
  for (long long candidate : {step, step - 1, step + 1}) {
    char expected[kDigits + 1] = {};
    const bool made = Generate(secret, candidate, expected);
    const bool equal = sodium_memcmp(expected, code.data(), kDigits) == 0;
    sodium_memzero(expected, sizeof expected);
    if (made && equal && !matched) matched = candidate;
  }
  return matched;
}

std::optional<std::string> OathTotp::CodeAt(std::string_view base32_secret, long long step) {
  EnsureOath();
  const Secret secret(base32_secret);
  if (!secret.ok()) return std::nullopt;
  char out[kDigits + 1] = {};
  if (!Generate(secret, step, out)) return std::nullopt;
  return std::string(out, kDigits);
}

std::string OathTotp::ProvisioningUri(std::string_view issuer, std::string_view account,
                                      std::string_view base32_secret) {
  return "otpauth://totp/" + PercentEncode(issuer) + ":" + PercentEncode(account) +
         "?secret=" + PercentEncode(base32_secret) + "&issuer=" + PercentEncode(issuer) +
         "&algorithm=SHA1&digits=" + std::to_string(kDigits) +
         "&period=" + std::to_string(kPeriodSeconds);
}

Result<std::string> OathTotp::QrSvg(std::string_view uri) { return RenderQrSvg(uri); }

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace opennrm::security
