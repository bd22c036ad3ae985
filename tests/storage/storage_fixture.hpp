// A fresh, migrated database of the backend named by OPENNRM_TEST_BACKEND
// ("sqlite" or "postgres"; for postgres, OPENNRM_TEST_PG is the connection
// string). A missing PostgreSQL fails the test: it never skips.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>

#include "app/context.hpp"
#include "app/reference_data.hpp"
#include "cli/reference_files.hpp"
#include "cli/runtime.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/sql_database.hpp"

namespace opennrm::testing {

class StorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* backend = std::getenv("OPENNRM_TEST_BACKEND");
    storage::DatabaseOptions o;
    o.driver = backend ? backend : "sqlite";
    o.pool_size = 4;
    if (o.driver == "postgres") {
      const char* conninfo = std::getenv("OPENNRM_TEST_PG");
      ASSERT_TRUE(conninfo && *conninfo) << "OPENNRM_TEST_PG is not set: start PostgreSQL with "
                                            "scripts/pg-test-cluster (make test does).";
      o.postgres_conninfo = conninfo;
      auto raw = storage::postgres::Connect(conninfo);
      ASSERT_TRUE(raw.has_value()) << raw.error().message;
      ASSERT_TRUE(
          (*raw)->Exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;").has_value());
    } else {
      char pattern[] = "/tmp/opennrm-storage-XXXXXX";
      dir_ = mkdtemp(pattern);
      o.sqlite_path = dir_ + "/test.db";
    }
    auto db = storage::SqlDatabase::Open(o);
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    auto migrated = db_->Migrate(1);
    ASSERT_TRUE(migrated.has_value()) << migrated.error().message;
  }

  void TearDown() override {
    db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Imports the shipped reference data and returns the snapshot.
  std::shared_ptr<const app::Reference> LoadShippedReference() {
    auto files = cli::ReadReferenceFiles("data");
    EXPECT_TRUE(files.has_value()) << files.error().message;
    auto imported = app::ImportReferenceData(*db_, files->data, files->fingerprint);
    EXPECT_TRUE(imported.has_value()) << imported.error().message;
    auto ref = app::LoadReference(*db_);
    EXPECT_TRUE(ref.has_value()) << ref.error().message;
    return *ref;
  }

  std::unique_ptr<storage::SqlDatabase> db_;
  std::string dir_;
};

}  // namespace opennrm::testing
