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
#include "security/test_support.hpp"

namespace opennrm::security {
namespace {

using testing::KeyTable;
using testing::Master;
using testing::TableDatabase;

const std::string kPackage =
    R"({"sections":{"identity":{"name":"Testperson Exempelsdotter","born":"1999-01-01"},)"
    R"("needs_safety":{"needs":["shelter","interpreter"]}}})";

class PackageBoxTest : public ::testing::Test {
 protected:
  // A box over a key ring of its own, as a server has; the fixture keeps the ring.
  std::unique_ptr<PackageBox> Box(char master = 'm', std::optional<char> previous = std::nullopt) {
    rings_.push_back(Ring(master, previous));
    return std::make_unique<PackageBox>(*rings_.back());
  }
  std::unique_ptr<KeyRing> Ring(char master, std::optional<char> previous = std::nullopt) {
    std::optional<MasterKey> prev;
    if (previous) prev = Master(*previous);
    return std::make_unique<KeyRing>(db_, clock_, Master(master), std::move(prev));
  }
  static std::string Sealed(ports::PackageSealer& box, const std::string& org,
                            const std::string& referral, std::string_view plaintext = kPackage) {
    auto s = box.Seal(org, referral, plaintext);
    EXPECT_TRUE(s.has_value()) << s.error().message;
    return s ? *s : std::string();
  }
  static void ExpectCannotOpen(const Result<std::string>& opened, const std::string& why) {
    ASSERT_FALSE(opened.has_value()) << why;
    EXPECT_EQ(opened.error().code, ErrorCode::kInvalid) << why;
    ASSERT_EQ(opened.error().fields.size(), 1u) << why;
    EXPECT_EQ(opened.error().fields[0].rule, "authentication") << why;
  }
  int RowsOf(const std::string& owner) {
    int n = 0;
    for (const auto& r : db_.table.Snapshot()) n += r.organisation_id == owner;
    return n;
  }

