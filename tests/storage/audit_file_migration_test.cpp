// Migration 0024 on a database whose audit log already holds entries: on SQLite the log's tables
// and the leases move into the audit file (storage/sqlite/audit_file.hpp) with every row and
// index, the log reads and verifies as before, and neither a copy interrupted by a crash nor the
// migration run without its copy loses anything. On PostgreSQL nothing moves. Synthetic data only.
#include <filesystem>
#include <string>
#include <vector>

#include "audit_fixture.hpp"
#include "migration_fixture.hpp"
#include "storage/migrations/embedded.hpp"
#include "storage/repo/audit_repo.hpp"
#include "storage/repo/lease_repo.hpp"

namespace opennrm::testing {
namespace {

namespace oa = opennrm::audit;

constexpr long long kT0 = 1'780'000'000'000'000;

class AuditFileMigration : public MigrationTest {
 protected:
  // Migrates to 23 and writes a log of `n` entries, its tree state and a lease, as 23 had them.
  void LogAt23(int n) {
    auto at23 = storage::sql::Migrate(*conn_, dialect_, UpTo(23), kT0);
    ASSERT_TRUE(at23) << at23.error().message;
    oa::CompactRange range;
    std::vector<oa::StoredEntry> entries;
    for (int i = 0; i < n; ++i) {
      oa::Event e = SyntheticEvent(i);
      e.objects[0].id = "case-" + std::to_string(i % 3);
      entries.push_back(oa::AppendEntry(range, oa::EncodeEvent(e).value()).value());
    }
    storage::repo::SqlAuditRepository audit(*conn_);
    ASSERT_TRUE(audit.AppendEntries(entries));
    ASSERT_TRUE(audit.SaveTree(oa::ToStoredTree(range), 0, kT0));
    root_ = oa::ToStoredTree(range).root_hex;
    ASSERT_TRUE(storage::repo::SqlLeaseRepository(*conn_).TryAcquire("sequencer", "server-1", kT0,
                                                                     kT0 + 1'000'000));
  }

  long long Count(const std::string& sql) {
    auto rows = conn_->Query(sql, {});
    EXPECT_TRUE(rows) << rows.error().message;
    return rows ? rows->Int(0, 0) : -1;
  }

  // How many of the audit file's tables `schema` ("main" or "audit") holds.
  long long TablesIn(const std::string& schema) {
    std::string names;
    for (const auto& t : storage::sqlite::AuditFileTables()) {
      names += (names.empty() ? "'" : ",'") + t + "'";
    }
    return Count("SELECT count(*) FROM " + schema +
                 ".sqlite_master WHERE type = 'table' AND name IN (" + names + ")");
  }

  // The log as the repository reads it: `n` entries, the stored tree, the lease and the object
  // index all as written at 23.
  void ExpectLogIntact(int n) {
    storage::repo::SqlAuditRepository audit(*conn_);
    auto tree = audit.Tree();
    ASSERT_TRUE(tree) << tree.error().message;
    EXPECT_EQ(tree->size, static_cast<uint64_t>(n));
    EXPECT_EQ(tree->root_hex, root_);
    auto leaves = audit.Entries(0, static_cast<uint64_t>(n), n + 1);
    ASSERT_TRUE(leaves) << leaves.error().message;
    ASSERT_EQ(leaves->size(), static_cast<size_t>(n));
    oa::CompactRange again;
    for (const auto& e : *leaves) ASSERT_TRUE(oa::AppendEntry(again, e.leaf));
    EXPECT_EQ(oa::ToStoredTree(again).root_hex, root_) << "every leaf is there, in order";
    EXPECT_EQ(audit.ObjectRowsFrom(0, 1000).value(), static_cast<uint64_t>(n));
    storage::repo::SqlLeaseRepository leases(*conn_);
    EXPECT_FALSE(leases.TryAcquire("sequencer", "server-2", kT0 + 1, kT0 + 2).value())
        << "the lease is still held by server-1";
  }

