#include "storage/postgres/pg_connection.hpp"

// Debian and Ubuntu install the header under postgresql/; pkg-config adds that directory.
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace opennrm::storage::postgres {

namespace {

// Beyond this many distinct SQL texts a connection stops preparing new ones (they run unnamed),
// so SQL built at run time cannot grow server memory without bound.
constexpr size_t kMaxPrepared = 512;

constexpr const char* kConnectionLost = "The database connection was lost; try again.";
constexpr const char* kOutOfMemory = "The PostgreSQL client ran out of memory.";

struct ResultDeleter {
  void operator()(PGresult* res) const { PQclear(res); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using StatementCache = std::unordered_map<std::string, std::string, TextHash, std::equal_to<>>;

// Notices (e.g. "table exists, skipping") would otherwise go to stderr.
void IgnoreNotice(void*, const char*) {}

std::string_view Field(const PGresult* res, int code) {
  const char* value = PQresultErrorField(res, code);
  return value ? value : "";
}

bool Succeeded(ExecStatusType status) {
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
}

bool IsUnavailable(std::string_view state) {
  if (state.starts_with("08")) return state != "08P01";  // 08P01: our own protocol misuse
  return state == "40001" || state == "40P01" || state == "57P01" || state == "57P02" ||
         state == "57P03" || state == "57014" || state == "55P03" || state.starts_with("53");
}

std::string ConflictMessage(std::string_view state) {
  if (state == "23505") return "A record with these values already exists.";
  if (state == "23503") {
    return "The record refers to a record that does not exist, or is still referred to.";
  }
  if (state == "23502") return "A required value is missing.";
  return "A value breaks a rule of the database.";
}

// Builds an Error from a failed (or missing) result; see the header for what it may contain.
Error MapError(const PGresult* res, bool connection_bad, bool has_params) {
  if (connection_bad) return Error{ErrorCode::kUnavailable, kConnectionLost, {}};
  if (res == nullptr) return Error{ErrorCode::kInternal, kOutOfMemory, {}};
  std::string state(Field(res, PG_DIAG_SQLSTATE));
  std::string_view constraint = Field(res, PG_DIAG_CONSTRAINT_NAME);
  if (state.starts_with("23")) {
    std::string message = ConflictMessage(state);
    if (!constraint.empty()) {
      message.pop_back();
      message += " (constraint " + std::string(constraint) + ").";
    }
    return Error{ErrorCode::kConflict, std::move(message), {}};
  }
  if (IsUnavailable(state)) {
    std::string message = "The database is unavailable or busy; try again";
    if (!state.empty()) message += " (SQLSTATE " + state + ")";
    return Error{ErrorCode::kUnavailable, message + ".", {}};
  }
  std::string message = "PostgreSQL error " + (state.empty() ? std::string("(none)") : state);
  if (has_params && state.starts_with("22")) {
    message += " (message withheld: a data exception quotes the value)";
  } else {
    message += ": " + std::string(Field(res, PG_DIAG_MESSAGE_PRIMARY));
  }
  if (!constraint.empty()) message += " (constraint " + std::string(constraint) + ")";
  return Error{ErrorCode::kInternal, std::move(message), {}};
}

std::string DoubleText(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest round-trip
  return std::string(buffer, ec == std::errc() ? end : buffer);
}

// Text-format parameters: `values[i]` is null for SQL NULL, else points into `numbers[i]` or into
// the caller's string (which outlives the call).
struct Params {
  std::vector<std::string> numbers;
  std::vector<const char*> values;
};

Status ToText(const std::vector<sql::Value>& params, Params* out) {
  out->numbers.resize(params.size());
  out->values.assign(params.size(), nullptr);
  for (size_t i = 0; i < params.size(); ++i) {
    if (const auto* n = std::get_if<long long>(&params[i])) {
      out->numbers[i] = std::to_string(*n);
      out->values[i] = out->numbers[i].c_str();
    } else if (const auto* d = std::get_if<double>(&params[i])) {
      out->numbers[i] = DoubleText(*d);
      out->values[i] = out->numbers[i].c_str();
    } else if (const auto* s = std::get_if<std::string>(&params[i])) {
      // Text parameters end at the first NUL; PostgreSQL text cannot hold one anyway.
      if (s->find('\0') != std::string::npos) {
        return Fail(ErrorCode::kInvalid, "Text must not contain NUL characters.");
      }
      out->values[i] = s->c_str();
    }
  }
  return Ok();
}

// One libpq session. Invariant: every entry in `prepared_` names a statement that exists in the
// server session, unless the server dropped it (DEALLOCATE/DISCARD), which Run() recovers from.
class PgConnection final : public sql::Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Status Exec(std::string_view text) override {
    std::string statement(text);
    PgResult res(PQexec(conn_, statement.c_str()));
    if (auto st = Check(res.get(), false); !st) return tl::unexpected(st.error());
    return Ok();
  }

  Result<sql::Rows> Query(std::string_view text, const std::vector<sql::Value>& params) override {
    auto res = Run(text, params);
    if (!res) return tl::unexpected(res.error());
    const PGresult* r = res->get();
    const int columns = PQnfields(r);
    const int count = PQntuples(r);
    sql::Rows rows(static_cast<size_t>(columns));
    for (int row = 0; row < count; ++row) {
      for (int col = 0; col < columns; ++col) {
        if (PQgetisnull(r, row, col)) {
          rows.Append(std::nullopt);
        } else {
          rows.Append(
              std::string(PQgetvalue(r, row, col), static_cast<size_t>(PQgetlength(r, row, col))));
        }
      }
    }
    return rows;
  }

  Result<long long> Execute(std::string_view text, const std::vector<sql::Value>& params) override {
    auto res = Run(text, params);
    if (!res) return tl::unexpected(res.error());
    return std::strtoll(PQcmdTuples(res->get()), nullptr, 10);  // "" (e.g. DDL) -> 0
  }

  bool Broken() const override { return poisoned_ || PQstatus(conn_) != CONNECTION_OK; }

 private:
  Status Check(const PGresult* res, bool has_params) {
    ExecStatusType status = PQresultStatus(res);  // PGRES_FATAL_ERROR for a null result
    if (Succeeded(status)) return Ok();
    if (status != PGRES_FATAL_ERROR && status != PGRES_NONFATAL_ERROR) {
      poisoned_ = true;  // e.g. COPY: the session is mid-protocol; let the pool replace it
      return Internal(std::string("Unsupported PostgreSQL result: ") + PQresStatus(status));
    }
    return tl::unexpected(MapError(res, PQstatus(conn_) != CONNECTION_OK, has_params));
  }

  // Prepares `text` unless cached; returns the statement name, or null when over the cap.
  Result<const std::string*> Prepare(std::string_view text) {
    if (auto it = prepared_.find(text); it != prepared_.end()) return &it->second;
    if (prepared_.size() >= kMaxPrepared) return nullptr;
    std::string name = "s" + std::to_string(++last_name_);
    std::string statement(text);
    PgResult res(PQprepare(conn_, name.c_str(), statement.c_str(), 0, nullptr));
    if (auto st = Check(res.get(), false); !st) return tl::unexpected(st.error());
    return &prepared_.emplace(std::move(statement), std::move(name)).first->second;
  }

  // After a schema change a cached plan may no longer fit (0A000), and DISCARD ALL drops every
  // prepared statement (26000). Forgets the affected names so that they are prepared again.
  bool ForgetStale(const PGresult* res, std::string_view text) {
    std::string_view state = Field(res, PG_DIAG_SQLSTATE);
    if (state == "26000") {
      prepared_.clear();
      return true;
    }
    if (state != "0A000") return false;
    auto it = prepared_.find(text);
    if (it == prepared_.end()) return false;
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) {
      PgResult(PQexec(conn_, ("DEALLOCATE " + it->second).c_str()));
    }  // else it stays allocated until the session ends: rare, and harmless
    prepared_.erase(it);
    return true;
  }

  Result<PgResult> Run(std::string_view text, const std::vector<sql::Value>& params) {
    Params p;
    if (auto st = ToText(params, &p); !st) return tl::unexpected(st.error());
    const int n = static_cast<int>(params.size());
    for (int attempt = 0;; ++attempt) {
      auto name = Prepare(text);
      if (!name) return tl::unexpected(name.error());
      PgResult res(
          *name ? PQexecPrepared(conn_, (*name)->c_str(), n, p.values.data(), nullptr, nullptr, 0)
                : PQexecParams(conn_, std::string(text).c_str(), n, nullptr, p.values.data(),
                               nullptr, nullptr, 0));
      if (Succeeded(PQresultStatus(res.get()))) return res;
      if (*name && attempt == 0 && res && ForgetStale(res.get(), text)) {
        // Nothing ran; outside a transaction it is safe to try again at once.
        if (PQtransactionStatus(conn_) == PQTRANS_IDLE) continue;
        return Fail(ErrorCode::kUnavailable, "A cached statement went stale; try again.");
      }
      return tl::unexpected(Check(res.get(), n > 0).error());  // not Succeeded: always an error
    }
  }

  PGconn* conn_;
  bool poisoned_ = false;
  long long last_name_ = 0;
  StatementCache prepared_;  // SQL text -> statement name
};

// libpq treats a conninfo as a connection string (not a bare database name) in these cases.
bool IsConnectionString(std::string_view conninfo) {
  return conninfo.find('=') != std::string_view::npos || conninfo.starts_with("postgresql://") ||
         conninfo.starts_with("postgres://");
}

// Collapses libpq's multi-line connection error into one line.
std::string OneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

Result<std::unique_ptr<sql::Connection>> Connect(const std::string& conninfo) {
  // Parse first: libpq's parse errors quote fragments of the string, which may be a password.
  if (IsConnectionString(conninfo)) {
    char* parse_error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &parse_error);
    if (parse_error) PQfreemem(parse_error);
    if (!options) {
      return Fail(ErrorCode::kInternal, "The PostgreSQL connection string could not be parsed.");
    }
    PQconninfoFree(options);
  }
  // Later keywords override the expanded conninfo; earlier ones are defaults it may override.
  const char* keywords[] = {"connect_timeout", "dbname", "client_encoding", "application_name",
                            nullptr};
  const char* values[] = {"10", conninfo.c_str(), "UTF8", "opennrm", nullptr};
  PGconn* raw = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (raw == nullptr) return Internal(kOutOfMemory);
  auto conn = std::make_unique<PgConnection>(raw);  // owns `raw` from here on
  if (PQstatus(raw) != CONNECTION_OK) {
    // Names host, port, user or database at most; libpq never echoes the password here.
    return Fail(ErrorCode::kUnavailable,
                "Could not connect to PostgreSQL: " + OneLine(PQerrorMessage(raw)));
  }
  PQsetNoticeProcessor(raw, IgnoreNotice, nullptr);
  PQsetErrorVerbosity(raw, PQERRORS_TERSE);  // PQerrorMessage without DETAIL, in case it is used
  const char* encoding = PQparameterStatus(raw, "client_encoding");
  if (encoding == nullptr || std::string_view(encoding) != "UTF8") {
    return Internal("PostgreSQL did not accept client_encoding UTF8.");
  }
  return std::unique_ptr<sql::Connection>(std::move(conn));
}

sql::Dialect PostgresDialect() {
  return sql::Dialect{"postgres", "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY",
                      "BEGIN ISOLATION LEVEL READ COMMITTED", "SELECT pg_advisory_lock(727274)",
                      "SELECT pg_advisory_unlock(727274)"};
}

}  // namespace opennrm::storage::postgres
