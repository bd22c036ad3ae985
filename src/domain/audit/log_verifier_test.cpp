#include "domain/audit/log_verifier.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>
#include <vector>

#include "domain/audit/canonical_event.hpp"

namespace opennrm::audit {
namespace {

struct Key {
  std::string public_key;
  std::string secret_key;
};

Key MakeKey(unsigned char fill) {
  EXPECT_GE(sodium_init(), 0);
  unsigned char seed[crypto_sign_SEEDBYTES];
  std::fill(std::begin(seed), std::end(seed), fill);
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, seed);
  return {std::string(reinterpret_cast<char*>(pk), sizeof pk),
          std::string(reinterpret_cast<char*>(sk), sizeof sk)};
}

SignedCheckpoint SignWith(const Key& key, uint64_t size, const Hash& root, long long time_us) {
  Checkpoint c{size, root, time_us};
  std::string message = CheckpointMessage(c);
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(key.secret_key.data()));
  return SignedCheckpoint{c, KeyId(key.public_key), signature};
}

std::string Leaf(int i) {
  Event e;
  e.at_us = 1'000'000 + i;
  e.actor_user_id = "user-" + std::to_string(i % 3);
  e.organisation_id = "org-" + std::to_string(i % 2);
  e.action = i % 2 ? "case.read" : "case.update";
  e.outcome = "allowed";
  e.objects = {{"case", "case-" + std::to_string(i), "org-1", {}}};
  e.request_id = "req-" + std::to_string(i);
  return *EncodeEvent(e);
}

// A log as the sequencer writes it, with checkpoints, and ways to damage it.
class Log {
 public:
  Log() : key_(MakeKey(1)) {}

  void Append(int n) {
    for (int i = 0; i < n; ++i) {
      auto e = AppendEntry(range_, Leaf(static_cast<int>(entries_.size())));
      ASSERT_TRUE(e);
      entries_.push_back(*e);
    }
  }
  // Signs the current tree; exported (a file) or kept in the database only.
  void Checkpoint(const std::string& origin = "database") {
    checkpoints_.push_back(
        {SignWith(key_, range_.size(), range_.Root(), 100 + range_.size()), origin});
  }
  // Rewrites entry `seq` and recomputes every derived column after it, as someone with the
  // database and the skill to redo the hashing would; signed checkpoints stay as they were.
  void Rewrite(uint64_t seq, const std::string& leaf) {
    entries_[seq].leaf = leaf;
    Recompute();
  }
  void Recompute() {
    CompactRange range;
    for (auto& e : entries_) {
      std::string leaf = e.leaf;
      e = *AppendEntry(range, leaf);
    }
    range_ = range;
  }
  VerifyReport Verify(std::optional<uint64_t> unsequenced = std::nullopt) {
    LogVerifier v({key_.public_key}, checkpoints_);
    for (const auto& e : entries_) v.Add(e);
    return v.Finish(tree_ ? *tree_ : ToStoredTree(range_), unsequenced);
  }
  StoredTree Tree() const { return ToStoredTree(range_); }
  void FreezeTree() { tree_ = ToStoredTree(range_); }

  std::vector<StoredEntry> entries_;
  std::vector<CheckpointSource> checkpoints_;
  CompactRange range_;
  std::optional<StoredTree> tree_;
  Key key_;
};

::testing::AssertionResult Finds(const VerifyReport& r, Fault fault, uint64_t first_bad) {
  bool has = false;
  std::string all;
  for (const auto& f : r.findings) {
    has = has || f.fault == fault;
    all += std::string(ToString(f.fault)) + "@" + std::to_string(f.first) + ": " + f.detail + "\n";
  }
  if (!has) return ::testing::AssertionFailure() << "no " << ToString(fault) << " in\n" << all;
  if (r.FirstBadEntry() != first_bad) {
    return ::testing::AssertionFailure()
           << "first bad entry " << (r.FirstBadEntry() ? std::to_string(*r.FirstBadEntry()) : "-")
           << ", expected " << first_bad << ", in\n"
           << all;
  }
  return ::testing::AssertionSuccess();
}

class LogVerifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_.Append(3);
    log_.Checkpoint("checkpoint-3");
    log_.Append(3);
    log_.Checkpoint();
    log_.Append(4);  // 10 entries, checkpoints at 3 and 6
  }
  Log log_;
};

