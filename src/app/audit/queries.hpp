// Reading the audit log: events by filter, checkpoints, inclusion and consistency proofs, the
// signing keys. Events are decoded from their stored leaves (the bytes the tree covers), never
// from the index columns.
//
// Access: the caller decides what the reader may see; an organisation's auditor must be given a
// filter with their own organisation_id, a national auditor may read all. Pending events (not yet
// sequenced, normally for less than the scheduler's period) are not listed.
//
// Proofs read every leaf hash up to the tree size asked for: O(size) time and 32 bytes per entry.
//
// Thread-safe: every call opens its own unit of work.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "domain/audit/checkpoint.hpp"
#include "domain/audit/event.hpp"
#include "ports/audit_repository.hpp"
#include "ports/database.hpp"

namespace opennrm::app::audit {

struct LoggedEvent {
  uint64_t seq = 0;
  // False when the stored leaf is not a canonical event (the log was damaged; `event` is empty).
  bool intact = true;
  opennrm::audit::Event event;
};

struct EventPage {
  std::vector<LoggedEvent> items;  // newest first
  long long total = 0;
};

struct TreeHead {
  uint64_t size = 0;
  opennrm::audit::Hash root{};
  long long pending = 0;  // appended, not yet sequenced
};

struct InclusionProof {
  uint64_t seq = 0;
  uint64_t tree_size = 0;
  opennrm::audit::Hash leaf_hash{};
  opennrm::audit::Hash root{};  // of the first tree_size entries
  std::vector<opennrm::audit::Hash> path;
};

struct ConsistencyProof {
  uint64_t from_size = 0;
  uint64_t to_size = 0;
  opennrm::audit::Hash from_root{};
  opennrm::audit::Hash to_root{};
  std::vector<opennrm::audit::Hash> proof;
};

inline constexpr int kMaxEventsPerPage = 1000;
inline constexpr int kMaxCheckpointsPerPage = 1000;

class AuditQueries {
 public:
  explicit AuditQueries(ports::Database& db) : db_(db) {}

  // kInvalid naming "limit" (1..1000), "offset" (>= 0) or "to" (not after "from").
  Result<EventPage> ListEvents(const ports::AuditEventFilter& filter);

  // The newest checkpoints first, only those smaller than `before_size` when given.
  // kInvalid naming "limit" (1..1000).
  Result<std::vector<opennrm::audit::SignedCheckpoint>> Checkpoints(
      int limit, std::optional<uint64_t> before_size = std::nullopt);

  // Entry `seq` in the tree of `tree_size` entries (0: the latest checkpoint's size).
  // kInvalid naming "seq" or "size" unless seq < size <= the log's size; kNotFound when size is 0
  // and nothing has been checkpointed.
  Result<InclusionProof> Inclusion(uint64_t seq, uint64_t tree_size);

  // That the tree of `from_size` entries is a prefix of the tree of `to_size` (0: the latest
  // checkpoint's size). kInvalid naming "from" or "to" unless from <= to <= the log's size.
  Result<ConsistencyProof> Consistency(uint64_t from_size, uint64_t to_size);

  // The keys that signed checkpoints, oldest first.
  Result<std::vector<ports::AuditKey>> PublicKeys();

  // The log's current size and root, and how many events wait to be sequenced.
  Result<TreeHead> Head();

 private:
  // The tree size a proof should use: `asked`, or the latest checkpoint's when 0.
  Result<uint64_t> ProofSize(ports::AuditRepository& audit, uint64_t asked, const char* field);

  ports::Database& db_;
};

}  // namespace opennrm::app::audit
