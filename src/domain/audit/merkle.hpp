// The Merkle tree over the audit log, as Certificate Transparency defines it (RFC 6962 §2.1,
// verification per RFC 9162 §2.1.3.2 and §2.1.4.2): SHA-256, leaves prefixed 0x00, nodes 0x01.
//
// Every function here is pure and thread-safe: no I/O, no clock, no shared state. A CompactRange
// is a plain value; concurrent reads are safe, writes need external synchronisation.
//
// A root does not commit to its tree size: a proof for (index, n) may also verify for another n
// of the same shape. Callers must take tree_size and root from the same signed checkpoint.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace opennrm::audit {

using Hash = std::array<unsigned char, 32>;

// Lower-case hexadecimal, 64 characters.
std::string ToHex(const Hash& hash);

// The hash spelled by exactly 64 hex digits (either case); nullopt for anything else.
std::optional<Hash> FromHex(std::string_view hex);

// SHA-256 of the empty string: the root of a tree with no leaves.
Hash EmptyRoot();

// SHA-256(0x00 || leaf_bytes).
Hash LeafHash(std::string_view leaf_bytes);

// SHA-256(0x01 || left || right).
Hash NodeHash(const Hash& left, const Hash& right);

// MTH(D[n]) of RFC 6962 §2.1 over leaf hashes already made by LeafHash.
Hash Root(std::span<const Hash> leaf_hashes);

// PATH(index, D[n]) of RFC 6962 §2.1.1, deepest sibling first.
// REQUIRES: index < leaf_hashes.size(); otherwise returns an empty proof.
std::vector<Hash> InclusionProof(std::span<const Hash> leaf_hashes, uint64_t index);

// True when `proof` shows `leaf_hash` at `index` in the tree of `tree_size` leaves with `root`.
// False for index >= tree_size and for a proof of the wrong length; never reads past `proof`.
bool VerifyInclusion(const Hash& leaf_hash, uint64_t index, uint64_t tree_size,
                     std::span<const Hash> proof, const Hash& root);

// PROOF(old_size, D[n]) of RFC 6962 §2.1.2 that the first old_size leaves are a prefix of all.
// REQUIRES: 0 < old_size < leaf_hashes.size(); otherwise returns an empty proof (which is the
// correct proof when old_size == leaf_hashes.size()).
std::vector<Hash> ConsistencyProof(std::span<const Hash> leaf_hashes, uint64_t old_size);

// True when `proof` shows the tree (old_size, old_root) is a prefix of (new_size, new_root).
// Equal sizes need an empty proof and equal roots; old_size 0 needs an empty proof and
// old_root == EmptyRoot(); old_size > new_size and wrong proof lengths give false.
bool VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                       const Hash& new_root, std::span<const Hash> proof);

// The right edge of a growing tree: the roots of the perfect subtrees that make up its first
// size() leaves, largest first, one per set bit of size(). Keeps the running root in O(log n)
// memory without the leaves. A value type; see the file comment for thread-safety.
class CompactRange {
 public:
  CompactRange() = default;

  // Restores a range saved from subtree_roots(); nullopt unless there is one root per set bit
  // of `size`.
  static std::optional<CompactRange> FromSubtreeRoots(uint64_t size, std::vector<Hash> roots);

  // Adds the next leaf hash (made by LeafHash) at index size(). REQUIRES: size() < UINT64_MAX.
  void Append(const Hash& leaf_hash);

  // Root() of all leaf hashes appended so far; EmptyRoot() when none.
  Hash Root() const;

  // Number of leaves appended so far.
  uint64_t size() const { return size_; }

  // The perfect-subtree roots, largest (leftmost) first.
  const std::vector<Hash>& subtree_roots() const { return roots_; }

 private:
  uint64_t size_ = 0;
  std::vector<Hash> roots_;  // roots_.size() == popcount(size_)
};

}  // namespace opennrm::audit
