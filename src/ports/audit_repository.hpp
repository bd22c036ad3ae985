// The audit log's tables (security core; docs/adr/0008-audit-log-sequencing.md). Used inside a
// UnitOfWork, by one thread at a time.
//
// Any server appends pending events (durable when the unit of work commits). The one server that
// holds the lease "audit-sequencer" moves them into the log: it assigns contiguous sequence
// numbers, stores each entry with its leaf hash and running root, and keeps the tree state; it also
// signs checkpoints. Readers filter entries, read checkpoints and leaf hashes for proofs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/checkpoint.hpp"
#include "domain/audit/log_entry.hpp"
#include "ports/audit_journal.hpp"

namespace opennrm::ports {

struct PendingAuditEvent {
  long long id = 0;              // increases in the order of appending within one unit of work
  std::string body;              // the canonical event (audit::EncodeEvent)
  long long appended_at_us = 0;  // when its unit of work appended it
};

struct AuditEventFilter {
  std::optional<long long> from_us;  // at_us >= from_us
  std::optional<long long> to_us;    // at_us < to_us
  std::optional<std::string> actor;  // the acting user or API token
  std::optional<std::string> action;
  std::optional<std::string> object_type;
  std::optional<std::string> object_id;
  // The acting organisation, or the owner of any object the event touched.
  std::optional<std::string> organisation_id;
  int limit = 50;
  int offset = 0;
};

struct AuditEntryRow {
  uint64_t seq = 0;
  std::string leaf;  // the canonical event
};

struct AuditEntryPage {
  std::vector<AuditEntryRow> items;  // newest (highest seq) first
  long long total = 0;               // matching entries, ignoring limit and offset
};

struct AuditKey {
  std::string key_id;
  std::string public_key;  // 32 raw bytes
  long long first_used_at_us = 0;
};

// A row of the audit log's object index: the entry `seq` names this object.
struct AuditObjectKey {
  std::string object_id;
  std::string object_type;
  uint64_t seq = 0;
  bool operator==(const AuditObjectKey&) const = default;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;

  // --- appending (any server)
  // Adds canonical events to the pending queue, in order.
  virtual Status AppendPending(const std::vector<std::string>& bodies, long long now_us) = 0;

  // --- sequencing (REQUIRES: this unit of work holds the lease "audit-sequencer")
  // The oldest pending events, at most `limit`.
  virtual Result<std::vector<PendingAuditEvent>> Pending(int limit) = 0;
  // Removes pending events; kConflict unless every one of them was still there.
  virtual Status RemovePending(const std::vector<long long>& ids) = 0;
  virtual Result<long long> CountPending() = 0;
  // The tree state (size 0 and the empty root before the first entry).
  virtual Result<audit::StoredTree> Tree() = 0;
  // Stores entries (with their index columns); kConflict if a seq is taken.
  virtual Status AppendEntries(const std::vector<audit::StoredEntry>& entries) = 0;
  // Replaces the tree state if its size is still `expected_size`; kConflict otherwise.
  virtual Status SaveTree(const audit::StoredTree& tree, uint64_t expected_size,
                          long long now_us) = 0;
  // kConflict when a checkpoint of that size exists.
  virtual Status AddCheckpoint(const audit::SignedCheckpoint& checkpoint) = 0;
  // Records a signing key; does nothing when its id is known.
  virtual Status AddKey(const AuditKey& key) = 0;
  // How far the log holds the audit journal ({0, 0}: nothing applied from any journal), and its
  // update in the transaction that appends a journal's batches (docs/adr/0014-audit-journal-and-
  // request-lanes.md).
  virtual Result<JournalPosition> JournalApplied() = 0;
  virtual Status SaveJournalApplied(JournalPosition position) = 0;
  // The object index (docs/adr/0016-audit-object-index-in-sorted-runs.md): the entries below
  // this seq have their objects in it; later ones are found by seq.
  virtual Result<uint64_t> ObjectsIndexedBelow() = 0;
  // How many object rows the entries from from_seq on have, counting at most `limit`.
  virtual Result<uint64_t> ObjectRowsFrom(uint64_t from_seq, uint64_t limit) = 0;
  // The end of the next run from from_seq: the entries whose object rows fit in max_rows (one
  // entry at least), never reaching log_size.
  virtual Result<uint64_t> ObjectRunEnd(uint64_t from_seq, uint64_t max_rows,
                                        uint64_t log_size) = 0;
  // The index's keys of the entries from_seq <= seq < to_seq, each once, in key order.
  virtual Result<std::vector<AuditObjectKey>> ObjectKeys(uint64_t from_seq, uint64_t to_seq) = 0;
  // Reads the index's pages where these keys go (a read, outside the writer), so that adding them
  // right after finds those pages in memory instead of reading them while holding the writer.
  virtual Status WarmObjectKeys(const std::vector<AuditObjectKey>& keys) = 0;
  // Adds keys to the index; a key it holds already is skipped.
  virtual Status AddObjectKeys(const std::vector<AuditObjectKey>& keys) = 0;
  // Moves ObjectsIndexedBelow() from from_seq to to_seq; kConflict when it was not at from_seq.
  virtual Status MoveObjectsIndexedBelow(uint64_t from_seq, uint64_t to_seq) = 0;

  // --- reading
  virtual Result<AuditEntryPage> Find(const AuditEventFilter& filter) = 0;
  // Entries with from_seq <= seq < to_seq, ascending, at most `limit`, with their index columns.
  virtual Result<std::vector<audit::StoredEntry>> Entries(uint64_t from_seq, uint64_t to_seq,
                                                          int limit) = 0;
  // The stored leaf hashes of entries 0..count-1 in order; kInternal when one is missing or not a
  // hash (the log is damaged: `opennrm audit verify` says where).
  virtual Result<std::vector<audit::Hash>> LeafHashes(uint64_t count) = 0;
  // Checkpoints with min_size <= size <= max_size, by size (descending when newest_first), at
  // most `limit`. kInternal when a stored one is not well-formed.
  virtual Result<std::vector<audit::SignedCheckpoint>> Checkpoints(uint64_t min_size,
                                                                   uint64_t max_size, int limit,
                                                                   bool newest_first) = 0;
  virtual Result<std::vector<AuditKey>> Keys() = 0;
};

}  // namespace opennrm::ports
