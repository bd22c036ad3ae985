// Unit tests for the package box (sealed referral packages), over an
// in-memory data_keys table standing in for the database, as in
// key_ring_blind_index_test.cpp. Synthetic data only.
#include "security/package_box.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <thread>
#include <tuple>
#include <vector>

#include "security/field_sealer.hpp"
#include "security/key_ring.hpp"
#include "security/key_table_test_support.hpp"
#include "security/key_wrap.hpp"
#include "security/package_box_test_support.hpp"
#include "security/test_support.hpp"

namespace opennrm::security {
namespace {

using testing::KeyTable;
using testing::Master;
using testing::TableDatabase;

TEST_F(PackageBoxTest, RoundTrip) {
  auto box = Box();
  auto sealed = Sealed(*box, "org-shelter", "ref-1");
  EXPECT_EQ(sealed.size(), kPackage.size() + kSealedPackageOverhead);
  EXPECT_EQ(static_cast<unsigned char>(sealed[0]), kSealedPackageFormat);
  auto opened = box->Open("org-shelter", "ref-1", sealed);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(*opened, kPackage);
  EXPECT_EQ(RowsOf("org-shelter/package-box"), 1);
  EXPECT_EQ(db_.table.Snapshot().size(), 1u) << "no data key, no other owner";
}

TEST_F(PackageBoxTest, EmptyAndBinaryPlaintextsRoundTrip) {
  auto box = Box();
  const std::string binary("a\0b\xff\x01", 5);
  for (const std::string& plain : {std::string(), binary}) {
    auto opened = box->Open("org-a", "ref-1", Sealed(*box, "org-a", "ref-1", plain));
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    EXPECT_EQ(*opened, plain);
  }
}

TEST_F(PackageBoxTest, EachPackageHasItsOwnContentKeyAndNonce) {
  auto box = Box();
  auto one = Sealed(*box, "org-a", "ref-1");
  auto two = Sealed(*box, "org-a", "ref-1");
  EXPECT_NE(one, two);
  EXPECT_NE(one.substr(5, 80), two.substr(5, 80)) << "the sealed content keys differ";
}

TEST_F(PackageBoxTest, AnotherOrganisationCannotOpen) {
  auto box = Box();
  auto sealed = Sealed(*box, "org-shelter", "ref-1");
  ASSERT_TRUE(box->PublicKey("org-police").has_value());  // it has a key pair of its own
  ExpectCannotOpen(box->Open("org-police", "ref-1", sealed), "another organisation's key");
  ExpectCannotOpen(box->Open("org-iom", "ref-1", sealed), "an organisation without a key");
  EXPECT_EQ(RowsOf("org-iom/package-box"), 0) << "opening never creates a key";
  for (const std::string org : {"", "platform", "org-shelter/package-box", "org-shelter/"}) {
    ExpectCannotOpen(box->Open(org, "ref-1", sealed), "reserved owner " + org);
  }
}

TEST_F(PackageBoxTest, AnotherReferralIdCannotOpen) {
  auto box = Box();
  auto sealed = Sealed(*box, "org-shelter", "ref-1");
  for (const std::string ref : {"ref-2", "ref-10", "ref-", "", "REF-1"}) {
    ExpectCannotOpen(box->Open("org-shelter", ref, sealed), "referral " + ref);
  }
}

TEST_F(PackageBoxTest, TheBoundaryBetweenRecipientAndReferralCounts) {
  // "org-a" + "b-ref" and "org-ab" + "-ref" must not give the same associated data.
  auto box = Box();
  auto sealed = Sealed(*box, "org-a", "b-ref");
  ExpectCannotOpen(box->Open("org-ab", "-ref", sealed), "shifted boundary");
}

TEST_F(PackageBoxTest, EverySingleByteFlipFails) {
  auto box = Box();
  auto sealed = Sealed(*box, "org-shelter", "ref-1", "short synthetic package");
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    for (unsigned char mask : {0x01, 0x80, 0xff}) {
      std::string altered = sealed;
      altered[i] = static_cast<char>(altered[i] ^ mask);
      auto opened = box->Open("org-shelter", "ref-1", altered);
      ASSERT_FALSE(opened.has_value()) << "byte " << i << " mask " << int{mask};
      EXPECT_EQ(opened.error().code, ErrorCode::kInvalid) << "byte " << i;
    }
  }
  EXPECT_TRUE(box->Open("org-shelter", "ref-1", sealed).has_value());
}

TEST_F(PackageBoxTest, TruncatedOrExtendedFails) {
  auto box = Box();
  auto sealed = Sealed(*box, "org-shelter", "ref-1", "short synthetic package");
  for (std::size_t n = 0; n < sealed.size(); ++n) {
    ExpectCannotOpen(box->Open("org-shelter", "ref-1", sealed.substr(0, n)),
                     "truncated to " + std::to_string(n));
  }
  ExpectCannotOpen(box->Open("org-shelter", "ref-1", sealed + '\0'), "one byte appended");
}

TEST_F(PackageBoxTest, UnknownFormatOrKeyVersionFails) {
  auto box = Box();
  auto sealed = Sealed(*box, "org-shelter", "ref-1");
  auto with = [&](std::size_t at, char value) {
    std::string s = sealed;
    s[at] = value;
    return s;
  };
  ExpectCannotOpen(box->Open("org-shelter", "ref-1", with(0, 0x02)), "format 2");
  ExpectCannotOpen(box->Open("org-shelter", "ref-1", with(0, 0x00)), "format 0");
  ExpectCannotOpen(box->Open("org-shelter", "ref-1", with(4, 0x00)), "key version 0");
  ExpectCannotOpen(box->Open("org-shelter", "ref-1", with(4, 0x07)), "key version 7");
  ExpectCannotOpen(box->Open("org-shelter", "ref-1", with(1, '\x80')), "key version above int");
}

TEST_F(PackageBoxTest, SealingNeedsARecipientAndAReferral) {
  auto box = Box();
  for (const std::string org : {"", "platform", "org-a/blind-index", "a/b"}) {
    auto s = box->Seal(org, "ref-1", kPackage);
    ASSERT_FALSE(s.has_value()) << org;
    EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
    auto pk = box->PublicKey(org);
    ASSERT_FALSE(pk.has_value()) << org;
    EXPECT_EQ(pk.error().code, ErrorCode::kInvalid);
  }
  auto s = box->Seal("org-a", "", kPackage);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(db_.table.Snapshot().empty()) << "nothing created for a refused seal";
}

TEST_F(PackageBoxTest, KeyPairPersistsAcrossInstances) {
  std::string public_key;
  std::string sealed;
  {
    auto first = Box();
    auto pk = first->PublicKey("org-shelter");
    ASSERT_TRUE(pk.has_value()) << pk.error().message;
    public_key = *pk;
    sealed = Sealed(*first, "org-shelter", "ref-1");
  }
  auto second = Box();
  auto pk = second->PublicKey("org-shelter");
  ASSERT_TRUE(pk.has_value()) << pk.error().message;
  EXPECT_EQ(*pk, public_key);
  EXPECT_EQ(pk->size(), 32u);
  auto opened = second->Open("org-shelter", "ref-1", sealed);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(*opened, kPackage);
  EXPECT_EQ(RowsOf("org-shelter/package-box"), 1);
}

TEST_F(PackageBoxTest, TheSecretKeyIsStoredOnlyWrapped) {
  auto box = Box();
  Sealed(*box, "org-a", "ref-1");
  auto rows = db_.table.Snapshot();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].organisation_id, "org-a/package-box");
  EXPECT_EQ(rows[0].version, 1);
  EXPECT_EQ(rows[0].master_fingerprint, Fingerprint(Master('m')));
  auto secret = UnwrapDataKey(Master('m'), "org-a/package-box", 1, rows[0].wrapped);
  ASSERT_TRUE(secret.has_value()) << "wrapped as key_wrap.hpp wraps every key";
  EXPECT_EQ(rows[0].wrapped.find(testing::AsString(secret->bytes())), std::string::npos);
  EXPECT_FALSE(UnwrapDataKey(Master('x'), "org-a/package-box", 1, rows[0].wrapped).has_value());
}

TEST_F(PackageBoxTest, ThePlaintextNeverReachesThePackageOrTheTable) {
  const std::string canary = "zlatanmarkerq7x";
  auto box = Box();
  auto sealed = Sealed(*box, "org-a", "ref-1", "{\"name\":\"" + canary + "\"}");
  EXPECT_EQ(sealed.find(canary), std::string::npos);
  for (const auto& r : db_.table.Snapshot()) {
    EXPECT_EQ(r.wrapped.find(canary), std::string::npos);
    EXPECT_EQ(testing::ToHex(r.wrapped).find(testing::ToHex(canary)), std::string::npos);
  }
}

}  // namespace
}  // namespace opennrm::security
