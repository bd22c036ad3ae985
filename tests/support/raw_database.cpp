#include "raw_database.hpp"

#include <sqlite3.h>

#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

namespace opennrm::testing {

struct RawDatabase::Impl {
  sqlite3* lite = nullptr;
  PGconn* pg = nullptr;
};

RawDatabase::RawDatabase(const ServerProcess& server) : impl_(std::make_unique<Impl>()) {
  if (server.postgres()) {
    impl_->pg = PQconnectdb(server.postgres_url().c_str());
    if (PQstatus(impl_->pg) != CONNECTION_OK) error_ = PQerrorMessage(impl_->pg);
    return;
  }
  if (sqlite3_open_v2(server.sqlite_path().c_str(), &impl_->lite, SQLITE_OPEN_READWRITE, nullptr) !=
      SQLITE_OK) {
    error_ = impl_->lite ? sqlite3_errmsg(impl_->lite) : "cannot open " + server.sqlite_path();
    return;
  }
  // The server may be writing at the same moment: wait for its lock.
  sqlite3_busy_timeout(impl_->lite, 10000);
  // The audit log's own file, as the server attaches it (storage/sqlite/audit_file.hpp).
  char* attach = sqlite3_mprintf("ATTACH DATABASE %Q AS audit", server.sqlite_audit_path().c_str());
  if (sqlite3_exec(impl_->lite, attach, nullptr, nullptr, nullptr) != SQLITE_OK) {
    error_ = sqlite3_errmsg(impl_->lite);
  }
  sqlite3_free(attach);
}

RawDatabase::~RawDatabase() {
  if (impl_->lite) sqlite3_close(impl_->lite);
  if (impl_->pg) PQfinish(impl_->pg);
}

bool RawDatabase::Exec(const std::string& sql) {
  if (impl_->pg) {
    PGresult* r = PQexec(impl_->pg, sql.c_str());
    auto status = PQresultStatus(r);
    bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok) error_ = PQerrorMessage(impl_->pg);
    PQclear(r);
    return ok;
  }
  char* message = nullptr;
  if (sqlite3_exec(impl_->lite, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    error_ = message ? message : "sqlite3_exec failed";
    sqlite3_free(message);
    return false;
  }
  return true;
}

std::optional<std::vector<std::vector<std::string>>> RawDatabase::Query(const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  if (impl_->pg) {
    PGresult* r = PQexec(impl_->pg, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      error_ = PQerrorMessage(impl_->pg);
      PQclear(r);
      return std::nullopt;
    }
    for (int i = 0; i < PQntuples(r); ++i) {
      std::vector<std::string> row;
      for (int c = 0; c < PQnfields(r); ++c) row.emplace_back(PQgetvalue(r, i, c));
      rows.push_back(std::move(row));
    }
    PQclear(r);
    return rows;
  }
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(impl_->lite, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    error_ = sqlite3_errmsg(impl_->lite);
    return std::nullopt;
  }
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      const unsigned char* v = sqlite3_column_text(s, c);
      row.emplace_back(v ? reinterpret_cast<const char*>(v) : "");
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) {
    error_ = sqlite3_errmsg(impl_->lite);
    sqlite3_finalize(s);
    return std::nullopt;
  }
  sqlite3_finalize(s);
  return rows;
}

std::optional<std::string> RawDatabase::Scalar(const std::string& sql) {
  auto rows = Query(sql);
  if (!rows || rows->empty() || rows->front().empty()) return std::nullopt;
  return rows->front().front();
}

std::string SqlQuote(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

}  // namespace opennrm::testing
