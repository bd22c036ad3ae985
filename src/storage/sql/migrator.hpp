// Applies the numbered migrations of one dialect, each in its own
// transaction, recording version, name and checksum in schema_migrations.
// Refuses to run when an applied migration's checksum differs from the
// shipped one (a shipped migration is never edited) or when the database is
// newer than this binary.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::sql {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
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
