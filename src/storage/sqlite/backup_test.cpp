// Backup and restore of the database and its audit log's file (audit_file.hpp), including a
// backup made before migration 24 (one file) and one whose audit file went missing. Synthetic
// data only.
#include "storage/sqlite/backup.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "storage/sqlite/audit_file.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace opennrm::storage::sqlite {
namespace {

namespace fs = std::filesystem;

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/opennrm-backup-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    fs::create_directories(dir_ + "/live");
    fs::create_directories(dir_ + "/restored");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A database at `path` migrated up to `version` (0: all), with `entries` log entries and a row
  // in a table of the main file.
  void Make(const std::string& path, int version, int entries) {
    auto conn = Connect({path});
    ASSERT_TRUE(conn) << conn.error().message;
    std::vector<sql::Migration> list;
    for (const auto& m : Migrations()) {
      if (version == 0 || m.version <= version) list.push_back(m);
    }
    auto r = sql::Migrate(**conn, SqliteDialect(), list, 1);
    ASSERT_TRUE(r) << r.error().message;
    for (int i = 0; i < entries; ++i) {
      ASSERT_TRUE((*conn)->Execute(
          "INSERT INTO audit_entries (seq, leaf, leaf_hash, root, at_us, actor_user_id, "
          "actor_token_id, organisation_id, action, outcome) VALUES ($1, 'l', 'h', 'r', 1, 'u', "
          "'', 'o', 'case.read', 'allowed')",
          {static_cast<long long>(i)}));
    }
    ASSERT_TRUE(
        (*conn)->Execute("INSERT INTO leases (name, holder, expires_at_us) VALUES "
                         "('scheduler', 'h', 9)",
                         {}));
  }

  // The count of rows in `table` of the database at `path` (with its audit file attached) after
  // migrating it fully.
  long long CountAfterMigrating(const std::string& path, const std::string& table) {
    auto conn = Connect({path});
    EXPECT_TRUE(conn) << conn.error().message;
    if (!conn) return -1;
    auto r = sql::Migrate(**conn, SqliteDialect(), Migrations(), 2);
    EXPECT_TRUE(r) << r.error().message;
    auto rows = (*conn)->Query("SELECT count(*) FROM " + table, {});
    EXPECT_TRUE(rows) << rows.error().message;
    return rows ? rows->Int(0, 0) : -1;
  }

  std::string dir_;
};

TEST_F(BackupTest, TheDatabaseAndItsAuditLogAreBackedUpAndRestoredTogether) {
  const std::string live = dir_ + "/live/opennrm.db";
  Make(live, 0, 5);
  const std::string backup = dir_ + "/backup.db";
  ASSERT_TRUE(Backup(live, backup));
  EXPECT_TRUE(fs::exists(dir_ + "/backup-audit.db"));
  // A second backup to the same name is refused, whichever of the two files exists.
  EXPECT_FALSE(Backup(live, backup));
  fs::remove(backup);
  EXPECT_FALSE(Backup(live, backup)) << "its audit file is still there";
  fs::remove(dir_ + "/backup-audit.db");
  ASSERT_TRUE(Backup(live, backup));

  const std::string restored = dir_ + "/restored/opennrm.db";
  ASSERT_TRUE(Restore(backup, restored));
  EXPECT_TRUE(fs::exists(dir_ + "/restored/opennrm-audit.db"));
  EXPECT_EQ(CountAfterMigrating(restored, "audit_entries"), 5);
  EXPECT_EQ(CountAfterMigrating(restored, "audit.leases"), 1);
}

TEST_F(BackupTest, ABackupWithoutItsAuditFileIsRefusedAndNothingIsReplaced) {
  const std::string live = dir_ + "/live/opennrm.db";
  Make(live, 0, 3);
  const std::string backup = dir_ + "/backup.db";
  ASSERT_TRUE(Backup(live, backup));
  fs::remove(dir_ + "/backup-audit.db");
  const std::string restored = dir_ + "/restored/opennrm.db";
  Make(restored, 0, 8);
  auto st = Restore(backup, restored);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("backup-audit.db"), std::string::npos) << st.error().message;
  EXPECT_EQ(CountAfterMigrating(restored, "audit_entries"), 8) << "the database kept its log";
}

TEST_F(BackupTest, ABackupFromBeforeTheAuditFileIsRestoredAndItsLogMovedAtTheNextStart) {
  const std::string live = dir_ + "/live/opennrm.db";
  Make(live, kAuditFileMigration - 1, 4);
  // Made as the old binary made it: the log in the one file, no audit file beside it.
  const std::string backup = dir_ + "/backup.db";
  ASSERT_TRUE(Backup(live, backup));
  fs::remove(dir_ + "/backup-audit.db");
  // The live directory it replaces has an audit file of its own, which must not survive.
  const std::string restored = dir_ + "/restored/opennrm.db";
  Make(restored, 0, 8);
  ASSERT_TRUE(Restore(backup, restored));
  EXPECT_EQ(CountAfterMigrating(restored, "audit_entries"), 4);
  EXPECT_EQ(CountAfterMigrating(restored, "main.sqlite_master WHERE name = 'audit_entries'"), 0);
}

}  // namespace
}  // namespace opennrm::storage::sqlite
