// Unit tests for the blind-index digest (HMAC-SHA-256 with a context prefix).
#include "security/blind_digest.hpp"

#include <gtest/gtest.h>

#include <array>

namespace opennrm::security {
namespace {

std::array<unsigned char, 32> CountingKey() {
  std::array<unsigned char, 32> k{};
  for (unsigned i = 0; i < k.size(); ++i) k[i] = static_cast<unsigned char>(i);
  return k;
}

// Expected values computed independently of libsodium (Python hmac/hashlib).
TEST(BlindDigest, MatchesHmacSha256OfContextAndInput) {
  auto key = CountingKey();
  EXPECT_EQ(BlindDigest(key, "anna"),
            "d22f766ecb9efd6a8233b409e3f9c2a8fb6e0a993a0d2fb84a2650e516fa444c");
  EXPECT_EQ(BlindDigest(key, ""),
            "6856cad8123de6243ef8a15dc3a8861c55e1a01f0534eff13c75e46559892eb2");
}

TEST(BlindDigest, TheContextSeparatesItFromAPlainHmac) {
  auto key = CountingKey();
  // HMAC-SHA-256(key, "") without the context string.
  EXPECT_NE(BlindDigest(key, ""),
            "d38b42096d80f45f826b44a9d5607de72496a415d3f4a1a8c88e3bb9da8dc1cb");
}

TEST(BlindDigest, DependsOnKeyAndInput) {
  auto key = CountingKey();
  auto other = key;
  other[0] ^= 1;
  EXPECT_NE(BlindDigest(key, "anna"), BlindDigest(other, "anna"));
  EXPECT_NE(BlindDigest(key, "anna"), BlindDigest(key, "anne"));
  EXPECT_EQ(BlindDigest(key, "anna"), BlindDigest(key, "anna"));
}

}  // namespace
}  // namespace opennrm::security
