// Query plans SQLite chooses for the queries every case request runs, on a migrated database with
// the planner's statistics as the server leaves them (ANALYZE after migrating). A plan that reads
// more B-trees or sorts still answers correctly, so only a test of the plan catches it.
// Synthetic data only.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "storage/repo/case_repo.hpp"
#include "storage/sqlite/audit_file.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace opennrm::storage::sqlite {
namespace {

namespace fs = std::filesystem;

class QueryPlans : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/opennrm-plans-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    auto conn = Connect({dir_ + "/opennrm.db"});
    ASSERT_TRUE(conn) << conn.error().message;
    conn_ = std::move(*conn);
    auto r = sql::Migrate(*conn_, SqliteDialect(), Migrations(), 1);
    ASSERT_TRUE(r) << r.error().message;
  }
  void TearDown() override {
    conn_.reset();
    fs::remove_all(dir_);
  }

  // SQLite's plan for `sql` with `params`, its steps' details joined by " | ".
  std::string Plan(const std::string& sql, const std::vector<sql::Value>& params) {
    auto rows = conn_->Query("EXPLAIN QUERY PLAN " + sql, params);
    EXPECT_TRUE(rows) << rows.error().message;
    std::string plan;
    for (size_t r = 0; rows && r < rows->size(); ++r) {
      plan += (plan.empty() ? "" : " | ") + rows->Text(r, 3);
    }
    return plan;
  }

  std::string dir_;
  std::unique_ptr<sql::Connection> conn_;
};

TEST_F(QueryPlans, ACaseTeamIsReadFromOneIndexInItsOrder) {
  const std::string fresh = Plan(repo::kCaseTeamQuery, {"c1"});
  EXPECT_NE(fresh.find("COVERING INDEX case_team_order"), std::string::npos) << fresh;
  EXPECT_EQ(fresh.find("TEMP B-TREE"), std::string::npos) << fresh;
  // The same with the statistics ANALYZE (run by the server at every start and hourly) keeps for
  // a filled database: 120,000 team rows, two per case, as in the case benchmark's.
  ASSERT_TRUE(conn_->Exec("PRAGMA analysis_limit = 1000; ANALYZE;"));
  ASSERT_TRUE(
      conn_->Exec("DELETE FROM sqlite_stat1 WHERE tbl = 'case_team';"
                  " INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES"
                  " ('case_team', 'sqlite_autoindex_case_team_1', '120000 2 1'),"
                  " ('case_team', 'case_team_user', '120000 30 1'),"
                  " ('case_team', 'case_team_order', '120000 2 1 1 1');"
                  " ANALYZE sqlite_schema;"));
  const std::string filled = Plan(repo::kCaseTeamQuery, {"c1"});
  EXPECT_NE(filled.find("COVERING INDEX case_team_order"), std::string::npos) << filled;
  EXPECT_EQ(filled.find("TEMP B-TREE"), std::string::npos) << filled;
}

}  // namespace
}  // namespace opennrm::storage::sqlite
