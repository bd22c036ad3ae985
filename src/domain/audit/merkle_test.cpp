#include "domain/audit/merkle.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace opennrm::audit {
namespace {

struct InclusionVector {
  uint64_t leaf_index;
  uint64_t tree_size;
  std::vector<std::string_view> path;
};

struct ConsistencyVector {
  uint64_t first;
  uint64_t second;
  std::vector<std::string_view> proof;
};

// The RFC 6962 vectors used by Certificate Transparency implementations, copied here so the
// tests never read files.
// Generated once from the RFC 6962 reference vectors; do not edit by hand.
// clang-format off
constexpr std::array<std::string_view, 8> kLeavesHex = {
    "", "00", "10", "2021", "3031", "40414243",
    "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
constexpr std::string_view kEmptyRootHex =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
// kRootsHex[n - 1] is the root of the first n leaves.
constexpr std::array<std::string_view, 8> kRootsHex = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};
const std::vector<InclusionVector> kInclusionVectors = {
    {0, 1, {}},
    {0, 8, {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
    {5, 8, {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
    {2, 3, {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
    {1, 5, {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
};
const std::vector<ConsistencyVector> kConsistencyVectors = {
    {1, 1, {}},
    {1, 8, {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
    {6, 8, {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
    {2, 5, {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
    {3, 7, {"0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e"}},
    {4, 8, {"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
};
// clang-format on

Hash H(std::string_view hex) {
  const std::optional<Hash> h = FromHex(hex);
  EXPECT_TRUE(h.has_value()) << hex;
  return h.value_or(Hash{});
}

std::vector<Hash> Hashes(const std::vector<std::string_view>& hex) {
  std::vector<Hash> out;
  for (std::string_view h : hex) out.push_back(H(h));
  return out;
}

std::string Bytes(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

std::vector<Hash> ReferenceLeaves() {
  std::vector<Hash> out;
  for (std::string_view hex : kLeavesHex) out.push_back(LeafHash(Bytes(hex)));
  return out;
}

// Synthetic leaves "event-0", "event-1", ... for trees whose contents do not matter.
std::vector<Hash> Numbered(uint64_t n) {
  std::vector<Hash> out;
  for (uint64_t i = 0; i < n; ++i) out.push_back(LeafHash("event-" + std::to_string(i)));
  return out;
}

Hash FlipBit(Hash h, size_t bit) {
  h[bit / 8] = static_cast<unsigned char>(h[bit / 8] ^ (1U << (bit % 8)));
  return h;
}

std::span<const Hash> Prefix(const std::vector<Hash>& leaves, uint64_t n) {
  return std::span<const Hash>(leaves).first(n);
}

}  // namespace

TEST(MerkleHex, RoundTripsAndRejectsMalformedInput) {
  const Hash h = H(kRootsHex[7]);
  EXPECT_EQ(ToHex(h), kRootsHex[7]);
  EXPECT_EQ(FromHex("5DC9DA79A70659A9AD559CB701DED9A2AB9D823AAD2F4960CFE370EFF4604328"), h);
  EXPECT_FALSE(FromHex(""));
  EXPECT_FALSE(FromHex(kRootsHex[7].substr(1)));           // 63 digits
  EXPECT_FALSE(FromHex(std::string(kRootsHex[7]) + "0"));  // 65 digits
  EXPECT_FALSE(FromHex(std::string(kRootsHex[7]).replace(10, 1, "g")));
  EXPECT_FALSE(FromHex(std::string(kRootsHex[7]).replace(0, 1, " ")));
}

TEST(MerkleHash, LeafAndNodePrefixesKeepLeavesAndNodesApart) {
  const std::vector<Hash> leaves = ReferenceLeaves();
  EXPECT_EQ(EmptyRoot(), H(kEmptyRootHex));
  EXPECT_EQ(LeafHash(""), H(kRootsHex[0]));  // leaf 0 is the empty string
  EXPECT_EQ(NodeHash(leaves[0], leaves[1]), H(kRootsHex[1]));
  // A leaf holding the bytes of two child hashes must not pose as their parent node.
  EXPECT_NE(LeafHash(Bytes(ToHex(leaves[0]) + ToHex(leaves[1]))), NodeHash(leaves[0], leaves[1]));
}

TEST(MerkleRoot, MatchesReferenceRootsForSizesZeroToEight) {
  const std::vector<Hash> leaves = ReferenceLeaves();
  EXPECT_EQ(ToHex(Root({})), kEmptyRootHex);
  for (uint64_t n = 1; n <= 8; ++n) EXPECT_EQ(ToHex(Root(Prefix(leaves, n))), kRootsHex[n - 1]);
}

TEST(MerkleInclusion, ProofsEqualReferenceVectorsAndVerify) {
  const std::vector<Hash> leaves = ReferenceLeaves();
  for (const InclusionVector& v : kInclusionVectors) {
    const std::vector<Hash> proof = InclusionProof(Prefix(leaves, v.tree_size), v.leaf_index);
    EXPECT_EQ(proof, Hashes(v.path)) << v.leaf_index << " of " << v.tree_size;
    EXPECT_TRUE(VerifyInclusion(leaves[v.leaf_index], v.leaf_index, v.tree_size, proof,
                                H(kRootsHex[v.tree_size - 1])));
  }
}

TEST(MerkleInclusion, AnyFlippedBitFailsVerification) {
  const std::vector<Hash> leaves = ReferenceLeaves();
  for (const InclusionVector& v : kInclusionVectors) {
    const Hash leaf = leaves[v.leaf_index];
    const Hash root = H(kRootsHex[v.tree_size - 1]);
    const std::vector<Hash> proof = Hashes(v.path);
    for (size_t bit = 0; bit < 256; ++bit) {
      EXPECT_FALSE(VerifyInclusion(FlipBit(leaf, bit), v.leaf_index, v.tree_size, proof, root));
      EXPECT_FALSE(VerifyInclusion(leaf, v.leaf_index, v.tree_size, proof, FlipBit(root, bit)));
      for (size_t e = 0; e < proof.size(); ++e) {
        std::vector<Hash> tampered = proof;
        tampered[e] = FlipBit(tampered[e], bit);
        EXPECT_FALSE(VerifyInclusion(leaf, v.leaf_index, v.tree_size, tampered, root));
      }
    }
  }
}

TEST(MerkleInclusion, WrongIndexOrSizeFails) {
  const std::vector<Hash> leaves = ReferenceLeaves();
  for (const InclusionVector& v : kInclusionVectors) {
    const Hash root = H(kRootsHex[v.tree_size - 1]);
    const std::vector<Hash> proof = Hashes(v.path);
    const Hash leaf = leaves[v.leaf_index];
    for (uint64_t i = 0; i < v.tree_size + 2; ++i) {
      if (i == v.leaf_index) continue;
      EXPECT_FALSE(VerifyInclusion(leaf, i, v.tree_size, proof, root)) << i;
    }
    // A root does not commit to its size, so only sizes with a differently shaped path can be
    // rejected from the proof alone (see merkle.hpp); those must be.
    for (uint64_t n = 0; n <= 2 * v.tree_size + 2; ++n) {
      if (n == v.tree_size) continue;
      if (n > v.leaf_index && InclusionProof(Numbered(n), v.leaf_index).size() == proof.size()) {
        continue;
      }
      EXPECT_FALSE(VerifyInclusion(leaf, v.leaf_index, n, proof, root)) << n;
    }
  }
  // Leaf 5 of 8 claimed in a tree of 6: the canonical wrong-size case.
  EXPECT_FALSE(
      VerifyInclusion(leaves[5], 5, 6, Hashes(kInclusionVectors[2].path), H(kRootsHex[7])));
}

TEST(MerkleInclusion, TruncatedOrExtendedProofFails) {
  const std::vector<Hash> leaves = ReferenceLeaves();
  for (const InclusionVector& v : kInclusionVectors) {
    const Hash root = H(kRootsHex[v.tree_size - 1]);
    const std::vector<Hash> proof = Hashes(v.path);
    const Hash leaf = leaves[v.leaf_index];
    for (size_t len = 0; len < proof.size(); ++len) {
      EXPECT_FALSE(VerifyInclusion(leaf, v.leaf_index, v.tree_size,
                                   std::span<const Hash>(proof).first(len), root));
    }
    for (const Hash& extra : {root, leaf, Hash{}}) {
      std::vector<Hash> longer = proof;
      longer.push_back(extra);
      EXPECT_FALSE(VerifyInclusion(leaf, v.leaf_index, v.tree_size, longer, root));
      longer.insert(longer.begin(), extra);
      longer.pop_back();
      EXPECT_FALSE(VerifyInclusion(leaf, v.leaf_index, v.tree_size, longer, root));
    }
  }
}

TEST(MerkleInclusion, OutOfRangeInputsFailSafely) {
  const std::vector<Hash> leaves = ReferenceLeaves();
  const Hash root = H(kRootsHex[7]);
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  EXPECT_TRUE(InclusionProof(leaves, 8).empty());
  EXPECT_TRUE(InclusionProof({}, 0).empty());
  EXPECT_FALSE(VerifyInclusion(leaves[0], 0, 0, {}, EmptyRoot()));
  EXPECT_FALSE(VerifyInclusion(leaves[0], 8, 8, InclusionProof(leaves, 7), root));
  EXPECT_FALSE(VerifyInclusion(leaves[0], kMax, kMax, {}, root));
  EXPECT_FALSE(VerifyInclusion(leaves[0], kMax - 1, kMax, InclusionProof(leaves, 0), root));
  EXPECT_FALSE(VerifyInclusion(leaves[0], 0, kMax, std::vector<Hash>(100, root), root));
  EXPECT_FALSE(VerifyInclusion(leaves[0], 0, 8, std::vector<Hash>(100, root), root));
}

TEST(MerkleConsistency, ProofsEqualReferenceVectorsAndVerify) {
  const std::vector<Hash> leaves = ReferenceLeaves();
  for (const ConsistencyVector& v : kConsistencyVectors) {
    const std::vector<Hash> proof = ConsistencyProof(Prefix(leaves, v.second), v.first);
    EXPECT_EQ(proof, Hashes(v.proof)) << v.first << " -> " << v.second;
    EXPECT_TRUE(VerifyConsistency(v.first, v.second, H(kRootsHex[v.first - 1]),
                                  H(kRootsHex[v.second - 1]), proof));
  }
}

TEST(MerkleConsistency, AnyFlippedBitFailsVerification) {
  for (const ConsistencyVector& v : kConsistencyVectors) {
    const Hash old_root = H(kRootsHex[v.first - 1]);
    const Hash new_root = H(kRootsHex[v.second - 1]);
    const std::vector<Hash> proof = Hashes(v.proof);
    for (size_t bit = 0; bit < 256; ++bit) {
      EXPECT_FALSE(VerifyConsistency(v.first, v.second, FlipBit(old_root, bit), new_root, proof));
      EXPECT_FALSE(VerifyConsistency(v.first, v.second, old_root, FlipBit(new_root, bit), proof));
      for (size_t e = 0; e < proof.size(); ++e) {
        std::vector<Hash> tampered = proof;
        tampered[e] = FlipBit(tampered[e], bit);
        EXPECT_FALSE(VerifyConsistency(v.first, v.second, old_root, new_root, tampered));
      }
    }
  }
}

TEST(MerkleConsistency, WrongSizesTruncatedOrExtendedProofsFail) {
  for (const ConsistencyVector& v : kConsistencyVectors) {
    const Hash old_root = H(kRootsHex[v.first - 1]);
    const Hash new_root = H(kRootsHex[v.second - 1]);
    const std::vector<Hash> proof = Hashes(v.proof);
    for (uint64_t m = 0; m <= v.second + 1; ++m) {
      if (m == v.first || ConsistencyProof(Numbered(v.second), m).size() == proof.size()) continue;
      EXPECT_FALSE(VerifyConsistency(m, v.second, old_root, new_root, proof)) << m;
    }
    for (uint64_t n = 0; n <= 2 * v.second + 2; ++n) {
      if (n == v.second || ConsistencyProof(Numbered(n), v.first).size() == proof.size()) continue;
      EXPECT_FALSE(VerifyConsistency(v.first, n, old_root, new_root, proof)) << n;
    }
    for (size_t len = 0; len < proof.size(); ++len) {
      EXPECT_FALSE(VerifyConsistency(v.first, v.second, old_root, new_root,
                                     std::span<const Hash>(proof).first(len)));
    }
    std::vector<Hash> longer = proof;
    longer.push_back(new_root);
    EXPECT_FALSE(VerifyConsistency(v.first, v.second, old_root, new_root, longer));
  }
}

TEST(MerkleConsistency, EdgeSizes) {
  const std::vector<Hash> leaves = ReferenceLeaves();
  const Hash r3 = H(kRootsHex[2]);
  const Hash r8 = H(kRootsHex[7]);
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  // Equal sizes: only the empty proof between equal roots.
  EXPECT_TRUE(ConsistencyProof(leaves, 8).empty());
  EXPECT_TRUE(VerifyConsistency(8, 8, r8, r8, {}));
  EXPECT_FALSE(VerifyConsistency(8, 8, r3, r8, {}));
  EXPECT_FALSE(VerifyConsistency(8, 8, r8, r8, std::vector<Hash>{r8}));
  // From the empty tree: only the empty proof, and the old root must be the empty tree's.
  EXPECT_TRUE(ConsistencyProof(leaves, 0).empty());
  EXPECT_TRUE(VerifyConsistency(0, 8, EmptyRoot(), r8, {}));
  EXPECT_TRUE(VerifyConsistency(0, 0, EmptyRoot(), EmptyRoot(), {}));
  EXPECT_FALSE(VerifyConsistency(0, 8, EmptyRoot(), r8, std::vector<Hash>{r8}));
  EXPECT_FALSE(VerifyConsistency(0, 8, r3, r8, {}));
  // Shrinking, or a missing proof between different sizes.
  EXPECT_TRUE(ConsistencyProof(Prefix(leaves, 3), 8).empty());
  EXPECT_FALSE(VerifyConsistency(8, 3, r8, r3, ConsistencyProof(leaves, 3)));
  EXPECT_FALSE(VerifyConsistency(3, 8, r3, r8, {}));
  // Absurd sizes with short or long proofs end in false, not a crash.
  EXPECT_FALSE(VerifyConsistency(1, kMax, H(kRootsHex[0]), r8, ConsistencyProof(leaves, 1)));
  EXPECT_FALSE(VerifyConsistency(kMax - 1, kMax, r3, r8, std::vector<Hash>(200, r3)));
  EXPECT_FALSE(VerifyConsistency(3, 8, r3, r8, std::vector<Hash>(200, r3)));
}

}  // namespace opennrm::audit
