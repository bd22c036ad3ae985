// Optional values as SQL values and back: an absent value is SQL null. One
// set of helpers for every repository (they each had their own copy).
// Header-only; pure, thread-safe.
#pragma once

#include <optional>
#include <string>

#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

// The number, or null.
inline sql::Value OptInt(const std::optional<long long>& v) {
  return v ? sql::Value(*v) : sql::Value(sql::Null{});
}
// The text, or null.
inline sql::Value OptText(const std::optional<std::string>& v) {
  return v ? sql::Value(*v) : sql::Value(sql::Null{});
}
// The text, or null for "" (columns where "none" is stored as null).
inline sql::Value TextOrNull(const std::string& v) {
  return v.empty() ? sql::Value(sql::Null{}) : sql::Value(v);
}
// The number in a cell; nullopt for null.
inline std::optional<long long> OptIntAt(const sql::Rows& rows, size_t r, size_t c) {
  if (rows.IsNull(r, c)) return std::nullopt;
  return rows.Int(r, c);
}
// The text in a cell; nullopt for null.
inline std::optional<std::string> OptTextAt(const sql::Rows& rows, size_t r, size_t c) {
  if (rows.IsNull(r, c)) return std::nullopt;
  return rows.Text(r, c);
}

}  // namespace opennrm::storage::repo
