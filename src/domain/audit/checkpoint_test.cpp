#include "domain/audit/checkpoint.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

namespace opennrm::audit {
namespace {

struct TestKey {
  std::string public_key;
  std::string secret_key;
};

TestKey KeyFromSeed(unsigned char fill) {
  unsigned char seed[crypto_sign_SEEDBYTES];
  std::fill(std::begin(seed), std::end(seed), fill);
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  EXPECT_EQ(sodium_init() >= 0, true);
  crypto_sign_seed_keypair(pk, sk, seed);
  return {std::string(reinterpret_cast<char*>(pk), sizeof pk),
          std::string(reinterpret_cast<char*>(sk), sizeof sk)};
}

SignedCheckpoint Sign(const Checkpoint& c, const TestKey& key) {
  std::string message = CheckpointMessage(c);
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(key.secret_key.data()));
  return SignedCheckpoint{c, KeyId(key.public_key), signature};
}

Checkpoint Sample() { return Checkpoint{42, LeafHash("x"), 1764374400000000}; }

TEST(Checkpoint, MessageIsTheDocumentedText) {
  Checkpoint c{42, *FromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
               1764374400000000};
  EXPECT_EQ(CheckpointMessage(c),
            "opennrm-audit-checkpoint v1\n"
            "size 42\n"
            "root 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\n"
            "time_us 1764374400000000\n");
}

TEST(Checkpoint, KeyIdIsSixteenHexDigitsOfTheKeysDigest) {
  TestKey key = KeyFromSeed(7);
  std::string id = KeyId(key.public_key);
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id, KeyId(key.public_key));
  EXPECT_NE(id, KeyId(KeyFromSeed(8).public_key));
}

TEST(Checkpoint, SignatureVerifiesOnlyForItsMessageAndKey) {
  TestKey key = KeyFromSeed(1);
  SignedCheckpoint s = Sign(Sample(), key);
  EXPECT_TRUE(VerifyCheckpointSignature(s, key.public_key));

  SignedCheckpoint bigger = s;
  bigger.checkpoint.size += 1;
  EXPECT_FALSE(VerifyCheckpointSignature(bigger, key.public_key));
  SignedCheckpoint later = s;
  later.checkpoint.time_us += 1;
  EXPECT_FALSE(VerifyCheckpointSignature(later, key.public_key));
  SignedCheckpoint other_root = s;
  other_root.checkpoint.root[0] ^= 1;
  EXPECT_FALSE(VerifyCheckpointSignature(other_root, key.public_key));
  SignedCheckpoint flipped = s;
  flipped.signature[10] ^= 1;
  EXPECT_FALSE(VerifyCheckpointSignature(flipped, key.public_key));
  SignedCheckpoint short_signature = s;
  short_signature.signature.pop_back();
  EXPECT_FALSE(VerifyCheckpointSignature(short_signature, key.public_key));

  TestKey other = KeyFromSeed(2);
  EXPECT_FALSE(VerifyCheckpointSignature(s, other.public_key));
  SignedCheckpoint relabelled = Sign(Sample(), other);
  relabelled.key_id = s.key_id;  // a signature by another key under this key's id
  EXPECT_FALSE(VerifyCheckpointSignature(relabelled, key.public_key));
}

TEST(Checkpoint, FileRoundTripsAndRejectsAnythingElse) {
  SignedCheckpoint s = Sign(Sample(), KeyFromSeed(3));
  std::string text = FormatCheckpointFile(s);
  auto back = ParseCheckpointFile(text);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, s);

  auto replace = [&](std::string_view from, std::string_view to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return t;
  };
  const std::string bad[] = {
      "",
      text + "\n",
      text.substr(0, text.size() - 1),
      replace("size 42", "size 042"),
      replace("size 42", "size  42"),
      replace("size 42", "size -42"),
      replace("time_us ", "time "),
      replace("key_id " + s.key_id, "key_id " + s.key_id.substr(1)),
      replace(ToHex(s.checkpoint.root), ToHex(s.checkpoint.root).substr(2)),
      replace("opennrm-audit-checkpoint v1", "opennrm-audit-checkpoint v2"),
  };
  for (const auto& b : bad) EXPECT_FALSE(ParseCheckpointFile(b)) << b;
  std::string upper = text;
  size_t sig = upper.find("signature ") + 10;
  for (size_t i = sig; i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
  EXPECT_FALSE(ParseCheckpointFile(upper)) << "hex is lower case";
}

TEST(Checkpoint, FileNamesSortBySize) {
  EXPECT_EQ(CheckpointFileName(42), "checkpoint-00000000000000000042");
  EXPECT_LT(CheckpointFileName(9), CheckpointFileName(10));
  EXPECT_LT(CheckpointFileName(99999), CheckpointFileName(UINT64_MAX));
  EXPECT_EQ(PublicKeyFileName("0123456789abcdef"), "public-key-0123456789abcdef");
}

TEST(Checkpoint, PublicKeyFiles) {
  TestKey key = KeyFromSeed(4);
  std::string file = FormatPublicKeyFile(key.public_key);
  EXPECT_EQ(file.size(), 65u);
  EXPECT_EQ(*ParsePublicKeyFile(file), key.public_key);
  EXPECT_EQ(*ParsePublicKeyFile("  " + file + "\r\n"), key.public_key);
  EXPECT_EQ(*ParsePublicKeyFile(key.public_key), key.public_key);  // 32 raw bytes
  EXPECT_FALSE(ParsePublicKeyFile(file.substr(0, 62)));
  EXPECT_FALSE(ParsePublicKeyFile("zz" + file.substr(2)));
  EXPECT_FALSE(ParsePublicKeyFile(""));
}

TEST(Checkpoint, HexHelpers) {
  EXPECT_EQ(BytesToHex(std::string("\x00\xff\x10", 3)), "00ff10");
  EXPECT_EQ(*HexToBytes("00Ff10"), std::string("\x00\xff\x10", 3));
  EXPECT_FALSE(HexToBytes("0"));
  EXPECT_FALSE(HexToBytes("0g"));
}

}  // namespace
}  // namespace opennrm::audit