  std::string root_;
};

TEST_F(AuditFileMigration, TheLogMovesToItsOwnFileWithEveryRowAndIndex) {
  LogAt23(12);
  auto all = storage::sql::Migrate(*conn_, dialect_, all_, kT0);
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_GE(all->to_version, 24);
  ExpectLogIntact(12);
  if (postgres_) return;  // nothing moves there
  EXPECT_EQ(TablesIn("main"), 0);
  EXPECT_EQ(TablesIn("audit"), static_cast<long long>(storage::sqlite::AuditFileTables().size()));
  EXPECT_EQ(
      Count("SELECT count(*) FROM audit.sqlite_master WHERE type = 'index' AND name IN "
            "('audit_entries_at', 'audit_entries_action', 'audit_entry_objects_organisation')"),
      3)
      << "the log's indexes come with it";
  EXPECT_EQ(Count("SELECT count(*) FROM main.sqlite_master WHERE type = 'index' AND name LIKE "
                  "'audit%'"),
            0);
  // The foreign key still holds inside the audit file.
  EXPECT_FALSE(
      conn_->Exec("INSERT INTO audit_entry_objects (seq, position, object_type, "
                  "object_id, organisation_id) VALUES (999, 0, 'case', 'c', 'o')"));
  // The log's file is where audit_file.hpp says, and holds the rows itself.
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/test-audit.db"));
  EXPECT_EQ(Count("SELECT count(*) FROM audit.audit_entries"), 12);
}

TEST_F(AuditFileMigration, ACopyInterruptedBeforeTheMigrationCommittedIsMadeAgain) {
  if (postgres_) GTEST_SKIP() << "SQLite only: PostgreSQL moves nothing";
  LogAt23(9);
  // A copy committed, then a crash before 0024 itself: the main file still holds the tables, and
  // the next start copies again over the first copy.
  ASSERT_TRUE(storage::sqlite::CopyAuditTables(*conn_));
  ASSERT_TRUE(conn_->Exec("DELETE FROM audit.audit_entry_objects WHERE seq >= 5"));
  EXPECT_EQ(TablesIn("main"), static_cast<long long>(storage::sqlite::AuditFileTables().size()));
  auto all = storage::sql::Migrate(*conn_, dialect_, all_, kT0);
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(TablesIn("main"), 0);
  ExpectLogIntact(9);
}

TEST_F(AuditFileMigration, WithoutItsCopyTheMigrationStopsAndDropsNothing) {
  if (postgres_) GTEST_SKIP() << "SQLite only: PostgreSQL moves nothing";
  LogAt23(7);
  // The bare shipped list lacks 0024's preparation: the audit file has no tables, so the
  // migration's check fails before any table is dropped.
  auto bare = storage::sql::Migrate(*conn_, dialect_, storage::migrations::Sqlite(), kT0);
  ASSERT_FALSE(bare);
  EXPECT_NE(bare.error().message.find("0024"), std::string::npos) << bare.error().message;
  EXPECT_EQ(storage::sql::CurrentVersion(*conn_).value(), 23);
  EXPECT_EQ(TablesIn("main"), static_cast<long long>(storage::sqlite::AuditFileTables().size()));
  // A copy that is short of rows is refused the same way.
  ASSERT_TRUE(storage::sqlite::CopyAuditTables(*conn_));
  ASSERT_TRUE(
      conn_->Exec("DELETE FROM audit.audit_entry_objects WHERE seq = 6; DELETE FROM "
                  "audit.audit_entries WHERE seq = 6"));
  auto short_copy = storage::sql::Migrate(*conn_, dialect_, storage::migrations::Sqlite(), kT0);
  ASSERT_FALSE(short_copy);
  EXPECT_EQ(Count("SELECT count(*) FROM main.audit_entries"), 7);
  // With its preparation it completes.
  auto all = storage::sql::Migrate(*conn_, dialect_, all_, kT0);
  ASSERT_TRUE(all) << all.error().message;
  ExpectLogIntact(7);
}

}  // namespace
}  // namespace opennrm::testing
