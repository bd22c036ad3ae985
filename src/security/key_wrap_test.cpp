// Unit tests for wrapping data keys under the master key.
#include "security/key_wrap.hpp"

#include <gtest/gtest.h>

#include "security/test_support.hpp"

namespace opennrm::security {
namespace {

using testing::AsString;

MasterKey Master(char fill) {
  const std::string raw(32, fill);
  std::string b64(sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(raw.data()), 32,
                    sodium_base64_VARIANT_ORIGINAL);
  b64.pop_back();
  return std::move(*MasterKey::FromBase64("TEST", b64));
}

class KeyWrapTest : public ::testing::Test {
 protected:
  MasterKey master_ = Master('m');
  DataKey key_ = std::move(*DataKey::Generate());
};

TEST_F(KeyWrapTest, RoundTrips) {
  auto wrapped = WrapDataKey(master_, "org-polisen-syd", 3, key_);
  ASSERT_TRUE(wrapped) << wrapped.error().message;
  EXPECT_EQ(wrapped->size(), 73u);
  EXPECT_EQ(static_cast<unsigned char>((*wrapped)[0]), 0x01);
  EXPECT_EQ(wrapped->find(AsString(key_.bytes())), std::string::npos);
  auto unwrapped = UnwrapDataKey(master_, "org-polisen-syd", 3, *wrapped);
  ASSERT_TRUE(unwrapped) << unwrapped.error().message;
  EXPECT_EQ(AsString(unwrapped->bytes()), AsString(key_.bytes()));
}

TEST_F(KeyWrapTest, FreshNonceEachTime) {
  auto a = WrapDataKey(master_, "org-1", 1, key_);
  auto b = WrapDataKey(master_, "org-1", 1, key_);
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
}

TEST_F(KeyWrapTest, AnotherOrganisationVersionOrMasterKeyDoesNotUnwrap) {
  auto wrapped = WrapDataKey(master_, "org-1", 1, key_);
  ASSERT_TRUE(wrapped);
  auto expect_invalid = [](const Result<DataKey>& r) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  };
  expect_invalid(UnwrapDataKey(master_, "org-2", 1, *wrapped));
  expect_invalid(UnwrapDataKey(master_, "org-1", 2, *wrapped));
  expect_invalid(UnwrapDataKey(master_, "org-1|1", 1, *wrapped));
  expect_invalid(UnwrapDataKey(Master('x'), "org-1", 1, *wrapped));
}

TEST_F(KeyWrapTest, EveryAlteredByteIsDetected) {
  auto wrapped = WrapDataKey(master_, "org-1", 1, key_);
  ASSERT_TRUE(wrapped);
  for (std::size_t i = 0; i < wrapped->size(); ++i) {
    std::string bad = *wrapped;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    EXPECT_FALSE(UnwrapDataKey(master_, "org-1", 1, bad)) << "byte " << i;
  }
}

TEST_F(KeyWrapTest, TruncatedOrExtendedIsRefused) {
  auto wrapped = WrapDataKey(master_, "org-1", 1, key_);
  ASSERT_TRUE(wrapped);
  for (std::size_t n = 0; n < wrapped->size(); ++n) {
    auto r = UnwrapDataKey(master_, "org-1", 1, wrapped->substr(0, n));
    ASSERT_FALSE(r) << n;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  }
  EXPECT_FALSE(UnwrapDataKey(master_, "org-1", 1, *wrapped + "x"));
}

TEST_F(KeyWrapTest, RefusesEmptyOrganisation) {
  auto wrapped = WrapDataKey(master_, "", 1, key_);
  ASSERT_FALSE(wrapped);
  EXPECT_EQ(wrapped.error().code, ErrorCode::kInvalid);
}

TEST_F(KeyWrapTest, GeneratedKeysDiffer) {
  auto other = DataKey::Generate();
  ASSERT_TRUE(other);
  EXPECT_NE(AsString(other->bytes()), AsString(key_.bytes()));
}

}  // namespace
}  // namespace opennrm::security
