// Unit tests for the key ring as a blind index (name search over sealed
// names), over an in-memory data_keys table standing in for the database.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <thread>

#include "security/key_ring.hpp"
#include "security/key_table_test_support.hpp"
#include "security/test_support.hpp"

namespace opennrm::security {
namespace {

using testing::KeyTable;
using testing::Master;
using testing::TableDatabase;

using Inputs = std::vector<std::string>;

class KeyRingBlindIndex : public ::testing::Test {
 protected:
  std::unique_ptr<KeyRing> Ring(char master = 'm', std::optional<char> previous = std::nullopt) {
    std::optional<MasterKey> prev;
    if (previous) prev = Master(*previous);
    return std::make_unique<KeyRing>(db_, clock_, Master(master), std::move(prev));
  }
  static std::vector<std::string> Digests(ports::BlindIndex& index, const std::string& org,
                                          const Inputs& inputs) {
    auto d = index.Digests(org, inputs);
    EXPECT_TRUE(d.has_value()) << d.error().message;
    return d ? *d : std::vector<std::string>{};
  }
  int RowsOf(const std::string& owner) {
    int n = 0;
    for (const auto& r : db_.table.Snapshot()) n += r.organisation_id == owner;
    return n;
  }

  TableDatabase db_;
  FakeClock clock_{FromEpochMicros(1'780'000'000'000'000)};
};

TEST_F(KeyRingBlindIndex, SameInputSameOrganisationSameDigest) {
  auto ring = Ring();
  auto d = Digests(*ring, "org-a", {"anna", "svensson", "anna"});
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0], d[2]);
  EXPECT_NE(d[0], d[1]);
  for (const auto& x : d) {
    EXPECT_EQ(x.size(), 64u);
    EXPECT_EQ(x.find_first_not_of("0123456789abcdef"), std::string::npos) << x;
  }
  EXPECT_EQ(Digests(*ring, "org-a", {"svensson"}), Inputs{d[1]});
}

TEST_F(KeyRingBlindIndex, DifferentOrganisationsDifferentDigests) {
  auto ring = Ring();
  auto a = Digests(*ring, "org-a", {"anna"});
  auto b = Digests(*ring, "org-b", {"anna"});
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NE(a[0], b[0]);
  EXPECT_EQ(RowsOf(BlindIndexKeyOwner("org-a")), 1);
  EXPECT_EQ(RowsOf(BlindIndexKeyOwner("org-b")), 1);
}

TEST_F(KeyRingBlindIndex, TheIndexKeyIsApartFromTheDataKeys) {
  auto ring = Ring();
  ASSERT_TRUE(ring->Seal({"org-a", "persons", "name", "p1"}, "Anna"));
  auto d = Digests(*ring, "org-a", {"anna"});
  ASSERT_EQ(RowsOf("org-a"), 1);
  ASSERT_EQ(RowsOf("org-a/blind-index"), 1);
  auto rows = db_.table.Snapshot();
  EXPECT_NE(rows[0].wrapped, rows[1].wrapped);
  // Digests do not create data keys, and sealing still works beside them.
  EXPECT_EQ(RowsOf("org-b"), 0);
  Digests(*ring, "org-b", {"anna"});
  EXPECT_EQ(RowsOf("org-b"), 0);
}

TEST_F(KeyRingBlindIndex, SurvivesARestart) {
  auto before = Digests(*Ring(), "org-a", {"anna", "svnsn"});
  auto after = Digests(*Ring(), "org-a", {"anna", "svnsn"});
  EXPECT_EQ(before, after);
  EXPECT_EQ(RowsOf("org-a/blind-index"), 1);
}

TEST_F(KeyRingBlindIndex, SurvivesMasterKeyRotationAndNewDataKeyVersions) {
  auto old_ring = Ring('m');
  ASSERT_TRUE(old_ring->Seal({"org-a", "persons", "name", "p1"}, "Anna"));
  auto before = Digests(*old_ring, "org-a", {"anna"});

  auto rotating = Ring('n', 'm');
  auto report = rotating->RewrapAll();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->rewrapped, 2) << "the data key and the index key";
  EXPECT_EQ(report->unreadable, 0);
  auto made = rotating->NewDataKeyVersions();
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(*made, 1) << "a new data key for org-a, none for its index key";
  EXPECT_EQ(RowsOf("org-a"), 2);
  EXPECT_EQ(RowsOf("org-a/blind-index"), 1);

