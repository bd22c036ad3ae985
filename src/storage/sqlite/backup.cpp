#include "storage/sqlite/backup.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "storage/sqlite/audit_file.hpp"

namespace opennrm::storage::sqlite {

namespace fs = std::filesystem;

namespace {

struct Db {
  sqlite3* handle = nullptr;
  ~Db() { sqlite3_close_v2(handle); }
};

Status Open(Db& db, const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &db.handle, flags, nullptr) != SQLITE_OK) {
    return Internal("Cannot open " + path + ": " +
                    (db.handle ? sqlite3_errmsg(db.handle) : "out of memory"));
  }
  sqlite3_busy_timeout(db.handle, 10000);
  return {};
}

Status Copy(sqlite3* from, sqlite3* to, const std::string& what) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b) return Internal(what + ": " + sqlite3_errmsg(to));
  int rc;
  // Copy in steps so writers are held back only briefly; restart if they write.
  while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED) {
    if (rc != SQLITE_OK) sqlite3_sleep(5);
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return Internal(what + ": " + sqlite3_errstr(rc));
  return {};
}

Status Check(sqlite3* db, const std::string& what) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK) {
    return Internal(what + ": " + sqlite3_errmsg(db));
  }
  std::string result;
  if (sqlite3_step(stmt) == SQLITE_ROW)
    result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  if (result != "ok")
    return Fail(ErrorCode::kInvalid, what + " failed its integrity check: " + result);
  return {};
}

// Copies the database at `from` to a new file `to` (removed first) and checks the copy, and the
// source first when `check_source` (a backup about to be restored).
Status CopyFile(const std::string& from, const std::string& to, const std::string& what,
                bool check_source) {
  std::error_code ec;
  fs::remove(to, ec);
  Db src, dst;
  if (auto st = Open(src, from, SQLITE_OPEN_READONLY); !st) return st;
  if (check_source) {
    if (auto st = Check(src.handle, "The backup " + from); !st) return st;
  }
  if (auto st = Open(dst, to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !st) return st;
  if (auto st = Copy(src.handle, dst.handle, what); !st) return st;
  // A self-contained file: no WAL beside it.
  sqlite3_exec(dst.handle, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
  return Check(dst.handle, "The copy of " + from);
}

// The highest migration applied to the database at `path` (0 when none).
Result<int> SchemaVersion(const std::string& path) {
  Db db;
  if (auto st = Open(db, path, SQLITE_OPEN_READONLY); !st) return tl::unexpected(st.error());
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.handle, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", -1,
                         &stmt, nullptr) != SQLITE_OK) {
    return 0;  // never migrated
  }
  int version = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
  sqlite3_finalize(stmt);
  return version;
}

// Removes the write-ahead log and its index beside the database at `path`.
void RemoveLog(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(path + suffix, ec);
}

}  // namespace

Status Backup(const std::string& db_path, const std::string& dest_path) {
  std::error_code ec;
  if (!fs::exists(db_path, ec)) return NotFound("There is no database at " + db_path + ".");
  const std::string audit = AuditFilePath(db_path);
  const std::string dest_audit = AuditFilePath(dest_path);
  for (const auto& dest : {dest_path, dest_audit}) {
    if (fs::exists(dest, ec)) {
      return Fail(ErrorCode::kConflict, dest + " exists; choose a new file for the backup.");
    }
  }
  // The database first, then its audit log: the log's copy is at least as new, so it holds the
  // events of every change in the database's copy that had been sequenced by then.
  const std::string tmp = dest_path + ".partial";
  const std::string tmp_audit = dest_audit + ".partial";
  if (auto st = CopyFile(db_path, tmp, "Backup", false); !st) return st;
  const bool with_audit = fs::exists(audit, ec);
  if (with_audit) {
    if (auto st = CopyFile(audit, tmp_audit, "Backup", false); !st) {
      fs::remove(tmp, ec);
      return st;
    }
    fs::rename(tmp_audit, dest_audit, ec);
    if (ec) return Internal("Cannot move the backup into place: " + ec.message());
    fs::permissions(dest_audit, fs::perms::owner_read | fs::perms::owner_write, ec);
  }
  fs::rename(tmp, dest_path, ec);
  if (ec) return Internal("Cannot move the backup into place: " + ec.message());
  fs::permissions(dest_path, fs::perms::owner_read | fs::perms::owner_write, ec);
  return {};
}

Status Restore(const std::string& backup_path, const std::string& db_path) {
  std::error_code ec;
  if (!fs::exists(backup_path, ec)) return NotFound("There is no backup at " + backup_path + ".");
  const std::string backup_audit = AuditFilePath(backup_path);
  const std::string audit = AuditFilePath(db_path);
  const bool with_audit = fs::exists(backup_audit, ec);
  if (!with_audit) {
    // A backup made before migration 24 holds its log in the one file, and the next start moves
    // it; one made after it is incomplete without its audit file.
    auto version = SchemaVersion(backup_path);
    if (!version) return tl::unexpected(version.error());
    if (*version >= kAuditFileMigration) {
      return NotFound("The backup's audit log " + backup_audit +
                      " is missing: a backup is that file and " + backup_path + " together.");
    }
  }
  const std::string tmp = db_path + ".restoring";
  const std::string tmp_audit = audit + ".restoring";
  if (auto st = CopyFile(backup_path, tmp, "Restore", true); !st) return st;
  if (with_audit) {
    if (auto st = CopyFile(backup_audit, tmp_audit, "Restore", true); !st) {
      fs::remove(tmp, ec);
      return st;
    }
  }
  fs::remove(audit, ec);
  RemoveLog(audit);
  RemoveLog(db_path);
  if (with_audit) {
    fs::rename(tmp_audit, audit, ec);
    if (ec) return Internal("Cannot move the restored audit log into place: " + ec.message());
  }
  fs::rename(tmp, db_path, ec);
  if (ec) return Internal("Cannot move the restored database into place: " + ec.message());
  return {};
}

}  // namespace opennrm::storage::sqlite
