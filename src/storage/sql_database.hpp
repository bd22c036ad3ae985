// ports::Database over a pool of dialect-neutral SQL connections: the one
// implementation both adapters share. Thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "ports/database.hpp"
#include "storage/sql/migrator.hpp"
#include "storage/sql/pool.hpp"
#include "storage/sql/writer_gate.hpp"
#include "storage/sqlite/checkpointer.hpp"

namespace opennrm::storage {

struct DatabaseOptions {
  std::string driver = "sqlite";  // "sqlite" or "postgres"
  std::string sqlite_path;        // for sqlite
  std::string postgres_conninfo;  // for postgres; never logged
  int pool_size = 8;
  std::chrono::milliseconds acquire_timeout{5000};
  std::chrono::milliseconds busy_timeout{5000};
  bool durable_commits = true;  // SQLite only; see sqlite::Options
  int sqlite_cache_mib = 64;    // SQLite only; see sqlite::Options
};

class SqlDatabase final : public ports::Database {
 public:
  static Result<std::unique_ptr<SqlDatabase>> Open(const DatabaseOptions& options);

  Result<std::unique_ptr<ports::UnitOfWork>> Begin(ports::Access access) override;
  std::string Dialect() const override { return dialect_.name; }
  Status Ping() override;
  ports::PoolState Pool() const override { return pool_->State(); }
  // SQLite: an ANALYZE bounded to about a thousand rows per index (analysis_limit), as a writer.
  // PostgreSQL: nothing (autovacuum analyzes).
  Status Optimize() override;

  // Applies this dialect's shipped migrations.
  Result<sql::MigrationReport> Migrate(long long now_us);
  Result<int> SchemaVersion();

 private:
  SqlDatabase(sql::Dialect dialect, std::unique_ptr<sqlite::Checkpointer> checkpointer,
              std::unique_ptr<sql::Pool> pool)
      : dialect_(std::move(dialect)),
        checkpointer_(std::move(checkpointer)),
        pool_(std::move(pool)) {}
  sql::Dialect dialect_;
  // SQLite: checkpoints the log off the commit path. Declared before pool_, so it outlives the
  // connections that notify it. Null for PostgreSQL and in-memory databases.
  std::unique_ptr<sqlite::Checkpointer> checkpointer_;
  std::unique_ptr<sql::Pool> pool_;
  // SQLite has one writer per database: this process's write transactions take this gate before
  // BEGIN IMMEDIATE, so they wait in line instead of polling. Null for PostgreSQL.
  std::unique_ptr<sql::WriterGate> writer_gate_;
  std::chrono::milliseconds busy_timeout_{5000};
};

}  // namespace opennrm::storage
