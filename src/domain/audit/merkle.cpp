#include "domain/audit/merkle.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <array>
#include <bit>
#include <cstddef>
#include <string_view>
#include <utility>

namespace opennrm::audit {
namespace {

constexpr unsigned char kLeafPrefix = 0x00;
constexpr unsigned char kNodePrefix = 0x01;

// SHA-256 of the concatenated parts. OpenSSL picks the CPU's SHA instructions where it has them:
// five to six times faster than libsodium's portable code, whose hashing was a fifth of the
// journal applier's time (ADR 17). libsodium remains the fallback should OpenSSL fail.
const EVP_MD* Sha256Md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

struct DigestContext {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~DigestContext() { EVP_MD_CTX_free(ctx); }
};

template <size_t N>
void Sha256(const std::array<std::string_view, N>& parts, unsigned char* out) {
  thread_local DigestContext context;
  EVP_MD_CTX* ctx = context.ctx;
  const EVP_MD* md = Sha256Md();
  if (ctx && md && EVP_DigestInit_ex2(ctx, md, nullptr) == 1) {
    bool ok = true;
    for (std::string_view p : parts) ok = ok && EVP_DigestUpdate(ctx, p.data(), p.size()) == 1;
    unsigned int len = 0;
    if (ok && EVP_DigestFinal_ex(ctx, out, &len) == 1 && len == crypto_hash_sha256_BYTES) return;
  }
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (std::string_view p : parts) {
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(p.data()), p.size());
  }
  crypto_hash_sha256_final(&state, out);
}

std::string_view Bytes(const unsigned char* p, size_t n) {
  return {reinterpret_cast<const char*>(p), n};
}

// The split point k of RFC 6962: the largest power of two smaller than n. REQUIRES: n >= 2.
size_t SplitPoint(size_t n) { return std::bit_floor(n - 1); }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendPath(std::span<const Hash> d, size_t m, std::vector<Hash>& out) {
  if (d.size() <= 1) return;
  const size_t k = SplitPoint(d.size());
  if (m < k) {
    AppendPath(d.first(k), m, out);
    out.push_back(Root(d.subspan(k)));
  } else {
    AppendPath(d.subspan(k), m - k, out);
    out.push_back(Root(d.first(k)));
  }
}

// SUBPROOF(m, D[n], complete) of RFC 6962 §2.1.2. REQUIRES: 0 < m <= d.size().
void AppendSubproof(std::span<const Hash> d, size_t m, bool complete, std::vector<Hash>& out) {
  if (m == d.size()) {
    if (!complete) out.push_back(Root(d));
    return;
  }
  const size_t k = SplitPoint(d.size());
  if (m <= k) {
    AppendSubproof(d.first(k), m, complete, out);
    out.push_back(Root(d.subspan(k)));
  } else {
    AppendSubproof(d.subspan(k), m - k, false, out);
    out.push_back(Root(d.first(k)));
  }
}

bool Odd(uint64_t x) { return (x & 1U) != 0; }

}  // namespace

std::string ToHex(const Hash& hash) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(hash.size() * 2);
  for (unsigned char byte : hash) {
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 0x0f]);
  }
  return out;
}

std::optional<Hash> FromHex(std::string_view hex) {
  Hash out{};
  if (hex.size() != out.size() * 2) return std::nullopt;
  for (size_t i = 0; i < out.size(); ++i) {
    const int hi = HexDigit(hex[2 * i]);
    const int lo = HexDigit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<unsigned char>((hi << 4) | lo);
  }
  return out;
}

Hash EmptyRoot() {
  Hash out{};
  crypto_hash_sha256(out.data(), nullptr, 0);
  return out;
}

Hash LeafHash(std::string_view leaf_bytes) {
  Hash out{};
  Sha256<2>({Bytes(&kLeafPrefix, 1), leaf_bytes}, out.data());
  return out;
}

Hash NodeHash(const Hash& left, const Hash& right) {
  Hash out{};
  Sha256<3>(
      {Bytes(&kNodePrefix, 1), Bytes(left.data(), left.size()), Bytes(right.data(), right.size())},
      out.data());
  return out;
}

Hash Root(std::span<const Hash> leaf_hashes) {
  if (leaf_hashes.empty()) return EmptyRoot();
  if (leaf_hashes.size() == 1) return leaf_hashes[0];
  const size_t k = SplitPoint(leaf_hashes.size());
  return NodeHash(Root(leaf_hashes.first(k)), Root(leaf_hashes.subspan(k)));
}

std::vector<Hash> InclusionProof(std::span<const Hash> leaf_hashes, uint64_t index) {
  std::vector<Hash> out;
  if (index >= leaf_hashes.size()) return out;
  AppendPath(leaf_hashes, static_cast<size_t>(index), out);
  return out;
}

bool VerifyInclusion(const Hash& leaf_hash, uint64_t index, uint64_t tree_size,
                     std::span<const Hash> proof, const Hash& root) {
  if (index >= tree_size) return false;
  uint64_t fn = index;
  uint64_t sn = tree_size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) return false;  // proof longer than the path
    if (Odd(fn) || fn == sn) {
      r = NodeHash(p, r);
      while (!Odd(fn) && fn != 0) {  // skip levels where this node has no right sibling
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

std::vector<Hash> ConsistencyProof(std::span<const Hash> leaf_hashes, uint64_t old_size) {
  std::vector<Hash> out;
  if (old_size == 0 || old_size >= leaf_hashes.size()) return out;
  AppendSubproof(leaf_hashes, static_cast<size_t>(old_size), true, out);
  return out;
}

bool VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                       const Hash& new_root, std::span<const Hash> proof) {
  if (old_size > new_size) return false;
  if (old_size == new_size) return proof.empty() && old_root == new_root;
  // Every tree extends the empty one; the old root must still be the empty tree's.
  if (old_size == 0) return proof.empty() && old_root == EmptyRoot();
  if (proof.empty()) return false;

  // When old_size is a power of two the old root is itself a node on the path and RFC 9162
  // prepends it to the proof; starting from it instead avoids copying the proof.
  size_t next = 0;
  Hash fr = old_root;
  if (!std::has_single_bit(old_size)) fr = proof[next++];
  Hash sr = fr;
  uint64_t fn = old_size - 1;
  uint64_t sn = new_size - 1;
  while (Odd(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
  for (; next < proof.size(); ++next) {
    const Hash& c = proof[next];
    if (sn == 0) return false;  // proof longer than the path
    if (Odd(fn) || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      while (!Odd(fn) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && fr == old_root && sr == new_root;
}

std::optional<CompactRange> CompactRange::FromSubtreeRoots(uint64_t size, std::vector<Hash> roots) {
  if (roots.size() != static_cast<size_t>(std::popcount(size))) return std::nullopt;
  CompactRange range;
  range.size_ = size;
  range.roots_ = std::move(roots);
  return range;
}

void CompactRange::Append(const Hash& leaf_hash) {
  // Each trailing one bit of size_ is a perfect subtree as large as the carry: merge them.
  Hash carry = leaf_hash;
  for (uint64_t s = size_; Odd(s); s >>= 1) {
    carry = NodeHash(roots_.back(), carry);
    roots_.pop_back();
  }
  roots_.push_back(carry);
  ++size_;
}

Hash CompactRange::Root() const {
  if (roots_.empty()) return EmptyRoot();
  // MTH splits off the largest perfect subtree first, so fold from the right.
  Hash r = roots_.back();
  for (size_t i = roots_.size() - 1; i-- > 0;) r = NodeHash(roots_[i], r);
  return r;
}

}  // namespace opennrm::audit
