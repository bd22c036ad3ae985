// Online backup and restore of the embedded SQLite database, with SQLite's
// backup API: a consistent copy while the server keeps writing.
#pragma once

#include <string>

#include "core/error.hpp"

namespace opennrm::storage::sqlite {

// Copies the live database at `db_path` to `dest_path` (which must not
// exist), then checks the copy with PRAGMA integrity_check.
Status Backup(const std::string& db_path, const std::string& dest_path);

// Replaces the database at `db_path` with the backup at `backup_path`, after
// checking the backup's integrity. The caller makes sure no server has it open.
Status Restore(const std::string& backup_path, const std::string& db_path);

}  // namespace opennrm::storage::sqlite
