// Plain SQL on a test server's own database — its SQLite file or its
// PostgreSQL database — for what black-box tests cannot do through the API:
// set-up the API has no route for yet, and tampering with stored values.
// Statements are written by the tests (no parameters); quote values with
// SqlQuote. Not thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness.hpp"

namespace opennrm::testing {

class RawDatabase {
 public:
  // Connects to `server`'s database; ok() tells whether that worked.
  explicit RawDatabase(const ServerProcess& server);
  ~RawDatabase();
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  // Runs one or more statements; false (and error()) when one fails.
  bool Exec(const std::string& sql);
  // The rows of a query, each column as text ("" for NULL); nullopt on error.
  std::optional<std::vector<std::vector<std::string>>> Query(const std::string& sql);
  // The first column of the first row; nullopt on error or without rows.
  std::optional<std::string> Scalar(const std::string& sql);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string error_;
};

// `value` as an SQL string literal.
std::string SqlQuote(const std::string& value);

}  // namespace opennrm::testing
