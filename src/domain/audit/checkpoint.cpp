#include "domain/audit/checkpoint.hpp"

#include <sodium.h>

#include <charconv>
#include <cstdio>

namespace opennrm::audit {
namespace {

constexpr std::string_view kHeader = "opennrm-audit-checkpoint v1\n";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads "<name> <value>\n" at `pos`; false unless the line is exactly that.
bool ReadLine(std::string_view text, size_t& pos, std::string_view name, std::string_view& value) {
  if (text.substr(pos, name.size()) != name || text.substr(pos + name.size(), 1) != " ") {
    return false;
  }
  size_t start = pos + name.size() + 1;
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) return false;
  value = text.substr(start, end - start);
  pos = end + 1;
  return true;
}

std::optional<uint64_t> ParseDecimal(std::string_view s) {
  uint64_t out = 0;
  if (s.empty() || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return out;
}

bool IsLowerHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string BytesToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0f]);
  }
  return out;
}

std::optional<std::string> HexToBytes(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int hi = HexValue(hex[i]);
    const int lo = HexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>((hi << 4) | lo));
  }
  return out;
}

std::string CheckpointMessage(const Checkpoint& c) {
  std::string out(kHeader);
  out += "size " + std::to_string(c.size) + "\n";
  out += "root " + ToHex(c.root) + "\n";
  out += "time_us " + std::to_string(c.time_us) + "\n";
  return out;
}

std::string KeyId(std::string_view public_key) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(public_key.data()),
                     public_key.size());
  return BytesToHex(std::string_view(reinterpret_cast<const char*>(digest), 8));
}

bool VerifyCheckpointSignature(const SignedCheckpoint& s, std::string_view public_key) {
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || s.signature.size() != crypto_sign_BYTES) {
    return false;
  }
  if (s.key_id != KeyId(public_key)) return false;
  if (sodium_init() < 0) return false;
  const std::string message = CheckpointMessage(s.checkpoint);
  return crypto_sign_verify_detached(
             reinterpret_cast<const unsigned char*>(s.signature.data()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(),
             reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

std::string FormatCheckpointFile(const SignedCheckpoint& s) {
  return CheckpointMessage(s.checkpoint) + "key_id " + s.key_id + "\n" + "signature " +
         BytesToHex(s.signature) + "\n";
}

Result<SignedCheckpoint> ParseCheckpointFile(std::string_view text) {
  auto bad = [] {
    return Invalid("checkpoint", "format", "The file is not an OpenNRM audit checkpoint.");
  };
  if (text.substr(0, kHeader.size()) != kHeader) return bad();
  size_t pos = kHeader.size();
  std::string_view size, root, time, key_id, signature;
  if (!ReadLine(text, pos, "size", size) || !ReadLine(text, pos, "root", root) ||
      !ReadLine(text, pos, "time_us", time) || !ReadLine(text, pos, "key_id", key_id) ||
      !ReadLine(text, pos, "signature", signature) || pos != text.size()) {
    return bad();
  }
  SignedCheckpoint s;
  auto n = ParseDecimal(size);
  auto r = FromHex(root);
  long long t = 0;
  auto [end, ec] = std::from_chars(time.data(), time.data() + time.size(), t);
  auto sig = HexToBytes(signature);
  if (!n || !r || !IsLowerHex(root) || ec != std::errc() || end != time.data() + time.size() ||
      key_id.size() != 16 || !IsLowerHex(key_id) || !sig || sig->size() != 64 ||
      !IsLowerHex(signature)) {
    return bad();
  }
  s.checkpoint = Checkpoint{*n, *r, t};
  s.key_id = std::string(key_id);
  s.signature = std::move(*sig);
  if (FormatCheckpointFile(s) != text) return bad();  // e.g. "time_us 007"
  return s;
}

std::string CheckpointFileName(uint64_t size) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "checkpoint-%020llu", static_cast<unsigned long long>(size));
  return buffer;
}

std::string PublicKeyFileName(std::string_view key_id) {
  return "public-key-" + std::string(key_id);
}

std::string FormatPublicKeyFile(std::string_view public_key) {
  return BytesToHex(public_key) + "\n";
}

Result<std::string> ParsePublicKeyFile(std::string_view text) {
  if (text.size() == 32) {
    // 32 bytes that happen to be hex digits are ambiguous only in theory: 64 digits are needed.
    return std::string(text);
  }
  size_t first = text.find_first_not_of(" \t\r\n");
  size_t last = text.find_last_not_of(" \t\r\n");
  if (first != std::string_view::npos) {
    auto bytes = HexToBytes(text.substr(first, last - first + 1));
    if (bytes && bytes->size() == 32) return *bytes;
  }
  return Invalid("public_key", "format",
                 "A public key file holds 64 hex digits (or the 32 raw bytes) of an Ed25519 key.");
}

}  // namespace opennrm::audit
