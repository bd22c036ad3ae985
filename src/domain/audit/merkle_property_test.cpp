// Properties of the Merkle tree over random trees, and the compact range against Root().
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "domain/audit/merkle.hpp"

namespace opennrm::audit {
namespace {

// Synthetic audit events of random length; a fixed seed keeps failures reproducible.
std::vector<Hash> RandomLeaves(std::mt19937_64& rng, uint64_t n) {
  std::uniform_int_distribution<int> length(0, 40);
  std::uniform_int_distribution<int> byte(0, 255);
  std::vector<Hash> out;
  for (uint64_t i = 0; i < n; ++i) {
    std::string bytes(static_cast<size_t>(length(rng)), '\0');
    for (char& c : bytes) c = static_cast<char>(byte(rng));
    out.push_back(LeafHash(bytes));
  }
  return out;
}

std::span<const Hash> Prefix(const std::vector<Hash>& leaves, uint64_t n) {
  return std::span<const Hash>(leaves).first(n);
}

TEST(MerkleProperty, EveryIndexAndEveryPrefixOfRandomTreesIsProvable) {
  std::mt19937_64 rng(6962);
  for (uint64_t n = 1; n <= 64; ++n) {
    const std::vector<Hash> leaves = RandomLeaves(rng, n);
    const Hash root = Root(leaves);
    std::vector<Hash> grown = leaves;
    grown.push_back(Hash{});
    for (uint64_t i = 0; i < n; ++i) {
      const std::vector<Hash> proof = InclusionProof(leaves, i);
      EXPECT_TRUE(VerifyInclusion(leaves[i], i, n, proof, root)) << i << " of " << n;
      // Claiming size n + 1 can only be caught when it changes the path's shape (merkle.hpp).
      if (InclusionProof(grown, i).size() != proof.size()) {
        EXPECT_FALSE(VerifyInclusion(leaves[i], i, n + 1, proof, root)) << i << " of " << n;
      }
    }
    for (uint64_t m = 1; m <= n; ++m) {
      const std::vector<Hash> proof = ConsistencyProof(leaves, m);
      EXPECT_TRUE(VerifyConsistency(m, n, Root(Prefix(leaves, m)), root, proof))
          << m << " -> " << n;
    }
  }
}

TEST(MerkleProperty, ChangingOneLeafBreaksEveryProofThatCoversIt) {
  std::mt19937_64 rng(9162);
  for (uint64_t n = 1; n <= 64; ++n) {
    const std::vector<Hash> a = RandomLeaves(rng, n);
    std::vector<Hash> b = a;
    const uint64_t changed = std::uniform_int_distribution<uint64_t>(0, n - 1)(rng);
    b[changed] = LeafHash("rewritten event " + std::to_string(changed));
    const Hash root_a = Root(a);
    const Hash root_b = Root(b);
    ASSERT_NE(root_a, root_b);
    for (uint64_t i = 0; i < n; ++i) {
      EXPECT_FALSE(VerifyInclusion(a[i], i, n, InclusionProof(a, i), root_b)) << i << "/" << n;
    }
    EXPECT_FALSE(VerifyInclusion(b[changed], changed, n, InclusionProof(a, changed), root_a));
    EXPECT_FALSE(VerifyConsistency(n, n, root_a, root_b, {}));
    for (uint64_t m = 1; m < n; ++m) {
      const Hash old_root_a = Root(Prefix(a, m));
      EXPECT_FALSE(VerifyConsistency(m, n, old_root_a, root_b, ConsistencyProof(a, m)))
          << m << " -> " << n;
      // B's honest proof still extends A's checkpoint exactly when the rewrite came later:
      // rewriting history before the checkpoint is the fork a monitor must catch.
      EXPECT_EQ(VerifyConsistency(m, n, old_root_a, root_b, ConsistencyProof(b, m)), changed >= m)
          << m << " -> " << n << ", leaf " << changed << " rewritten";
    }
  }
}

TEST(MerkleCompactRange, EqualsRootForSizesZeroToHundred) {
  std::mt19937_64 rng(100);
  const std::vector<Hash> leaves = RandomLeaves(rng, 100);
  CompactRange range;
  EXPECT_EQ(range.Root(), Root({}));
  for (uint64_t n = 1; n <= 100; ++n) {
    range.Append(leaves[n - 1]);
    ASSERT_EQ(range.size(), n);
    EXPECT_EQ(range.subtree_roots().size(), static_cast<size_t>(std::popcount(n))) << n;
    EXPECT_EQ(range.Root(), Root(Prefix(leaves, n))) << n;
  }
}

TEST(MerkleCompactRange, RestoresFromSavedSubtreeRoots) {
  std::mt19937_64 rng(42);
  const std::vector<Hash> leaves = RandomLeaves(rng, 37);
  CompactRange original;
  for (uint64_t n = 0; n < 21; ++n) original.Append(leaves[n]);

  std::optional<CompactRange> restored =
      CompactRange::FromSubtreeRoots(original.size(), original.subtree_roots());
  ASSERT_TRUE(restored.has_value());
  for (uint64_t n = 21; n < 37; ++n) restored->Append(leaves[n]);
  EXPECT_EQ(restored->Root(), Root(leaves));

  EXPECT_FALSE(CompactRange::FromSubtreeRoots(21, {}));
  EXPECT_FALSE(CompactRange::FromSubtreeRoots(20, original.subtree_roots()));
  EXPECT_TRUE(CompactRange::FromSubtreeRoots(0, {}));
}

}  // namespace
}  // namespace opennrm::audit
