// Civil dates as SQL values and back: ISO text ("2026-03-31") or null.
// Shared by the case clock, task and child-track repositories.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

inline sql::Value DateValue(CivilDate d) { return sql::Value(FormatIsoDate(d)); }
inline sql::Value OptDateValue(const std::optional<CivilDate>& d) {
  return d ? sql::Value(FormatIsoDate(*d)) : sql::Value(sql::Null{});
}
// The date in a cell; nullopt for null or anything not a date.
inline std::optional<CivilDate> OptDateAt(const sql::Rows& rows, size_t r, size_t c) {
  if (rows.IsNull(r, c)) return std::nullopt;
  return ParseIsoDate(rows.Text(r, c));
}
inline CivilDate DateAt(const sql::Rows& rows, size_t r, size_t c) {
  return OptDateAt(rows, r, c).value_or(CivilDate{});
}

}  // namespace opennrm::storage::repo
