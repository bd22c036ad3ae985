#include "storage/repo/audit_sql.hpp"

#include <algorithm>
#include <climits>

namespace opennrm::storage::repo::audit_sql {

long long Signed(uint64_t n) { return static_cast<long long>(std::min<uint64_t>(n, LLONG_MAX)); }

size_t ChunkRows(size_t remaining, size_t max_rows) {
  size_t rows = max_rows;
  while (rows > remaining) rows /= 2;
  return rows;
}

std::string ValuesList(size_t rows, size_t columns) {
  std::string out;
  size_t n = 1;
  for (size_t r = 0; r < rows; ++r) {
    out += r == 0 ? "(" : ", (";
    for (size_t c = 0; c < columns; ++c) {
      if (c > 0) out += ", ";
      out += "$" + std::to_string(n++);
    }
    out += ")";
  }
  return out;
}

std::string Placeholders(size_t count, size_t first) {
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += "$" + std::to_string(first + i);
  }
  return out;
}

Error Damaged(const std::string& what) {
  return Error{ErrorCode::kInternal,
               "The audit log is damaged (" + what + "); run `opennrm audit verify`.",
               {}};
}

}  // namespace opennrm::storage::repo::audit_sql
