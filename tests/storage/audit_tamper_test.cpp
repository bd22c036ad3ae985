// Someone with write access to the database edits, deletes, reorders, truncates and forks the
// audit log; `opennrm audit verify` (its use case and its command) must detect each and name the
// first bad entry. On SQLite and PostgreSQL alike.
//
// The log under attack: 10 entries; checkpoints of size 3 and 6, signed and exported.
#include <cstdio>
#include <filesystem>

#include "audit_fixture.hpp"
#include "cli/audit_command.hpp"

namespace opennrm::testing {
namespace {

namespace oa = opennrm::audit;
using storage::sql::Value;

class AuditTamper : public AuditTest {
 protected:
  void SetUp() override {
    AuditTest::SetUp();
    if (HasFatalFailure()) return;
    Append(0, 3);
    ASSERT_EQ(Step(true).exported, 1);
    Append(3, 3);
    ASSERT_EQ(Step(true).exported, 1);
    Append(6, 4);
    ASSERT_EQ(Step(false).tree_size, 10u);
    auto intact = Verify();
    ASSERT_TRUE(intact.report.ok()) << Findings(intact.report);
    ASSERT_EQ(intact.report.checkpoints_verified, 4u)
        << "3 and 6, each from the database and a file";
  }

  // Expects `fault` among the findings (with and without the exported files when `both`) and
  // `first_bad` as the first bad entry.
  void ExpectDetected(oa::Fault fault, uint64_t first_bad, bool with_export = true) {
    auto out = Verify(with_export);
    const auto& r = out.report;
    EXPECT_FALSE(r.ok());
    bool found = false;
    for (const auto& f : r.findings) found = found || f.fault == fault;
    EXPECT_TRUE(found) << "no " << oa::ToString(fault) << " in:\n" << Findings(r);
    EXPECT_EQ(r.FirstBadEntry(), first_bad) << Findings(r);
  }

  // Writes every column of entry `seq` (and its object rows) from `e`.
  void WriteEntry(const oa::StoredEntry& e) {
    Raw("DELETE FROM audit_entry_objects WHERE seq = $1", {Value(static_cast<long long>(e.seq))});
    Raw("UPDATE audit_entries SET leaf = $1, leaf_hash = $2, root = $3, at_us = $4,"
        " actor_user_id = $5, actor_token_id = $6, organisation_id = $7, action = $8,"
        " outcome = $9 WHERE seq = $10",
        {e.leaf, e.leaf_hash_hex, e.root_hex, e.index.at_us, e.index.actor_user_id,
         e.index.actor_token_id, e.index.organisation_id, e.index.action, e.index.outcome,
         Value(static_cast<long long>(e.seq))});
    for (size_t p = 0; p < e.index.objects.size(); ++p) {
      const auto& o = e.index.objects[p];
      Raw("INSERT INTO audit_entry_objects (seq, position, object_type, object_id,"
          " organisation_id) VALUES ($1, $2, $3, $4, $5)",
          {Value(static_cast<long long>(e.seq)), Value(static_cast<long long>(p)), o.type, o.id,
           o.organisation_id});
    }
  }

  void DeleteEntriesFrom(uint64_t seq) {
    Raw("DELETE FROM audit_entry_objects WHERE seq >= $1", {Value(static_cast<long long>(seq))});
    Raw("DELETE FROM audit_entries WHERE seq >= $1", {Value(static_cast<long long>(seq))});
  }

  // Replaces the leaves of `changes` and recomputes every derived column and the tree state, as
  // someone who knows the format would; returns the new tree.
  oa::CompactRange RewriteAll(const std::map<uint64_t, std::string>& changes) {
    oa::CompactRange range;
    for (auto e : AllEntries()) {
      auto change = changes.find(e.seq);
      std::string leaf = change != changes.end() ? change->second : e.leaf;
      auto rewritten = oa::AppendEntry(range, leaf).value();
      if (rewritten.leaf_hash_hex != e.leaf_hash_hex || rewritten.root_hex != e.root_hex) {
        WriteEntry(rewritten);
      }
    }
    oa::StoredTree t = oa::ToStoredTree(range);
    Raw("UPDATE audit_tree SET size = $1, root = $2, subtree_roots = $3",
        {Value(static_cast<long long>(t.size)), t.root_hex, t.subtree_roots});
    return range;
  }