  auto new_ring = Ring('n');  // the previous master key is gone
  EXPECT_EQ(Digests(*new_ring, "org-a", {"anna"}), before);
  EXPECT_EQ(Digests(*rotating, "org-a", {"anna"}), before);
}

TEST_F(KeyRingBlindIndex, LosingTheCreationRaceReadsTheWinnersKey) {
  auto winner = Digests(*Ring(), "org-a", {"anna"});
  {
    std::lock_guard lock(db_.table.mu);
    db_.table.stale_reads = 1;  // the loser saw no key, so it tries to create one
  }
  auto loser = Digests(*Ring(), "org-a", {"anna"});
  EXPECT_EQ(loser, winner);
  EXPECT_EQ(RowsOf("org-a/blind-index"), 1);
}

TEST_F(KeyRingBlindIndex, ConcurrentFirstUseCreatesOneKey) {
  auto one = Ring();
  auto two = Ring();
  std::vector<std::vector<std::string>> seen(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      KeyRing& ring = i % 2 ? *one : *two;
      auto d = ring.Digests("org-a", {"anna"});
      if (d) seen[i] = *d;
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(seen[0].size(), 1u);
  for (const auto& s : seen) EXPECT_EQ(s, seen[0]);
  EXPECT_EQ(RowsOf("org-a/blind-index"), 1);
}

TEST_F(KeyRingBlindIndex, NoInputsNoDigestsNoDatabase) {
  auto ring = Ring();
  auto d = ring->Digests("org-a", {});
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(d->empty());
  EXPECT_EQ(db_.table.begins.load(), 0);
  EXPECT_TRUE(db_.table.Snapshot().empty());
}

TEST_F(KeyRingBlindIndex, ACachedKeyNeedsNoDatabase) {
  auto ring = Ring();
  Digests(*ring, "org-a", {"anna"});
  int begins = db_.table.begins.load();
  Digests(*ring, "org-a", {"anna", "bo"});
  EXPECT_EQ(db_.table.begins.load(), begins);
}

TEST_F(KeyRingBlindIndex, ThePlaintextNeverReachesTheTable) {
  const std::string canary = "zlatanmarkerq7x";
  auto ring = Ring();
  auto d = Digests(*ring, "org-a", {canary});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].find(canary), std::string::npos);
  for (const auto& r : db_.table.Snapshot()) {
    for (const auto* field : {&r.organisation_id, &r.wrapped, &r.master_fingerprint}) {
      EXPECT_EQ(field->find(canary), std::string::npos);
      EXPECT_EQ(field->find(testing::ToHex(canary)), std::string::npos);
    }
  }
}

TEST_F(KeyRingBlindIndex, ReservedOwnersAreRefused) {
  auto ring = Ring();
  for (const std::string org : {"", "platform", "org-a/blind-index", "a/b"}) {
    auto d = ring->Digests(org, {"anna"});
    ASSERT_FALSE(d.has_value()) << org;
    EXPECT_EQ(d.error().code, ErrorCode::kInvalid);
  }
  auto sealed = ring->Seal({"org-a/blind-index", "persons", "name", "p1"}, "Anna");
  ASSERT_FALSE(sealed.has_value());
  EXPECT_EQ(sealed.error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(db_.table.Snapshot().empty());
}

}  // namespace
}  // namespace opennrm::security
