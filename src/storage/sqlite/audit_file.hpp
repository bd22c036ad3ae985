// The audit log in a SQLite file of its own (docs/adr/0017-audit-log-file.md). Every connection
// attaches `<name>-audit.db`, beside the database file, as the schema `audit`; the log's tables
// and the leases of background work live there, and the repositories name them without a
// schema, so SQLite finds them in it. The log commits every few milliseconds under load; in the
// main file those commits emptied the page cache of every connection that reads cases.
//
// No transaction writes both files: the log is appended after the change it records commits
// (ports::AuditLog), never inside it, and SQLite would commit the two files one after the other.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sql/migrator.hpp"

namespace opennrm::storage::sqlite {

// The schema name the audit file is attached as.
inline constexpr char kAuditSchema[] = "audit";

// The migration that moves the log into the audit file.
inline constexpr int kAuditFileMigration = 24;

// The audit file of the database at `db_path`: "dir/opennrm.db" gives "dir/opennrm-audit.db" (a
// name without ".db" gets "-audit" appended). An in-memory or temporary database (":memory:",
// "") gets one of the same kind.
std::string AuditFilePath(const std::string& db_path);

// The tables kept in the audit file, each after the tables it refers to.
const std::vector<std::string>& AuditFileTables();

// Migration 0024's preparation: copies each table of AuditFileTables() that is still in the main
// file, with its rows and indexes, into the audit file, in one transaction that writes only the
// audit file (a copy a crash left behind is replaced). Nothing to copy: nothing done.
Status CopyAuditTables(sql::Connection& conn);

// The shipped SQLite migrations (storage/migrations/embedded.hpp) with 0024's preparation. Use
// these, never the bare list: 0024 itself only drops the main file's tables, and refuses when
// they were not copied whole.
const std::vector<sql::Migration>& Migrations();

}  // namespace opennrm::storage::sqlite
