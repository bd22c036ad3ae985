#include "storage/sql/migrator.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "storage/sqlite/sqlite_connection.hpp"

namespace opennrm::storage::sql {
namespace {

namespace fs = std::filesystem;

constexpr long long kNow = 1767225600LL * 1000000;  // 2026-01-01T00:00:00Z

// A SQLite database file in a fresh temporary directory.
class MigratorDb : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "opennrm-migrate-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    conn_ = Open();
    ASSERT_NE(conn_, nullptr);
  }
  void TearDown() override {
    conn_.reset();
    fs::remove_all(dir_);
  }

  std::unique_ptr<Connection> Open() {
    auto c = sqlite::Connect({(dir_ / "test.db").string()});
    EXPECT_TRUE(c) << (c ? "" : c.error().message);
    return c ? std::move(*c) : nullptr;
  }

  Result<MigrationReport> MigrateWith(const std::vector<Migration>& ms) {
    return Migrate(*conn_, sqlite::SqliteDialect(), ms, kNow);
  }

  bool TableExists(const std::string& name) {
    auto rows = conn_->Query(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $1", {name});
    EXPECT_TRUE(rows);
    return rows && rows->Int(0, 0) == 1;
  }

  fs::path dir_;
  std::unique_ptr<Connection> conn_;
};

const std::vector<Migration> kTwo{
    {1, "0001_places", "CREATE TABLE places (code TEXT PRIMARY KEY);"},
    {2, "0002_place_names",
     "ALTER TABLE places ADD COLUMN name TEXT NOT NULL DEFAULT '';"
     "CREATE INDEX places_name ON places (name);"},
};

TEST_F(MigratorDb, EmptyDatabaseIsAtVersionZero) {
  auto v = CurrentVersion(*conn_);
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(*v, 0);
}

TEST_F(MigratorDb, AppliesMigrationsInOrder) {
  auto r = MigrateWith(kTwo);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->from_version, 0);
  EXPECT_EQ(r->to_version, 2);
  EXPECT_EQ(r->applied, (std::vector<std::string>{"0001_places", "0002_place_names"}));
  EXPECT_EQ(*CurrentVersion(*conn_), 2);
  EXPECT_TRUE(
      conn_->Execute("INSERT INTO places (code, name) VALUES ($1, $2)", {"2584", "Kiruna"}));

  auto rows = conn_->Query(
      "SELECT version, name, checksum, applied_at_us FROM schema_migrations ORDER BY version", {});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->Text(1, 1), "0002_place_names");
  EXPECT_EQ(rows->Text(1, 2), Checksum(kTwo[1].sql));
  EXPECT_EQ(rows->Int(0, 3), kNow);
}

TEST_F(MigratorDb, SortsByVersionWhateverTheListOrder) {
  auto r = MigrateWith({kTwo[1], kTwo[0]});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->applied, (std::vector<std::string>{"0001_places", "0002_place_names"}));
}

TEST_F(MigratorDb, IsIdempotent) {
  ASSERT_TRUE(MigrateWith(kTwo));
  auto again = MigrateWith(kTwo);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->from_version, 2);
  EXPECT_EQ(again->to_version, 2);

  // A new process (a new connection to the same file) agrees.
  conn_ = Open();
  auto third = MigrateWith(kTwo);
  ASSERT_TRUE(third) << third.error().message;
  EXPECT_TRUE(third->applied.empty());
}

TEST_F(MigratorDb, AppliesOnlyTheNewOnes) {
  ASSERT_TRUE(MigrateWith({kTwo[0]}));
  EXPECT_EQ(*CurrentVersion(*conn_), 1);
  auto r = MigrateWith(kTwo);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->from_version, 1);
  EXPECT_EQ(r->applied, (std::vector<std::string>{"0002_place_names"}));
}

TEST_F(MigratorDb, RefusesWhenAnAppliedMigrationWasEdited) {
  ASSERT_TRUE(MigrateWith(kTwo));
  auto edited = kTwo;
  edited[0].sql = "CREATE TABLE places (code TEXT PRIMARY KEY, extra TEXT);";
  auto r = MigrateWith(edited);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_NE(r.error().message.find("Migration 1"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("0001_places"), std::string::npos) << r.error().message;

  // Even a whitespace change counts: the checksum is over the exact text.
  edited = kTwo;
  edited[1].sql += "\n";
  EXPECT_FALSE(MigrateWith(edited));
}

TEST_F(MigratorDb, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_TRUE(MigrateWith(kTwo));
  auto r = MigrateWith({kTwo[0]});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_NE(r.error().message.find("version 2"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("Upgrade"), std::string::npos) << r.error().message;
  // An empty list (a binary that knows no migrations) is also older.
  EXPECT_FALSE(MigrateWith({}));
}

TEST_F(MigratorDb, FailedMigrationRollsBackCompletely) {
  ASSERT_TRUE(MigrateWith({kTwo[0]}));
  std::vector<Migration> bad = {
      kTwo[0],
      {2, "0002_broken",
       "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);"}};
  auto r = MigrateWith(bad);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("0002_broken"), std::string::npos) << r.error().message;
  EXPECT_FALSE(TableExists("half_done"));
  EXPECT_EQ(*CurrentVersion(*conn_), 1);
  // The connection is usable afterwards and the fixed migration applies.
  auto fixed = MigrateWith(kTwo);
  ASSERT_TRUE(fixed) << fixed.error().message;
  EXPECT_EQ(*CurrentVersion(*conn_), 2);
}

TEST_F(MigratorDb, LaterMigrationsWaitForAFailedOne) {
  std::vector<Migration> ms = {kTwo[0],
                               {2, "0002_broken", "THIS IS NOT SQL;"},
                               {3, "0003_more", "CREATE TABLE more_things (x INTEGER);"}};
  EXPECT_FALSE(MigrateWith(ms));
  EXPECT_FALSE(TableExists("more_things"));
  EXPECT_EQ(*CurrentVersion(*conn_), 1);
}

TEST(Checksum, IsHexSha256OfTheExactText) {
  // SHA-256("abc"), FIPS 180-2 test vector.
  EXPECT_EQ(Checksum("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Checksum(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_NE(Checksum("CREATE TABLE a (x);"), Checksum("CREATE TABLE a (x); "));
}

}  // namespace
}  // namespace opennrm::storage::sql