TEST_F(LogVerifierTest, AnIntactLogVerifies) {
  auto r = log_.Verify();
  EXPECT_TRUE(r.ok()) << r.findings.at(0).detail;
  EXPECT_EQ(r.entries, 10u);
  EXPECT_EQ(r.checkpoints_verified, 2u);
  EXPECT_EQ(r.largest_verified_size, 6u);
  EXPECT_FALSE(r.FirstBadEntry());
}

TEST_F(LogVerifierTest, EmptyLogWithoutCheckpointsVerifies) {
  Log empty;
  EXPECT_TRUE(empty.Verify().ok());
}

TEST_F(LogVerifierTest, EditedEvent) {
  log_.entries_[4].leaf = Leaf(40);
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kLeafHashMismatch, 4));
}

TEST_F(LogVerifierTest, EditedEventWithItsLeafHashRecomputed) {
  log_.entries_[7].leaf = Leaf(70);
  log_.entries_[7].leaf_hash_hex = ToHex(LeafHash(log_.entries_[7].leaf));
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kRootMismatch, 7));
}

TEST_F(LogVerifierTest, EditedEventWithEverythingRecomputedIsBoundedByCheckpoints) {
  log_.Rewrite(4, Leaf(40));
  auto r = log_.Verify();
  EXPECT_TRUE(Finds(r, Fault::kCheckpointMismatch, 3)) << "somewhere in 3..5";
  for (const auto& f : r.findings) {
    if (f.fault == Fault::kCheckpointMismatch) {
      EXPECT_EQ(f.end, 6u);
    }
  }
}

TEST_F(LogVerifierTest, EditedIndexColumn) {
  log_.entries_[2].index.actor_user_id = "someone-else";
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kIndexMismatch, 2));
}

TEST_F(LogVerifierTest, ObjectRowMissingFromTheIndex) {
  log_.entries_[5].index.objects.clear();
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kIndexMismatch, 5));
}

TEST_F(LogVerifierTest, NonCanonicalLeaf) {
  log_.entries_[1].leaf += " ";
  log_.entries_[1].leaf_hash_hex = ToHex(LeafHash(log_.entries_[1].leaf));
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kMalformedEntry, 1));
}

TEST_F(LogVerifierTest, DeletedEntry) {
  log_.entries_.erase(log_.entries_.begin() + 5);
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kMissingEntry, 5));
}

TEST_F(LogVerifierTest, DeletedEntryAndLaterOnesRenumbered) {
  log_.entries_.erase(log_.entries_.begin() + 5);
  for (size_t i = 5; i < log_.entries_.size(); ++i) log_.entries_[i].seq = i;
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kRootMismatch, 5));
}

TEST_F(LogVerifierTest, TwoEntriesSwapped) {
  std::swap(log_.entries_[2].leaf, log_.entries_[8].leaf);
  std::swap(log_.entries_[2].leaf_hash_hex, log_.entries_[8].leaf_hash_hex);
  std::swap(log_.entries_[2].index, log_.entries_[8].index);
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kRootMismatch, 2));
}

TEST_F(LogVerifierTest, TwoRowsSwappedWithAllTheirColumns) {
  std::swap(log_.entries_[6], log_.entries_[8]);
  std::swap(log_.entries_[6].seq, log_.entries_[8].seq);
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kRootMismatch, 6));
}

TEST_F(LogVerifierTest, RowsReadOutOfOrder) {
  std::swap(log_.entries_[6], log_.entries_[8]);
  auto r = log_.Verify();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.FirstBadEntry(), 6u);
}

TEST_F(LogVerifierTest, TruncatedTail) {
  log_.FreezeTree();
  log_.entries_.resize(8);
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kMissingEntry, 8));
}

TEST_F(LogVerifierTest, TruncatedPastACheckpointWithTheTreeStateRewound) {
  log_.entries_.resize(5);
  log_.Recompute();  // tree state rewound to 5 as well
  auto r = log_.Verify();
  EXPECT_TRUE(Finds(r, Fault::kTruncated, 5));
}

TEST_F(LogVerifierTest, TruncatedPastTheLastCheckpointAndItsDatabaseRowDeleted) {
  log_.entries_.resize(4);
  log_.Recompute();
  log_.checkpoints_.pop_back();  // the database's checkpoint of size 6 is gone; the file of 3 stays
  EXPECT_TRUE(log_.Verify().ok()) << "nothing left to tell";
  Log again;
  again.Append(6);
  again.Checkpoint("checkpoint-6");
  again.entries_.resize(4);
  again.Recompute();
  EXPECT_TRUE(Finds(again.Verify(), Fault::kTruncated, 4));
}

