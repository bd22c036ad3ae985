// PostgreSQL connections for the server storage, on plain libpq (no libpq
// type leaks out of this header). A connection runs with client_encoding=UTF8
// and application_name=opennrm, sends parameters and reads results as text,
// and prepares each distinct SQL text once (names s1, s2, ...) so repeated
// statements skip parsing and planning on the server.
//
// Errors map by SQLSTATE: integrity violations (class 23, e.g. 23505 unique,
// 23503 foreign key, 23514 check) -> kConflict; serialisation failure,
// deadlock, lost connection, shutdown and lock/statement timeouts ->
// kUnavailable (retry the unit of work); anything else -> kInternal. Messages
// carry only the SQLSTATE, the server's primary message and the constraint
// name: never the DETAIL (it quotes row values, which may be personal data),
// never parameter values, and for data exceptions (class 22, whose primary
// message quotes the offending value) not even the primary message.
//
// Thread-safety: a connection is NOT thread-safe; use it from one thread at a
// time (the pool hands each lease to one thread). libpq itself is thread-safe,
// so distinct connections may be used on distinct threads concurrently.
//
// Not compatible with transaction-mode poolers (PgBouncer pool_mode=transaction
// before 1.21) because prepared statements live in the server session.
#pragma once

#include <memory>
#include <string>

#include "core/error.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::postgres {

// Opens a connection. `conninfo` is a libpq keyword/value string or a
// postgresql:// URI; it is never logged nor copied into an error message,
// since it may hold a password. connect_timeout defaults to 10 s unless
// `conninfo` sets it; client_encoding and application_name cannot be
// overridden. kUnavailable when the server cannot be reached or refuses us.
Result<std::unique_ptr<sql::Connection>> Connect(const std::string& conninfo);

// READ COMMITTED transactions; migrations serialise on a session advisory lock.
sql::Dialect PostgresDialect();

}  // namespace opennrm::storage::postgres
