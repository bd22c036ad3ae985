// A minimal, dialect-neutral view of one database connection, so that the
// repositories are written once for SQLite and PostgreSQL. Statements use
// PostgreSQL-style placeholders ($1, $2, ...); the SQLite adapter maps them.
// Values come back as text (or null), exactly as PostgreSQL's text protocol
// gives them. A Connection is used by one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace opennrm::storage::sql {

struct Null {};
using Value = std::variant<Null, long long, double, std::string>;

class Rows {
 public:
  Rows() = default;
  explicit Rows(size_t columns) : columns_(columns) {}
  size_t size() const { return columns_ == 0 ? 0 : cells_.size() / columns_; }
  size_t columns() const { return columns_; }
  bool IsNull(size_t row, size_t col) const { return !cells_[row * columns_ + col].has_value(); }
  // The text of a cell; empty for null.
  const std::string& Text(size_t row, size_t col) const;
  long long Int(size_t row, size_t col) const;
  void Append(std::optional<std::string> cell) { cells_.push_back(std::move(cell)); }

 private:
  size_t columns_ = 0;
  std::vector<std::optional<std::string>> cells_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  // Runs one or more statements without parameters (migrations, BEGIN).
  virtual Status Exec(std::string_view sql) = 0;
  virtual Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) = 0;
  // Runs a statement; returns the number of rows it changed.
  virtual Result<long long> Execute(std::string_view sql, const std::vector<Value>& params) = 0;
  // True when the connection is unusable and must be replaced.
  virtual bool Broken() const = 0;
};

// How the two dialects differ where the repositories cannot avoid it.
struct Dialect {
  std::string name;               // "sqlite" or "postgres"
  std::string begin_read;         // e.g. "BEGIN"
  std::string begin_write;        // e.g. "BEGIN IMMEDIATE"
  std::string lock_migrations;    // run before migrating; may be empty
  std::string unlock_migrations;  // may be empty
};

}  // namespace opennrm::storage::sql