  void AddSignedCheckpoint(const oa::CompactRange& range) {
    oa::Checkpoint c{range.size(), range.Root(), ToEpochMicros(clock_.Now())};
    std::string signature = signer_->Sign(oa::CheckpointMessage(c));
    Raw("INSERT INTO audit_checkpoints (size, root, time_us, key_id, signature)"
        " VALUES ($1, $2, $3, $4, $5)",
        {Value(static_cast<long long>(c.size)), oa::ToHex(c.root), c.time_us,
         oa::KeyId(signer_->PublicKey()), oa::BytesToHex(signature)});
  }

  static std::string OtherLeaf(int i) {
    oa::Event e = SyntheticEvent(i);
    e.purpose = "break_glass";
    return oa::EncodeEvent(e).value();
  }

  // The configuration a command run on this database needs. On SQLite the command opens
  // <data_dir>/opennrm.db and its audit file, so the test's own connections close and the files
  // are renamed.
  cli::Config CommandConfig() {
    cli::Config config;
    const char* backend = std::getenv("OPENNRM_TEST_BACKEND");
    if (backend && std::string(backend) == "postgres") {
      config.driver = "postgres";
      config.postgres_url = std::getenv("OPENNRM_TEST_PG");
      return config;
    }
    if (db_) {
      sequencer_.reset();
      db_.reset();
      std::filesystem::rename(dir_ + "/test.db", dir_ + "/opennrm.db");
      std::filesystem::rename(dir_ + "/test-audit.db", dir_ + "/opennrm-audit.db");
    }
    config.driver = "sqlite";
    config.data_dir = dir_;
    return config;
  }

  // Runs `opennrm audit verify` on this database; returns the exit code and stdout.
  std::pair<int, std::string> RunVerifyCommand(bool with_export) {
    cli::Config config = CommandConfig();
    std::string key_file = export_dir_ + ".pub";
    {
      std::FILE* f = std::fopen(key_file.c_str(), "w");
      std::string text = oa::FormatPublicKeyFile(signer_->PublicKey());
      std::fwrite(text.data(), 1, text.size(), f);
      std::fclose(f);
    }
    ::testing::internal::CaptureStdout();
    int code = cli::RunAuditVerify(config, with_export ? export_dir_ : "", {key_file});
    std::string out = ::testing::internal::GetCapturedStdout();
    std::filesystem::remove(key_file);
    return {code, out};
  }
};

TEST_F(AuditTamper, IntactLogPassesTheCommand) {
  auto [code, out] = RunVerifyCommand(true);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("OK: the audit log verifies."), std::string::npos) << out;
}

TEST_F(AuditTamper, EditedEntry) {
  Raw("UPDATE audit_entries SET leaf = replace(leaf, '\"assignment\"', '\"break_glass\"')"
      " WHERE seq = 4");
  ExpectDetected(oa::Fault::kLeafHashMismatch, 4);
  auto [code, out] = RunVerifyCommand(true);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("First bad entry: 4\n"), std::string::npos) << out;
}

TEST_F(AuditTamper, EditedEntryWithItsLeafHashRecomputed) {
  std::string leaf = OtherLeaf(4);
  Raw("UPDATE audit_entries SET leaf = $1, leaf_hash = $2 WHERE seq = 4",
      {leaf, oa::ToHex(oa::LeafHash(leaf))});
  ExpectDetected(oa::Fault::kRootMismatch, 4);
}

TEST_F(AuditTamper, EditedIndexColumnHidesAnEventFromAFilter) {
  Raw("UPDATE audit_entries SET actor_user_id = 'u9' WHERE seq = 7");
  ExpectDetected(oa::Fault::kIndexMismatch, 7);
}

TEST_F(AuditTamper, EditedEntryWithEverythingRecomputedIsCaughtByTheCheckpoints) {
  RewriteAll({{4, OtherLeaf(4)}});
  // Every derived column agrees again; the checkpoint of size 6 bounds the edit to 3..5.
  ExpectDetected(oa::Fault::kCheckpointMismatch, 3);
  ExpectDetected(oa::Fault::kCheckpointMismatch, 3, false);
}

