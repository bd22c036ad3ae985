#include "storage/sql/migrator.hpp"

#include <sodium.h>

#include <algorithm>
#include <map>

namespace opennrm::storage::sql {

std::string Checksum(const std::string& text) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

namespace {

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,"
    " applied_at_us BIGINT NOT NULL)";

Status ApplyOne(Connection& conn, const Dialect& dialect, const Migration& m, long long now_us) {
  if (m.prepare) {
    if (auto st = m.prepare(conn); !st) {
      Error e = st.error();
      e.message =
          "Migration " + std::to_string(m.version) + " (" + m.name + ") failed: " + e.message;
      return tl::unexpected(e);
    }
  }
  if (auto st = conn.Exec(dialect.begin_write); !st) return st;
  auto rollback = [&](Error e) -> Status {
    (void)conn.Exec("ROLLBACK");
    e.message = "Migration " + std::to_string(m.version) + " (" + m.name + ") failed: " + e.message;
    return tl::unexpected(e);
  };
  if (auto st = conn.Exec(m.sql); !st) return rollback(st.error());
  auto ins = conn.Execute(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at_us) VALUES ($1, $2, $3, "
      "$4)",
      {static_cast<long long>(m.version), m.name, Checksum(m.sql), now_us});
  if (!ins) return rollback(ins.error());
  if (auto st = conn.Exec("COMMIT"); !st) return rollback(st.error());
  return {};
}

}  // namespace

Result<int> CurrentVersion(Connection& conn) {
  if (auto st = conn.Exec(kCreateTable); !st) return tl::unexpected(st.error());
  auto rows = conn.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {});
  if (!rows) return tl::unexpected(rows.error());
  return static_cast<int>(rows->Int(0, 0));
}

Result<MigrationReport> Migrate(Connection& conn, const Dialect& dialect,
                                const std::vector<Migration>& migrations, long long now_us) {
  if (!dialect.lock_migrations.empty()) {
    if (auto r = conn.Query(dialect.lock_migrations, {}); !r) return tl::unexpected(r.error());
  }
  auto unlock = [&] {
    if (!dialect.unlock_migrations.empty()) (void)conn.Query(dialect.unlock_migrations, {});
  };
  auto result = [&]() -> Result<MigrationReport> {
    if (auto st = conn.Exec(kCreateTable); !st) return tl::unexpected(st.error());
    auto rows =
        conn.Query("SELECT version, name, checksum FROM schema_migrations ORDER BY version", {});
    if (!rows) return tl::unexpected(rows.error());
    std::map<int, std::string> applied;
    for (size_t r = 0; r < rows->size(); ++r) {
      applied[static_cast<int>(rows->Int(r, 0))] = rows->Text(r, 2);
    }
    std::vector<Migration> sorted = migrations;
    std::sort(sorted.begin(), sorted.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    int shipped_max = sorted.empty() ? 0 : sorted.back().version;
    MigrationReport report;
    report.from_version = applied.empty() ? 0 : applied.rbegin()->first;
    if (report.from_version > shipped_max) {
      return Fail(ErrorCode::kConflict, "The database is at schema version " +
                                            std::to_string(report.from_version) +
                                            ", newer than this binary's " +
                                            std::to_string(shipped_max) + ". Upgrade the binary.");
    }
    for (const auto& m : sorted) {
      auto it = applied.find(m.version);
      if (it != applied.end()) {
        if (it->second != Checksum(m.sql)) {
          return Fail(ErrorCode::kConflict,
                      "Migration " + std::to_string(m.version) + " (" + m.name +
                          ") differs from the one applied to this database. Shipped migrations "
                          "must never be edited; add a new one.");
        }
        continue;
      }
      if (auto st = ApplyOne(conn, dialect, m, now_us); !st) return tl::unexpected(st.error());
      report.applied.push_back(m.name);
    }
    report.to_version = shipped_max;
    return report;
  }();
  unlock();
  return result;
}

}  // namespace opennrm::storage::sql
