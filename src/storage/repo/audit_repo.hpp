// AuditRepository over a dialect-neutral SQL connection (migration 0005). Not thread-safe; lives
// in a unit of work.
#pragma once

#include "ports/audit_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlAuditRepository final : public ports::AuditRepository {
 public:
  explicit SqlAuditRepository(sql::Connection& conn) : conn_(conn) {}

  Status AppendPending(const std::vector<std::string>& bodies, long long now_us) override;
  Result<std::vector<ports::PendingAuditEvent>> Pending(int limit) override;
  Status RemovePending(const std::vector<long long>& ids) override;
  Result<long long> CountPending() override;
  Result<audit::StoredTree> Tree() override;
  Status AppendEntries(const std::vector<audit::StoredEntry>& entries) override;
  Status SaveTree(const audit::StoredTree& tree, uint64_t expected_size, long long now_us) override;
  Status AddCheckpoint(const audit::SignedCheckpoint& checkpoint) override;
  Status AddKey(const ports::AuditKey& key) override;
  Result<ports::JournalPosition> JournalApplied() override;
  Status SaveJournalApplied(ports::JournalPosition position) override;
  Result<uint64_t> ObjectsIndexedBelow() override;
  Result<uint64_t> ObjectRowsFrom(uint64_t from_seq, uint64_t limit) override;
  Result<uint64_t> ObjectRunEnd(uint64_t from_seq, uint64_t max_rows, uint64_t log_size) override;
  Result<std::vector<ports::AuditObjectKey>> ObjectKeys(uint64_t from_seq,
                                                        uint64_t to_seq) override;
  Status WarmObjectKeys(const std::vector<ports::AuditObjectKey>& keys) override;
  Status AddObjectKeys(const std::vector<ports::AuditObjectKey>& keys) override;
  Status MoveObjectsIndexedBelow(uint64_t from_seq, uint64_t to_seq) override;

  Result<ports::AuditEntryPage> Find(const ports::AuditEventFilter& filter) override;
  Result<std::vector<audit::StoredEntry>> Entries(uint64_t from_seq, uint64_t to_seq,
                                                  int limit) override;
  Result<std::vector<audit::Hash>> LeafHashes(uint64_t count) override;
  Result<std::vector<audit::SignedCheckpoint>> Checkpoints(uint64_t min_size, uint64_t max_size,
                                                           int limit, bool newest_first) override;
  Result<std::vector<ports::AuditKey>> Keys() override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