TEST_F(AuditTamper, DeletedEntry) {
  Raw("DELETE FROM audit_entry_objects WHERE seq = 5");
  Raw("DELETE FROM audit_entries WHERE seq = 5");
  ExpectDetected(oa::Fault::kMissingEntry, 5);
  auto [code, out] = RunVerifyCommand(false);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("First bad entry: 5\n"), std::string::npos) << out;
}

TEST_F(AuditTamper, ReorderedEntries) {
  auto entries = AllEntries();
  oa::StoredEntry second = entries[2];
  oa::StoredEntry eighth = entries[8];
  std::swap(second.seq, eighth.seq);  // each row takes the other's place, columns and all
  WriteEntry(second);
  WriteEntry(eighth);
  ExpectDetected(oa::Fault::kRootMismatch, 2);
}

TEST_F(AuditTamper, TruncatedTail) {
  DeleteEntriesFrom(8);
  ExpectDetected(oa::Fault::kMissingEntry, 8);
}

TEST_F(AuditTamper, TruncatedBackPastTheLastExportedCheckpoint) {
  // Entries 4..9 deleted, the tree state rewound to 4 and the database's checkpoint of size 6
  // deleted: the database alone is a consistent log of 4 entries.
  DeleteEntriesFrom(4);
  RewriteAll({});
  Raw("DELETE FROM audit_checkpoints WHERE size > 4");
  auto db_only = Verify(false);
  EXPECT_TRUE(db_only.report.ok()) << "nothing in the database tells";
  // The exported checkpoint of size 6 does.
  ExpectDetected(oa::Fault::kTruncated, 4);
  auto [code, out] = RunVerifyCommand(true);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("First bad entry: 4\n"), std::string::npos) << out;
  EXPECT_NE(out.find("truncated"), std::string::npos) << out;
}

TEST_F(AuditTamper, ForkedLogSignedAgainWithTheKey) {
  // Someone holding the signing key rewrites entries 3 and 4, recomputes everything, replaces
  // the database's checkpoint of size 6 and signs size 10: a different history whose own
  // checkpoints agree with each other.
  auto range = RewriteAll({{3, OtherLeaf(3)}, {4, OtherLeaf(4)}});
  Raw("DELETE FROM audit_checkpoints WHERE size = 6");
  oa::CompactRange six;
  for (const auto& e : AllEntries()) {
    if (e.seq < 6) six.Append(*oa::FromHex(e.leaf_hash_hex));
  }
  AddSignedCheckpoint(six);
  AddSignedCheckpoint(range);
  EXPECT_TRUE(Verify(false).report.ok()) << "the database alone is a consistent forgery";
  // The exported checkpoint of size 6 is not a prefix of the new history.
  ExpectDetected(oa::Fault::kFork, 3);
  auto [code, out] = RunVerifyCommand(true);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("First bad entry: 3\n"), std::string::npos) << out;
  EXPECT_NE(out.find("fork"), std::string::npos) << out;
  // Exporting the forged checkpoint of size 6 over the old one is refused.
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(cli::RunAuditExportCheckpoints(CommandConfig(), export_dir_), 1);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(::testing::internal::GetCapturedStdout().find("2 of 3 checkpoints"), std::string::npos);
  EXPECT_NE(err.find(oa::CheckpointFileName(6)), std::string::npos) << err;
  auto kept = cli::ReadCheckpointDirectory(export_dir_).value();
  ASSERT_EQ(kept.checkpoints.size(), 3u) << "3 and 6 as exported, and the new 10";
}

TEST_F(AuditTamper, ForgedCheckpointSignature) {
  Raw("UPDATE audit_checkpoints SET time_us = time_us + 1 WHERE size = 3");
  auto r = Verify().report;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.findings.at(0).fault, oa::Fault::kBadSignature) << Findings(r);
}

TEST_F(AuditTamper, EntryInsertedBeyondTheTree) {
  Raw("INSERT INTO audit_entries (seq, leaf, leaf_hash, root, at_us, actor_user_id,"
      " actor_token_id, organisation_id, action, outcome)"
      " SELECT 10, leaf, leaf_hash, root, at_us, actor_user_id, actor_token_id,"
      " organisation_id, action, outcome FROM audit_entries WHERE seq = 9");
  ExpectDetected(oa::Fault::kUnsequencedEntry, 10);
}

}  // namespace
}  // namespace opennrm::testing
