// SqlAuditRepository's object index (docs/adr/0016-audit-object-index-in-sorted-runs.md): the
// entries below audit_object_index_state.indexed_below have their objects in audit_object_index;
// the sequencer adds later ones in sorted runs.
#include <algorithm>

#include "storage/repo/audit_repo.hpp"
#include "storage/repo/audit_sql.hpp"

namespace opennrm::storage::repo {

namespace {

using audit_sql::ChunkRows;
using audit_sql::Damaged;
using audit_sql::Signed;
using audit_sql::ValuesList;
using sql::Value;

// The parameters (object_id, object_type, seq) of keys[from, from + rows).
std::vector<Value> KeyParams(const std::vector<ports::AuditObjectKey>& keys, size_t from,
                             size_t rows) {
  std::vector<Value> params;
  params.reserve(rows * 3);
  for (size_t i = from; i < from + rows; ++i) {
    params.insert(params.end(),
                  {keys[i].object_id, keys[i].object_type, Value(Signed(keys[i].seq))});
  }
  return params;
}

}  // namespace

Result<uint64_t> SqlAuditRepository::ObjectsIndexedBelow() {
  auto rows = conn_.Query("SELECT indexed_below FROM audit_object_index_state WHERE id = 1", {});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() != 1) return tl::unexpected(Damaged("the object index state row is missing"));
  if (rows->Int(0, 0) < 0) return tl::unexpected(Damaged("the object index state is negative"));
  return static_cast<uint64_t>(rows->Int(0, 0));
}

Result<uint64_t> SqlAuditRepository::ObjectRowsFrom(uint64_t from_seq, uint64_t limit) {
  auto rows = conn_.Query(
      "SELECT count(*) FROM (SELECT 1 FROM audit_entry_objects WHERE seq >= $1 LIMIT $2) AS r",
      {Value(Signed(from_seq)), Value(Signed(limit))});
  if (!rows) return tl::unexpected(rows.error());
  return static_cast<uint64_t>(rows->Int(0, 0));
}

Result<uint64_t> SqlAuditRepository::ObjectRunEnd(uint64_t from_seq, uint64_t max_rows,
                                                  uint64_t log_size) {
  if (from_seq >= log_size) return from_seq;
  // The run ends before the entry that holds the row past max_rows (but takes one entry at least).
  auto past = conn_.Query(
      "SELECT seq FROM audit_entry_objects WHERE seq >= $1 ORDER BY seq, position"
      " LIMIT 1 OFFSET $2",
      {Value(Signed(from_seq)), Value(Signed(max_rows))});
  if (!past) return tl::unexpected(past.error());
  if (past->size() == 0) return log_size;
  return std::min(log_size, std::max(from_seq + 1, static_cast<uint64_t>(past->Int(0, 0))));
}

Result<std::vector<ports::AuditObjectKey>> SqlAuditRepository::ObjectKeys(uint64_t from_seq,
                                                                          uint64_t to_seq) {
  auto rows = conn_.Query(
      "SELECT DISTINCT object_id, object_type, seq FROM audit_entry_objects"
      " WHERE seq >= $1 AND seq < $2 ORDER BY object_id, object_type, seq",
      {Value(Signed(from_seq)), Value(Signed(to_seq))});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::AuditObjectKey> keys;
  keys.reserve(rows->size());
  for (size_t i = 0; i < rows->size(); ++i) {
    keys.push_back({rows->Text(i, 0), rows->Text(i, 1), static_cast<uint64_t>(rows->Int(i, 2))});
  }
  return keys;
}

Status SqlAuditRepository::WarmObjectKeys(const std::vector<ports::AuditObjectKey>& keys) {
  for (size_t done = 0; done < keys.size();) {
    const size_t rows = ChunkRows(keys.size() - done, 256);
    const std::vector<Value> params = KeyParams(keys, done, rows);
    // A seek of the primary key per key, which reads the leaf the key goes into. (A row-value
    // `IN (VALUES …)` would make SQLite scan the whole index instead.) PostgreSQL types the
    // VALUES' parameters as text, hence the cast.
    auto r = conn_.Query("SELECT COUNT(*) FROM (VALUES " + ValuesList(rows, 3) +
                             ") AS v JOIN audit_object_index i ON i.object_id = v.column1"
                             " AND i.object_type = v.column2 AND i.seq = CAST(v.column3 AS BIGINT)",
                         params);
    if (!r) return tl::unexpected(r.error());
    done += rows;
  }
  return {};
}

Status SqlAuditRepository::AddObjectKeys(const std::vector<ports::AuditObjectKey>& keys) {
  for (size_t done = 0; done < keys.size();) {
    const size_t rows = ChunkRows(keys.size() - done, 256);
    const std::vector<Value> params = KeyParams(keys, done, rows);
    auto r = conn_.Execute("INSERT INTO audit_object_index (object_id, object_type, seq) VALUES " +
                               ValuesList(rows, 3) + " ON CONFLICT DO NOTHING",
                           params);
    if (!r) return tl::unexpected(r.error());
    done += rows;
  }
  return {};
}

Status SqlAuditRepository::MoveObjectsIndexedBelow(uint64_t from_seq, uint64_t to_seq) {
  auto moved = conn_.Execute(
      "UPDATE audit_object_index_state SET indexed_below = $2 WHERE id = 1 AND indexed_below = $1",
      {Value(Signed(from_seq)), Value(Signed(to_seq))});
  if (!moved) return tl::unexpected(moved.error());
  if (*moved != 1) {
    return Fail(ErrorCode::kConflict, "The audit object index moved on in another transaction.");
  }
  return {};
}

}  // namespace opennrm::storage::repo
