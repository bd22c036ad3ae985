// SQLite connections for the embedded default storage. Each connection runs
// in WAL mode with synchronous=FULL (an acknowledged write survives a crash),
// foreign keys on and a busy timeout. One thread at a time per connection.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::sqlite {

class Checkpointer;

struct Options {
  std::string path;  // database file
  std::chrono::milliseconds busy_timeout{5000};
  // false: synchronous=NORMAL — in WAL mode a crash never corrupts the database but may lose the
  // last commits. Only for filling a throwaway database (opennrm demo), never for serving.
  bool durable_commits = true;
  // MiB of the main file's pages the connection keeps between transactions (SQLite's default is
  // 2). They stay valid until another connection commits to that file; the audit log commits
  // to a file of its own (audit_file.hpp), so under read load they do (ADR 17).
  int cache_mib = 64;
  // When set, every commit reports the log's size to it, and the connection never checkpoints
  // by itself (see checkpointer.hpp). Must outlive the connection.
  Checkpointer* checkpointer = nullptr;
};

// Process-wide SQLite settings; Connect calls it. Call it before any other first use of SQLite.
void ConfigureLibrary();

Result<std::unique_ptr<sql::Connection>> Connect(const Options& options);
sql::Dialect SqliteDialect();

}  // namespace opennrm::storage::sqlite