  TableDatabase db_;
  FakeClock clock_{FromEpochMicros(1'780'000'000'000'000)};
  std::vector<std::unique_ptr<KeyRing>> rings_;  // outlive the boxes made over them
};

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

TEST_F(PackageBoxTest, OldPackagesOpenAfterMasterKeyRotation) {
  auto sealed = Sealed(*Box('m'), "org-shelter", "ref-1");

  // Servers restarted with the new key and the previous one, before `keys rotate`.
  auto during = Box('n', 'm');
  auto opened = during->Open("org-shelter", "ref-1", sealed);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(*opened, kPackage);

  auto report = Ring('n', 'm')->RewrapAll();
  ASSERT_TRUE(report.has_value()) << report.error().message;
  EXPECT_EQ(report->rewrapped, 1);
  EXPECT_EQ(report->unreadable, 0);

  auto restarted = Box('n', 'm');
  auto previous_removed = Box('n');
  for (auto* box : {during.get(), restarted.get(), previous_removed.get()}) {
    auto again = box->Open("org-shelter", "ref-1", sealed);
    ASSERT_TRUE(again.has_value()) << again.error().message;
    EXPECT_EQ(*again, kPackage);
  }
  // A server still on the old master key alone cannot read the re-wrapped key.
  auto stale = Box('m')->Open("org-shelter", "ref-1", sealed);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kInternal);
}

TEST_F(PackageBoxTest, ANewKeyVersionSealsNewPackagesAndOldOnesStillOpen) {
  auto box = Box();
  auto old_sealed = Sealed(*box, "org-shelter", "ref-1");
  auto old_public = box->PublicKey("org-shelter");
  ASSERT_TRUE(old_public.has_value());

  auto made = Ring('m')->NewDataKeyVersions();  // `keys rotate --new-data-keys`
  ASSERT_TRUE(made.has_value()) << made.error().message;
  ASSERT_EQ(RowsOf("org-shelter/package-box"), 2);

  auto fresh = Box();
  auto new_public = fresh->PublicKey("org-shelter");
  ASSERT_TRUE(new_public.has_value());
  EXPECT_NE(*new_public, *old_public);
  auto new_sealed = Sealed(*fresh, "org-shelter", "ref-2");
  EXPECT_EQ(new_sealed[4], '\x02') << "sealed to version 2";
  for (auto* b : {box.get(), fresh.get()}) {
    auto o = b->Open("org-shelter", "ref-1", old_sealed);
    ASSERT_TRUE(o.has_value()) << o.error().message;
    EXPECT_EQ(*o, kPackage);
    auto n = b->Open("org-shelter", "ref-2", new_sealed);  // the old box loads version 2
    ASSERT_TRUE(n.has_value()) << n.error().message;
    EXPECT_EQ(*n, kPackage);
  }
}

TEST_F(PackageBoxTest, ACachedKeyNeedsNoDatabase) {
  auto box = Box();
  auto sealed = Sealed(*box, "org-a", "ref-1");
  const int begins = db_.table.begins.load();
  Sealed(*box, "org-a", "ref-2");
  ASSERT_TRUE(box->Open("org-a", "ref-1", sealed).has_value());
  EXPECT_EQ(db_.table.begins.load(), begins);
}

TEST_F(PackageBoxTest, ConcurrentFirstUseCreatesOneKeyPair) {
  auto one = Box();
  auto two = Box();
  std::vector<std::string> sealed(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      PackageBox& box = i % 2 ? *one : *two;
      auto s = box.Seal("org-a", "ref-" + std::to_string(i), kPackage);
      if (s) sealed[i] = *s;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(RowsOf("org-a/package-box"), 1);
  for (int i = 0; i < 8; ++i) {
    ASSERT_FALSE(sealed[i].empty()) << i;
    PackageBox& other = i % 2 ? *two : *one;
    auto opened = other.Open("org-a", "ref-" + std::to_string(i), sealed[i]);
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    EXPECT_EQ(*opened, kPackage);
  }
}

TEST_F(PackageBoxTest, ANewPackageKeyVersionStaysOutOfTheFieldCipher) {
  auto ring = Ring('m');
  PackageBox box(*ring);
  auto old_sealed = Sealed(box, "org-shelter", "ref-1");
  const ports::FieldLocation field{"org-shelter", "persons", "identity", "p1"};
  ASSERT_TRUE(ring->Seal(field, "Testperson").has_value());

  auto made = ring->NewDataKeyVersions();  // `keys rotate --new-data-keys`
  ASSERT_TRUE(made.has_value()) << made.error().message;
  EXPECT_EQ(*made, 1) << "one organisation: a new data key and a new package key";
  EXPECT_EQ(RowsOf("org-shelter"), 2);
  EXPECT_EQ(RowsOf("org-shelter/package-box"), 2);
  auto field_sealed = ring->Seal(field, "Testperson");
  ASSERT_TRUE(field_sealed.has_value());
  EXPECT_EQ(field_sealed->substr(1, 4), std::string("\0\0\0\x02", 4)) << "data key version 2";

  // A value forged under a package secret, as if it were the owner's data key,
  // must not open: the ring's field cipher holds no package key.
  const int begins = db_.table.begins.load();
  const ports::FieldLocation forged_at{"org-shelter/package-box", "persons", "identity", "p1"};
  for (const auto& row : db_.table.Snapshot()) {
    if (row.organisation_id != forged_at.organisation_id) continue;
    const auto version = static_cast<uint32_t>(row.version);
    auto secret = UnwrapDataKey(Master('m'), row.organisation_id, version, row.wrapped);
    ASSERT_TRUE(secret.has_value());
    auto forged = security::Seal(*secret, version, forged_at, "forged");
    ASSERT_TRUE(forged.has_value());
    auto opened = ring->Open(forged_at, *forged);
    ASSERT_FALSE(opened.has_value()) << "package key version " << row.version;
    EXPECT_EQ(opened.error().code, ErrorCode::kInvalid);
  }
  EXPECT_EQ(db_.table.begins.load(), begins) << "refused before any key is loaded";

  // The package key versions still serve the box: the old package opens, a
  // box loading afresh seals to version 2.
  auto opened = box.Open("org-shelter", "ref-1", old_sealed);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(Sealed(*Box('m'), "org-shelter", "ref-2")[4], '\x02');
}

TEST_F(PackageBoxTest, NewKeyVersionsLeaveSingleKeysAlone) {
  auto ring = Ring('m');
  PackageBox box(*ring);
  Sealed(box, "org-shelter", "ref-1");  // only a package key: no data key
  ASSERT_TRUE(ring->PlatformSecret().has_value());
  ASSERT_TRUE(ring->Digests("org-police", {"anna"}).has_value());
  const int begins = db_.table.begins.load();
  auto made = ring->NewDataKeyVersions();
  ASSERT_TRUE(made.has_value()) << made.error().message;
  EXPECT_EQ(*made, 1) << "org-shelter's package key";
  // Listing the keys, then creating the one version: the new package key is
  // not read back into the ring (only data keys are, for its field cipher).
  EXPECT_EQ(db_.table.begins.load() - begins, 2);
  EXPECT_EQ(RowsOf("org-shelter/package-box"), 2);
  EXPECT_EQ(RowsOf("org-shelter"), 0) << "no data key is created by rotation";
  EXPECT_EQ(RowsOf("platform"), 1);
  EXPECT_EQ(RowsOf("org-police/blind-index"), 1);
}

TEST_F(PackageBoxTest, TheRingHandsOutOnlyPackageKeys) {
  auto ring = Ring('m');
  ASSERT_TRUE(ring->Seal({"org-a", "persons", "identity", "p1"}, "Testperson").has_value());
  ASSERT_TRUE(ring->Digests("org-a", {"anna"}).has_value());
  ASSERT_TRUE(ring->PlatformSecret().has_value());
  const auto rows = db_.table.Snapshot().size();
  for (const std::string owner : {"org-a", "platform", "org-a/blind-index", "", "/package-box",
                                  "platform/package-box", "a/b/package-box", "org-a/other"}) {
    for (bool create : {false, true}) {
      auto keys = ring->OwnerKeys(owner, create);
      ASSERT_FALSE(keys.has_value()) << owner;
      EXPECT_EQ(keys.error().code, ErrorCode::kInvalid) << owner;
    }
  }
  EXPECT_EQ(db_.table.Snapshot().size(), rows) << "nothing created for a refused owner";

  auto none = ring->OwnerKeys("org-a/package-box", false);
  ASSERT_TRUE(none.has_value()) << none.error().message;
  EXPECT_TRUE(none->empty()) << "without `create` nothing is made";
  auto first = ring->OwnerKeys("org-a/package-box", true);
  ASSERT_TRUE(first.has_value()) << first.error().message;
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].version, 1);
  auto again = ring->OwnerKeys("org-a/package-box", true);
  ASSERT_TRUE(again.has_value());
  ASSERT_EQ(again->size(), 1u) << "created once";
  EXPECT_TRUE(std::equal((*first)[0].key.bytes().begin(), (*first)[0].key.bytes().end(),
                         (*again)[0].key.bytes().begin()));
}

}  // namespace
}  // namespace opennrm::security
