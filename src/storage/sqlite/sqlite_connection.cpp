#include "storage/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <unordered_map>

#include "storage/sqlite/audit_file.hpp"
#include "storage/sqlite/checkpointer.hpp"

namespace opennrm::storage::sqlite {

namespace {

// Rewrites PostgreSQL placeholders ($1) as SQLite numbered ones (?1).
std::string MapPlaceholders(std::string_view sql) {
  std::string out(sql);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '$' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '?';
  }
  return out;
}

Error FromSqlite(sqlite3* db, int rc, std::string_view what) {
  int primary = rc & 0xff;
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (primary == SQLITE_CONSTRAINT) return Error{ErrorCode::kConflict, msg, {}};
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return Error{ErrorCode::kUnavailable, msg, {}};
  return Error{ErrorCode::kInternal, msg, {}};
}

class SqliteConnection final : public sql::Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [_, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Status Exec(std::string_view sql) override {
    // One statement (BEGIN, COMMIT, ROLLBACK, a PRAGMA: three or more per request) is prepared
    // once and kept, as Query's are; a script goes through sqlite3_exec.
    if (sql.find(';') == std::string_view::npos) {
      auto done = Execute(sql, {});
      if (!done) return tl::unexpected(done.error());
      return {};
    }
    char* err = nullptr;
    std::string text(sql);
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (err) sqlite3_free(err);
    if (rc != SQLITE_OK) return tl::unexpected(FromSqlite(db_, rc, "exec"));
    return {};
  }

  Result<sql::Rows> Query(std::string_view sql, const std::vector<sql::Value>& params) override {
    auto stmt = Prepare(sql, params);
    if (!stmt) return tl::unexpected(stmt.error());
    sqlite3_stmt* s = *stmt;
    int columns = sqlite3_column_count(s);
    sql::Rows rows(static_cast<size_t>(columns));
    for (;;) {
      int rc = sqlite3_step(s);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return tl::unexpected(FromSqlite(db_, rc, "query"));
      }
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(s, c) == SQLITE_NULL) {
          rows.Append(std::nullopt);
        } else {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
          rows.Append(std::string(text, static_cast<size_t>(sqlite3_column_bytes(s, c))));
        }
      }
    }
    sqlite3_reset(s);
    return rows;
  }

  Result<long long> Execute(std::string_view sql, const std::vector<sql::Value>& params) override {
    auto stmt = Prepare(sql, params);
    if (!stmt) return tl::unexpected(stmt.error());
    int rc = sqlite3_step(*stmt);
    while (rc == SQLITE_ROW) rc = sqlite3_step(*stmt);
    sqlite3_reset(*stmt);
    if (rc != SQLITE_DONE) return tl::unexpected(FromSqlite(db_, rc, "execute"));
    return static_cast<long long>(sqlite3_changes64(db_));
  }

  bool Broken() const override { return false; }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql, const std::vector<sql::Value>& params) {
    std::string key(sql);
    sqlite3_stmt* stmt = nullptr;
    auto it = statements_.find(key);
    if (it != statements_.end()) {
      stmt = it->second;
    } else {
      std::string mapped = MapPlaceholders(sql);
      int rc = sqlite3_prepare_v3(db_, mapped.c_str(), static_cast<int>(mapped.size()),
                                  SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) return tl::unexpected(FromSqlite(db_, rc, "prepare"));
      statements_.emplace(std::move(key), stmt);
    }
    sqlite3_clear_bindings(stmt);
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, sql::Null>) {
              return sqlite3_bind_null(stmt, idx);
            } else if constexpr (std::is_same_v<T, long long>) {
              return sqlite3_bind_int64(stmt, idx, v);
            } else if constexpr (std::is_same_v<T, double>) {
              return sqlite3_bind_double(stmt, idx, v);
            } else {
              return sqlite3_bind_text64(stmt, idx, v.data(), v.size(), SQLITE_TRANSIENT,
                                         SQLITE_UTF8);
            }
          },
          params[i]);
      if (rc != SQLITE_OK) return tl::unexpected(FromSqlite(db_, rc, "bind"));
    }
    return stmt;
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

void ConfigureLibrary() {
  // Before SQLite's first use in the process (later calls are refused and harmless). Memory
  // statistics take one process-wide mutex on every allocation SQLite makes; the product never
  // reads them, and with many request threads that mutex is contended (docs/benchmarks.md).
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
}

Result<std::unique_ptr<sql::Connection>> Connect(const Options& options) {
  ConfigureLibrary();
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error e = FromSqlite(db, rc, "open");
    sqlite3_close_v2(db);
    return tl::unexpected(e);
  }
  sqlite3_busy_timeout(db, static_cast<int>(options.busy_timeout.count()));
  sqlite3_extended_result_codes(db, 1);
  auto conn = std::make_unique<SqliteConnection>(db);
  const char* synchronous = options.durable_commits ? "FULL" : "NORMAL";
  auto st = conn->Exec(std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=") + synchronous +
                       "; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-" +
                       std::to_string(static_cast<long long>(options.cache_mib) * 1024) + ";");
  if (!st) return tl::unexpected(st.error());
  // The audit log's own file (audit_file.hpp), created on first use, with the same guarantees.
  auto attached = conn->Execute(std::string("ATTACH DATABASE $1 AS ") + kAuditSchema,
                                {AuditFilePath(options.path)});
  if (!attached) return tl::unexpected(attached.error());
  st = conn->Exec(std::string("PRAGMA ") + kAuditSchema + ".journal_mode=WAL; PRAGMA " +
                  kAuditSchema + ".synchronous=" + synchronous + ";");
  if (!st) return tl::unexpected(st.error());
  if (options.checkpointer) {
    // Replaces SQLite's automatic checkpoint (itself a WAL hook) with a notice to the thread.
    sqlite3_wal_hook(
        db,
        [](void* checkpointer, sqlite3*, const char*, int pages) {
          static_cast<Checkpointer*>(checkpointer)->Notify(pages);
          return SQLITE_OK;
        },
        options.checkpointer);
  }
  return std::unique_ptr<sql::Connection>(std::move(conn));
}

sql::Dialect SqliteDialect() {
  return sql::Dialect{"sqlite", "BEGIN DEFERRED", "BEGIN IMMEDIATE", "", ""};
}

}  // namespace opennrm::storage::sqlite