TEST_F(LogVerifierTest, ForkedLogResignedWithTheKey) {
  // Entries from 3 on rewritten and every derived column recomputed, then the database's
  // checkpoint of size 6 replaced by one over the new history; the exported size-3 file stands.
  // Checkpoints: 3 (file, matches), 6 (old, exported too), 8 (new history).
  log_.checkpoints_.back().origin = "checkpoint-6";
  log_.Rewrite(3, Leaf(30));
  log_.Rewrite(4, Leaf(31));
  log_.entries_.resize(8);
  log_.Recompute();
  log_.Checkpoint();
  auto r = log_.Verify();
  EXPECT_TRUE(Finds(r, Fault::kFork, 3));
}

TEST_F(LogVerifierTest, TwoCheckpointsOfOneSizeWithDifferentRoots) {
  log_.checkpoints_.push_back(
      {SignWith(log_.key_, 6, LeafHash("another history"), 5), "checkpoint-6"});
  EXPECT_TRUE(Finds(log_.Verify(), Fault::kFork, 3));
}

TEST_F(LogVerifierTest, BadAndUntrustedSignatures) {
  log_.checkpoints_[0].signed_checkpoint.signature[0] ^= 1;
  auto r = log_.Verify();
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].fault, Fault::kBadSignature);
  EXPECT_FALSE(r.FirstBadEntry()) << "a checkpoint's fault, not an entry's";
  EXPECT_EQ(r.checkpoints_verified, 1u);

  Key stranger = MakeKey(9);
  log_.checkpoints_[0] = {SignWith(stranger, 3, log_.range_.Root(), 1), "database"};
  auto r2 = log_.Verify();
  ASSERT_EQ(r2.findings.size(), 1u);
  EXPECT_EQ(r2.findings[0].fault, Fault::kBadSignature);
  EXPECT_NE(r2.findings[0].detail.find("not trusted"), std::string::npos);
}

TEST_F(LogVerifierTest, TheSameCheckpointFromTwoOriginsIsOneCheckpoint) {
  log_.checkpoints_.push_back(log_.checkpoints_[1]);
  log_.checkpoints_.back().origin = "checkpoint-6";
  auto r = log_.Verify();
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.checkpoints_verified, 3u);
}

TEST_F(LogVerifierTest, EntryBeyondTheTreeState) {
  EXPECT_TRUE(Finds(log_.Verify(10), Fault::kUnsequencedEntry, 10));
}

TEST_F(LogVerifierTest, TreeStateRowEdited) {
  StoredTree t = log_.Tree();
  t.root_hex = ToHex(LeafHash("x"));
  log_.tree_ = t;
  auto r = log_.Verify();
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].fault, Fault::kTreeStateMismatch);
}

TEST(LogEntry, SubtreeRootsRoundTrip) {
  CompactRange range;
  for (int i = 0; i < 11; ++i) range.Append(LeafHash(std::to_string(i)));
  StoredTree t = ToStoredTree(range);
  EXPECT_EQ(t.size, 11u);
  auto back = FromStoredTree(t);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->Root(), range.Root());
  EXPECT_EQ(std::count(t.subtree_roots.begin(), t.subtree_roots.end(), ','), 2);  // 8 + 2 + 1
  EXPECT_FALSE(ParseSubtreeRoots(11, t.subtree_roots + ","));
  EXPECT_FALSE(ParseSubtreeRoots(12, t.subtree_roots));
  t.root_hex = ToHex(EmptyRoot());
  EXPECT_FALSE(FromStoredTree(t));
  EXPECT_TRUE(FromStoredTree(ToStoredTree(CompactRange{})));
}

TEST(LogEntry, AppendEntryRefusesANonCanonicalLeaf) {
  CompactRange range;
  EXPECT_FALSE(AppendEntry(range, "{}"));
  EXPECT_EQ(range.size(), 0u);
  auto e = AppendEntry(range, Leaf(0));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->seq, 0u);
  EXPECT_EQ(e->root_hex, e->leaf_hash_hex) << "a one-leaf tree's root is its leaf";
}

}  // namespace
}  // namespace opennrm::audit
