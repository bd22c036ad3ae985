#include "storage/sqlite/backup.hpp"

#include <sqlite3.h>

#include <filesystem>

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

}  // namespace

Status Backup(const std::string& db_path, const std::string& dest_path) {
  std::error_code ec;
  if (!fs::exists(db_path, ec)) return NotFound("There is no database at " + db_path + ".");
  if (fs::exists(dest_path, ec)) {
    return Fail(ErrorCode::kConflict, dest_path + " exists; choose a new file for the backup.");
  }
  std::string tmp = dest_path + ".partial";
  fs::remove(tmp, ec);
  {
    Db src, dst;
    if (auto st = Open(src, db_path, SQLITE_OPEN_READONLY); !st) return st;
    if (auto st = Open(dst, tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !st) return st;
    if (auto st = Copy(src.handle, dst.handle, "Backup"); !st) return st;
    // A self-contained file: no WAL beside it.
    sqlite3_exec(dst.handle, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    if (auto st = Check(dst.handle, "The backup"); !st) return st;
  }
  fs::rename(tmp, dest_path, ec);
  if (ec) return Internal("Cannot move the backup into place: " + ec.message());
  fs::permissions(dest_path, fs::perms::owner_read | fs::perms::owner_write, ec);
  return {};
}

Status Restore(const std::string& backup_path, const std::string& db_path) {
  std::error_code ec;
  if (!fs::exists(backup_path, ec)) return NotFound("There is no backup at " + backup_path + ".");
  std::string tmp = db_path + ".restoring";
  fs::remove(tmp, ec);
  {
    Db src, dst;
    if (auto st = Open(src, backup_path, SQLITE_OPEN_READONLY); !st) return st;
    if (auto st = Check(src.handle, "The backup"); !st) return st;
    if (auto st = Open(dst, tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !st) return st;
    if (auto st = Copy(src.handle, dst.handle, "Restore"); !st) return st;
    sqlite3_exec(dst.handle, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
  }
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(db_path + suffix, ec);
  fs::rename(tmp, db_path, ec);
  if (ec) return Internal("Cannot move the restored database into place: " + ec.message());
  return {};
}

}  // namespace opennrm::storage::sqlite
