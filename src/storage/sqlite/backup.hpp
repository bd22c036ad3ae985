// Online backup and restore of the embedded SQLite database and its audit log's
// file, with SQLite's backup API: a consistent copy of each while the server
// keeps writing.
#pragma once

#include <string>

#include "core/error.hpp"

namespace opennrm::storage::sqlite {

// Copies the live database at `db_path` to `dest_path`, and its audit log's file
// (audit_file.hpp) to AuditFilePath(dest_path): neither may exist. Each copy is
// checked with PRAGMA integrity_check.
Status Backup(const std::string& db_path, const std::string& dest_path);

// Replaces the database at `db_path` and its audit log's file with the backup at
// `backup_path` and the audit file beside it, after checking both. A backup from
// before migration 24 has no audit file: the live one is removed, and the next
// start moves the backup's log into a new one. The caller makes sure no server
// has them open.
Status Restore(const std::string& backup_path, const std::string& db_path);

}  // namespace opennrm::storage::sqlite
