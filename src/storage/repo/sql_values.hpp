// Optional values as SQL values and back: an absent value is SQL null. One
// set of helpers for every repository (they each had their own copy).
// Header-only; pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

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

// Stable words (codes, section names) as one comma-separated column, in the order given.
inline std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ",") + w;
  return out;
}
// The words of a comma-separated column; empty items are dropped.
inline std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char ch : text + ",") {
    if (ch == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else {
      item.push_back(ch);
    }
  }
  return out;
}

}  // namespace opennrm::storage::repo
