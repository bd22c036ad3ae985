// Unit tests for the package box (sealed referral packages) across key
// versions and master-key rotation, and its key pairs in the key ring, over an
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
