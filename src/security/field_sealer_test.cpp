// Unit tests for field sealing: round trips, binding to location and key version, tampering.
#include "security/field_sealer.hpp"

#include <gtest/gtest.h>

#include "security/test_support.hpp"

namespace opennrm::security {
namespace {

ports::FieldLocation At(std::string record_id, std::string column = "full_name",
                        std::string table = "persons", std::string org = "org-socialtjansten") {
  return ports::FieldLocation{std::move(org), std::move(table), std::move(column),
                              std::move(record_id)};
}

class FieldSealerTest : public ::testing::Test {
 protected:
  DataKey key_ = std::move(*DataKey::Generate());

  std::string SealOk(const ports::FieldLocation& where, std::string_view plain,
                     uint32_t version = 7) {
    auto sealed = Seal(key_, version, where, plain);
    EXPECT_TRUE(sealed) << sealed.error().message;
    return sealed ? *sealed : std::string();
  }
  void ExpectCannotOpen(const ports::FieldLocation& where, std::string_view sealed,
                        uint32_t version = 7) {
    auto opened = Open(key_, version, where, sealed);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::kInvalid);
  }
};

TEST_F(FieldSealerTest, RoundTripsTextEmptyAndOneMebibyte) {
  std::string big(1 << 20, '\0');
  randombytes_buf(big.data(), big.size());
  for (const std::string& plain :
       {std::string("Anna Andersson"), std::string(), big, std::string("nul\0inside", 10)}) {
    const std::string sealed = SealOk(At("rec-1"), plain);
    EXPECT_EQ(sealed.size(), plain.size() + kSealedFieldOverhead);
    auto opened = Open(key_, 7, At("rec-1"), sealed);
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(*opened, plain);
  }
}

TEST_F(FieldSealerTest, HeaderNamesFormatAndKeyVersionBigEndian) {
  const std::string sealed = SealOk(At("rec-1"), "x", 0x01020304);
  EXPECT_EQ(sealed.substr(0, 5), std::string("\x01\x01\x02\x03\x04", 5));
  auto version = KeyVersionOf(sealed);
  ASSERT_TRUE(version);
  EXPECT_EQ(*version, 0x01020304u);
}

TEST_F(FieldSealerTest, PlaintextDoesNotAppearAndNoncesDiffer) {
  const std::string a = SealOk(At("rec-1"), "Marker-4711-Canary");
  const std::string b = SealOk(At("rec-1"), "Marker-4711-Canary");
  EXPECT_EQ(a.find("Marker"), std::string::npos);
  EXPECT_NE(a, b);
}

TEST_F(FieldSealerTest, CiphertextsSwappedBetweenRecordsDoNotOpen) {
  const std::string first = SealOk(At("rec-1"), "Anna Andersson");
  const std::string second = SealOk(At("rec-2"), "Bertil Berg");
  ExpectCannotOpen(At("rec-2"), first);
  ExpectCannotOpen(At("rec-1"), second);
}

TEST_F(FieldSealerTest, MovedToAnotherColumnTableOrOrganisationDoesNotOpen) {
  const std::string sealed = SealOk(At("rec-1"), "1985-04-12");
  ExpectCannotOpen(At("rec-1", "date_of_birth"), sealed);
  ExpectCannotOpen(At("rec-1", "full_name", "suspects"), sealed);
  ExpectCannotOpen(At("rec-1", "full_name", "persons", "org-polisen"), sealed);
}

TEST_F(FieldSealerTest, ComponentBoundariesCannotBeShifted) {
  // Joined with a separator these would collide; length prefixes keep them apart.
  const std::string sealed = SealOk(At("1|2", "col", "t", "org"), "x");
  ExpectCannotOpen(At("2", "col|1", "t", "org"), sealed);
  ExpectCannotOpen(At("1", "2|col", "t", "org"), sealed);
  const std::string other = SealOk(At("rec", "ab", "c", "org"), "x");
  ExpectCannotOpen(At("rec", "b", "ca", "org"), other);
  ExpectCannotOpen(At("rec", "", "cab", "org"), other);
}

TEST_F(FieldSealerTest, WrongKeyOrVersionDoesNotOpen) {
  const std::string sealed = SealOk(At("rec-1"), "secret", 7);
  ExpectCannotOpen(At("rec-1"), sealed, 8);
  auto other_key = DataKey::Generate();
  ASSERT_TRUE(other_key);
  EXPECT_FALSE(Open(*other_key, 7, At("rec-1"), sealed));
  // Relabelling the header's version does not help either.
  std::string relabelled = sealed;
  relabelled[4] = 8;
  ExpectCannotOpen(At("rec-1"), relabelled, 8);
}

TEST_F(FieldSealerTest, EverySingleFlippedByteIsDetected) {
  const std::string sealed = SealOk(At("rec-1"), "Anna Andersson, 1985-04-12");
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    for (unsigned char mask : {0x01, 0x80}) {
      std::string bad = sealed;
      bad[i] = static_cast<char>(bad[i] ^ mask);
      EXPECT_FALSE(Open(key_, 7, At("rec-1"), bad)) << "byte " << i;
    }
  }
}

TEST_F(FieldSealerTest, TruncatedOrExtendedInputFailsCleanly) {
  const std::string sealed = SealOk(At("rec-1"), "Anna");
  for (std::size_t n = 0; n < sealed.size(); ++n) {
    ExpectCannotOpen(At("rec-1"), sealed.substr(0, n));
    if (n < kSealedFieldOverhead) {
      EXPECT_FALSE(KeyVersionOf(sealed.substr(0, n))) << n;
    }
  }
  ExpectCannotOpen(At("rec-1"), sealed + '\0');
}

TEST_F(FieldSealerTest, UnknownFormatByteIsRefused) {
  std::string sealed = SealOk(At("rec-1"), "Anna");
  sealed[0] = 0x02;
  EXPECT_FALSE(KeyVersionOf(sealed));
  ExpectCannotOpen(At("rec-1"), sealed);
}

TEST_F(FieldSealerTest, IncompleteLocationIsRefused) {
  for (const auto& where : {At(""), At("rec", ""), At("rec", "c", ""), At("rec", "c", "t", "")}) {
    auto sealed = Seal(key_, 1, where, "x");
    ASSERT_FALSE(sealed);
    EXPECT_EQ(sealed.error().code, ErrorCode::kInvalid);
  }
}

TEST_F(FieldSealerTest, FailureMessageRevealsNothingAboutTheCause) {
  const std::string sealed = SealOk(At("rec-1"), "Anna");
  auto moved = Open(key_, 7, At("rec-2"), sealed);
  std::string tampered = sealed;
  tampered.back() = static_cast<char>(tampered.back() ^ 1);
  auto altered = Open(key_, 7, At("rec-1"), tampered);
  ASSERT_FALSE(moved);
  ASSERT_FALSE(altered);
  EXPECT_EQ(moved.error().message, altered.error().message);
  EXPECT_EQ(moved.error().message.find("Anna"), std::string::npos);
}

}  // namespace
}  // namespace opennrm::security
