// Applies the numbered migrations of one dialect, each in its own
// transaction (after its `prepare`, if any), recording version, name and checksum in
// schema_migrations. Refuses to run when an applied migration's checksum differs from the shipped
// one (a shipped migration is never edited) or when the database is newer than this binary.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::sql {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
  // Work done before the migration's own transaction, in transactions of its own, for a change
  // no single transaction can make safely (SQLite commits attached files one by one:
  // storage/sqlite/audit_file.hpp). It must be idempotent: a crash before the migration commits
  // runs it again. Not part of the checksum.
  std::function<Status(Connection&)> prepare;
};

// Hex SHA-256 of a migration's text.
std::string Checksum(const std::string& text);

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // names
};

Result<MigrationReport> Migrate(Connection& conn, const Dialect& dialect,
                                const std::vector<Migration>& migrations, long long now_us);

// The highest applied version, 0 for an empty database.
Result<int> CurrentVersion(Connection& conn);

}  // namespace opennrm::storage::sql
