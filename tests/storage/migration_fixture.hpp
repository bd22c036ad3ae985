// A bare database for migration tests, on the backend OPENNRM_TEST_BACKEND names ("postgres",
// with OPENNRM_TEST_PG, or SQLite in a temporary directory): no migration applied, so a test
// migrates up to a version, writes data as that schema had it, then migrates on.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/migrations/embedded.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/sql/migrator.hpp"
#include "storage/sqlite/audit_file.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace opennrm::testing {

class MigrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* backend = std::getenv("OPENNRM_TEST_BACKEND");
    postgres_ = backend && std::string(backend) == "postgres";
    if (postgres_) {
      const char* conninfo = std::getenv("OPENNRM_TEST_PG");
      ASSERT_TRUE(conninfo && *conninfo) << "OPENNRM_TEST_PG is not set.";
      auto c = storage::postgres::Connect(conninfo);
      ASSERT_TRUE(c) << c.error().message;
      conn_ = std::move(*c);
      ASSERT_TRUE(conn_->Exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"));
      dialect_ = storage::postgres::PostgresDialect();
      all_ = storage::migrations::Postgres();
    } else {
      char pattern[] = "/tmp/opennrm-migrate-XXXXXX";
      dir_ = mkdtemp(pattern);
      auto c = storage::sqlite::Connect({dir_ + "/test.db"});
      ASSERT_TRUE(c) << c.error().message;
      conn_ = std::move(*c);
      dialect_ = storage::sqlite::SqliteDialect();
      all_ = storage::sqlite::Migrations();
    }
  }
  void TearDown() override {
    conn_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // The migrations up to and including `version`.
  std::vector<storage::sql::Migration> UpTo(int version) const {
    std::vector<storage::sql::Migration> out;
    for (const auto& m : all_) {
      if (m.version <= version) out.push_back(m);
    }
    return out;
  }

  bool postgres_ = false;
  std::string dir_;
  std::unique_ptr<storage::sql::Connection> conn_;
  storage::sql::Dialect dialect_;
  std::vector<storage::sql::Migration> all_;
};

}  // namespace opennrm::testing
