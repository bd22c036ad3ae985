// Unit tests for loading the master key from a file or a base64 environment value.
#include "security/master_key.hpp"

#include <gtest/gtest.h>

#include "security/test_support.hpp"

namespace opennrm::security {
namespace {

using testing::AsString;
using testing::ModeOf;
using testing::TempDir;
using testing::WriteFile;

// 32 bytes 0x00..0x1f and their base64.
std::string Bytes32() {
  std::string s;
  for (int i = 0; i < 32; ++i) s += static_cast<char>(i);
  return s;
}
constexpr const char* kBase64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

TEST(MasterKey, LoadsFromPrivateFile) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  WriteFile(path, Bytes32(), 0600);
  auto key = MasterKey::FromFile(path);
  ASSERT_TRUE(key) << key.error().message;
  EXPECT_EQ(AsString(key->bytes()), Bytes32());
}

TEST(MasterKey, RefusesGroupReadableFileNamingIt) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  WriteFile(path, Bytes32(), 0640);
  auto key = MasterKey::FromFile(path);
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, ErrorCode::kInvalid);
  EXPECT_NE(key.error().message.find(path.string()), std::string::npos);
}

TEST(MasterKey, RefusesFileOfWrongLength) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  WriteFile(path, std::string(kBase64) + "\n", 0600);  // base64 text instead of raw bytes
  auto key = MasterKey::FromFile(path);
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(key.error().message.find(kBase64), std::string::npos);
}

TEST(MasterKey, LoadOrCreateReportsCreationAndIsStable) {
  TempDir dir;
  const auto path = dir.path() / "master.key";
  bool created = false;
  auto first = MasterKey::LoadOrCreateFile(path, &created);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(created);
  EXPECT_EQ(ModeOf(path) & 077, 0u);
  auto second = MasterKey::LoadOrCreateFile(path, &created);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_FALSE(created);
  EXPECT_EQ(AsString(first->bytes()), AsString(second->bytes()));
}

TEST(MasterKey, DecodesBase64WithOrWithoutPaddingAndWhitespace) {
  for (std::string value : {std::string(kBase64), std::string(kBase64).substr(0, 43),
                            std::string(kBase64) + "\n", "  " + std::string(kBase64)}) {
    auto key = MasterKey::FromBase64("OPENNRM_MASTER_KEY", value);
    ASSERT_TRUE(key) << value << ": " << key.error().message;
    EXPECT_EQ(AsString(key->bytes()), Bytes32());
  }
}

TEST(MasterKey, RefusesBase64OfWrongLengthNamingVariableNotValue) {
  const std::string sixteen = "AAECAwQFBgcICQoLDA0ODw==";
  const std::string forty_eight =
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v";
  for (const std::string& value : {sixteen, forty_eight}) {
    auto key = MasterKey::FromBase64("OPENNRM_MASTER_KEY", value);
    ASSERT_FALSE(key) << value;
    EXPECT_EQ(key.error().code, ErrorCode::kInvalid);
    EXPECT_NE(key.error().message.find("OPENNRM_MASTER_KEY"), std::string::npos);
    EXPECT_NE(key.error().message.find("exactly 32 bytes"), std::string::npos);
    EXPECT_EQ(key.error().message.find(value), std::string::npos);
  }
}

TEST(MasterKey, RefusesMalformedBase64) {
  const std::string url_safe = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh-_";
  for (const std::string& value :
       {std::string(""), std::string("not base64!"), url_safe, std::string(kBase64) + "=="}) {
    auto key = MasterKey::FromBase64("OPENNRM_MASTER_KEY", value);
    ASSERT_FALSE(key) << value;
    EXPECT_EQ(key.error().code, ErrorCode::kInvalid);
    if (!value.empty()) {
      EXPECT_EQ(key.error().message.find(value), std::string::npos);
    }
  }
}

TEST(MasterKey, MovesWithoutCopyingTheSecret) {
  auto key = MasterKey::FromBase64("K", kBase64);
  ASSERT_TRUE(key);
  const unsigned char* where = key->bytes().data();
  MasterKey moved = std::move(*key);
  EXPECT_EQ(moved.bytes().data(), where);
  EXPECT_EQ(AsString(moved.bytes()), Bytes32());
  static_assert(!std::is_copy_constructible_v<MasterKey>);
  static_assert(!std::is_copy_assignable_v<MasterKey>);
}

}  // namespace
}  // namespace opennrm::security
