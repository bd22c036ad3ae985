// Small SQL helpers shared by the audit repository's files (audit_repo.cpp and
// audit_object_index_repo.cpp): multi-row statements and the log's "damaged" error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.hpp"

namespace opennrm::storage::repo::audit_sql {

// n as a signed column value (the log's sequence numbers stay far below LLONG_MAX).
long long Signed(uint64_t n);

// Multi-row statements in chunks of 2^k rows (at most `max_rows`), so that a connection's statement
// cache holds a handful of texts per statement rather than one per row count.
size_t ChunkRows(size_t remaining, size_t max_rows);

// "($1, $2, $3), ($4, $5, $6)" for `rows` rows of `columns` parameters.
std::string ValuesList(size_t rows, size_t columns);

// "$first, $first+1, …" for `count` parameters.
std::string Placeholders(size_t count, size_t first);

// kInternal: the log's tables contradict themselves; `what` says how.
Error Damaged(const std::string& what);

}  // namespace opennrm::storage::repo::audit_sql
