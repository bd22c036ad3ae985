// The audit log's journal: an append-only file of canonical events that makes a group commit's
// batch durable with one write and one fdatasync, before the batch is sequenced into the log's
// tables (docs/adr/0014-audit-journal-and-request-lanes.md). The journal holds what the log does
// not hold yet; once the log holds a batch (its position is stored with the log, in the same
// transaction), the journal may forget it.
//
// One process writes a journal: the server that holds the data directory's lock.
// Thread-compatible: the caller serialises Append (the group commit has one writer at a time),
// and calls ReadAfter only before the first Append; PrepareNext may run beside any of them.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

// Where a batch ends in the journal: its segment (files are numbered from 1) and the byte offset
// just after it. Positions order the journal's batches.
struct JournalPosition {
  uint64_t segment = 0;
  uint64_t offset = 0;
  auto operator<=>(const JournalPosition&) const = default;
};

struct JournalBatch {
  JournalPosition end;
  std::vector<std::string> bodies;  // canonical events, in order
};

class AuditJournal {
 public:
  virtual ~AuditJournal() = default;
  // Appends one batch; it is on disk (written and fdatasync'ed) when this returns. Returns the
  // position just after it. kUnavailable when the file cannot be written (nothing of the batch
  // counts as written then).
  virtual Result<JournalPosition> Append(const std::vector<std::string>& bodies) = 0;
  // The whole batches after `from`, in order (every batch when `from` is before them). A batch
  // whose bytes are incomplete or do not match their checksum ends its segment: it was being
  // written when the process stopped, so nobody was told it was durable. New batches go to a
  // segment after every existing one and after `from`'s.
  virtual Result<std::vector<JournalBatch>> ReadAfter(JournalPosition from) = 0;
  // Forgets the segments that end at or before `applied` (the log holds their batches).
  virtual Status Release(JournalPosition applied) = 0;
  // Makes the next segment ready ahead of time, off the appending thread, so that starting it
  // costs the append no more than an ordinary batch. Optional: a journal that needs nothing
  // returns at once. May run concurrently with any other call.
  virtual Status PrepareNext() { return {}; }
};

}  // namespace opennrm::ports
