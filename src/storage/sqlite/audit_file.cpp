#include "storage/sqlite/audit_file.hpp"

#include "storage/migrations/embedded.hpp"

namespace opennrm::storage::sqlite {

namespace {

// `sql` (a CREATE TABLE or CREATE [UNIQUE] INDEX statement as SQLite keeps it) with the object
// named `name` put in the audit schema, or empty when it does not read as expected.
std::string InAuditSchema(const std::string& sql, const std::string& name) {
  for (const char* head : {"CREATE TABLE ", "CREATE INDEX ", "CREATE UNIQUE INDEX "}) {
    const std::string prefix = std::string(head) + name;
    if (sql.rfind(prefix, 0) == 0 && sql.size() > prefix.size() &&
        (sql[prefix.size()] == ' ' || sql[prefix.size()] == '(')) {
      return std::string(head) + kAuditSchema + "." + sql.substr(std::string(head).size());
    }
  }
  return "";
}

Status CopyTable(sql::Connection& conn, const std::string& table, const std::string& create) {
  const std::string in_audit = InAuditSchema(create, table);
  if (in_audit.empty()) {
    return Internal("The audit file cannot be made: table " + table +
                    " is not defined as expected.");
  }
  if (auto st = conn.Exec(in_audit); !st) return st;
  const std::string copy =
      "INSERT INTO " + std::string(kAuditSchema) + "." + table + " SELECT * FROM main." + table;
  if (auto n = conn.Execute(copy, {}); !n) return tl::unexpected(n.error());
  // Indexes after the rows: one sort each instead of a random insert per row.
  auto indexes = conn.Query(
      "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = $1 AND sql "
      "IS NOT NULL ORDER BY name",
      {table});
  if (!indexes) return tl::unexpected(indexes.error());
  for (size_t r = 0; r < indexes->size(); ++r) {
    const std::string index = InAuditSchema(indexes->Text(r, 1), indexes->Text(r, 0));
    if (index.empty()) {
      return Internal("The audit file cannot be made: index " + indexes->Text(r, 0) +
                      " is not defined as expected.");
    }
    if (auto st = conn.Exec(index); !st) return st;
  }
  return {};
}

}  // namespace

std::string AuditFilePath(const std::string& db_path) {
  if (db_path.empty() || db_path == ":memory:") return db_path;
  const std::string suffix = ".db";
  if (db_path.size() > suffix.size() &&
      db_path.compare(db_path.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return db_path.substr(0, db_path.size() - suffix.size()) + "-audit.db";
  }
  return db_path + "-audit";
}

const std::vector<std::string>& AuditFileTables() {
  static const std::vector<std::string> kTables{"leases",
                                                "audit_pending",
                                                "audit_entries",
                                                "audit_entry_objects",
                                                "audit_tree",
                                                "audit_checkpoints",
                                                "audit_keys",
                                                "audit_journal_state",
                                                "audit_object_index",
                                                "audit_object_index_state"};
  return kTables;
}

Status CopyAuditTables(sql::Connection& conn) {
  const auto& tables = AuditFileTables();
  std::vector<std::string> creates(tables.size());
  bool any = false;
  for (size_t i = 0; i < tables.size(); ++i) {
    auto rows = conn.Query("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = $1",
                           {tables[i]});
    if (!rows) return tl::unexpected(rows.error());
    if (rows->size() == 1) {
      creates[i] = rows->Text(0, 0);
      any = true;
    }
  }
  if (!any) return {};
  // BEGIN IMMEDIATE takes both files' write locks, but only the audit file is written: the main
  // file's commit writes nothing.
  if (auto st = conn.Exec("BEGIN IMMEDIATE"); !st) return st;
  auto fail = [&](Error e) -> Status {
    (void)conn.Exec("ROLLBACK");
    return tl::unexpected(std::move(e));
  };
  // What an interrupted earlier copy left, dependants first.
  for (auto it = tables.rbegin(); it != tables.rend(); ++it) {
    if (auto st = conn.Exec("DROP TABLE IF EXISTS " + std::string(kAuditSchema) + "." + *it); !st) {
      return fail(st.error());
    }
  }
  for (size_t i = 0; i < tables.size(); ++i) {
    if (creates[i].empty()) continue;
    if (auto st = CopyTable(conn, tables[i], creates[i]); !st) return fail(st.error());
  }
  if (auto st = conn.Exec("COMMIT"); !st) return fail(st.error());
  return {};
}

const std::vector<sql::Migration>& Migrations() {
  static const std::vector<sql::Migration> kAll = [] {
    std::vector<sql::Migration> all = migrations::Sqlite();
    for (auto& m : all) {
      if (m.version == kAuditFileMigration) m.prepare = CopyAuditTables;
    }
    return all;
  }();
  return kAll;
}

}  // namespace opennrm::storage::sqlite
