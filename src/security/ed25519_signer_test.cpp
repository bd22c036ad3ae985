// Unit tests for Ed25519Signer and VerifyEd25519 (RFC 8032 vectors, seed files).
#include "security/ed25519_signer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "security/test_support.hpp"

namespace opennrm::security {
namespace {

using testing::FromHex;
using testing::ModeOf;
using testing::TempDir;
using testing::ToHex;
using testing::WriteFile;

std::unique_ptr<Ed25519Signer> FromHexSeed(std::string_view hex) {
  const std::string seed = FromHex(hex);
  auto signer = Ed25519Signer::FromSeed(
      std::span<const unsigned char, 32>(reinterpret_cast<const unsigned char*>(seed.data()), 32));
  EXPECT_TRUE(signer);
  return signer ? std::move(*signer) : nullptr;
}

// RFC 8032 §7.1, TEST 1 (empty message).
TEST(Ed25519Signer, Rfc8032TestVector1) {
  auto signer = FromHexSeed("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  EXPECT_EQ(ToHex(signer->PublicKey()),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  const std::string signature = signer->Sign("");
  EXPECT_EQ(
      ToHex(signature),
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e3970"
      "1cf9b46bd25bf5f0595bbe24655141438e7a100b");
  EXPECT_TRUE(VerifyEd25519(signer->PublicKey(), "", signature));
}

// RFC 8032 §7.1, TEST 2 (one-byte message 0x72).
TEST(Ed25519Signer, Rfc8032TestVector2) {
  auto signer = FromHexSeed("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
  EXPECT_EQ(ToHex(signer->PublicKey()),
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
  EXPECT_EQ(
      ToHex(signer->Sign("\x72")),
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613"
      "d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
}

TEST(Ed25519Signer, VerifyRefusesAnyChange) {
  auto signer = FromHexSeed("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  const std::string checkpoint = "opennrm checkpoint\nsize 42\nroot abc\n";
  const std::string signature = signer->Sign(checkpoint);
  const std::string key = signer->PublicKey();
  ASSERT_TRUE(VerifyEd25519(key, checkpoint, signature));
  EXPECT_FALSE(VerifyEd25519(key, checkpoint + " ", signature));
  EXPECT_FALSE(VerifyEd25519(key, "opennrm checkpoint\nsize 43\nroot abc\n", signature));
  for (std::size_t i = 0; i < signature.size(); ++i) {
    std::string bad = signature;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    EXPECT_FALSE(VerifyEd25519(key, checkpoint, bad)) << i;
  }
  auto other = FromHexSeed("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
  EXPECT_FALSE(VerifyEd25519(other->PublicKey(), checkpoint, signature));
  EXPECT_FALSE(VerifyEd25519(key.substr(0, 31), checkpoint, signature));
  EXPECT_FALSE(VerifyEd25519(key, checkpoint, signature.substr(0, 63)));
  EXPECT_FALSE(VerifyEd25519("", checkpoint, ""));
}

TEST(Ed25519Signer, SeedFileIsCreatedPrivateAndReloadsTheSameKey) {
  TempDir dir;
  const auto path = dir.path() / "audit-signing.seed";
  auto first = Ed25519Signer::FromSeedFile(path, /*create_if_missing=*/true);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(ModeOf(path) & 077, 0u);
  EXPECT_EQ(std::filesystem::file_size(path), 32u);
  auto again = Ed25519Signer::FromSeedFile(path, /*create_if_missing=*/false);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ((*again)->PublicKey(), (*first)->PublicKey());
  const std::string signature = (*first)->Sign("checkpoint");
  EXPECT_TRUE(VerifyEd25519((*again)->PublicKey(), "checkpoint", signature));
}

TEST(Ed25519Signer, SeedFileMustExistUnlessCreationIsAskedFor) {
  TempDir dir;
  auto missing = Ed25519Signer::FromSeedFile(dir.path() / "none.seed", false);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(Ed25519Signer, SeedFileOpenToOthersIsRefused) {
  TempDir dir;
  const auto path = dir.path() / "audit-signing.seed";
  WriteFile(path, FromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
            0644);
  for (bool create : {false, true}) {
    auto signer = Ed25519Signer::FromSeedFile(path, create);
    ASSERT_FALSE(signer);
    EXPECT_EQ(signer.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(signer.error().message.find("9d61"), std::string::npos);
  }
  ::chmod(path.c_str(), 0600);
  auto signer = Ed25519Signer::FromSeedFile(path, false);
  ASSERT_TRUE(signer);
  EXPECT_EQ(ToHex((*signer)->PublicKey()),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
}

TEST(Ed25519Signer, ConcurrentSigningIsDeterministic) {
  auto signer = FromHexSeed("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  const std::string expected = signer->Sign("checkpoint");
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        if (signer->Sign("checkpoint") != expected) mismatches.fetch_add(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace opennrm::security
