// Appending canonical events to the audit log itself, inside the caller's transaction: the next
// sequence numbers, leaf hashes, running roots and the new tree state (the sequencer's move of
// pending events, and the group commit's direct append on a single-writer database; see
// docs/adr/0008-audit-log-sequencing.md). The caller must hold the log's only writer: SQLite's
// write lock, or the sequencer lease.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "ports/audit_repository.hpp"

namespace opennrm::app::audit {

// Appends `leaves` in order; returns the log's size after them. kInternal when the stored tree
// state is not well-formed, or when a leaf is not a canonical event (then `bad_leaf`, when given,
// is set to its position); kConflict when the tree moved on in another transaction; the
// repository's errors as they are.
Result<uint64_t> AppendToLog(ports::AuditRepository& audit, std::vector<std::string> leaves,
                             long long now_us, size_t* bad_leaf = nullptr);

}  // namespace opennrm::app::audit
