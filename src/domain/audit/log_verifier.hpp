// Verifies a stored audit log without a database: the caller streams the stored entries in
// sequence order, then gives the stored tree state; the verifier reports what is wrong and the
// first bad entry. Pure; a LogVerifier is a value used by one thread at a time.
//
// What is checked (docs/adr/0008-audit-log-sequencing.md):
// - every entry: sequence numbers contiguous from 0; the leaf is a canonical event; its stored
//   leaf hash, running root and index columns agree with it and with the entries before it;
// - every checkpoint (from the database and from exported files): its signature under a trusted
//   key; the entries' root at its size; the RFC 6962 consistency proof, built from the entries,
//   from each checkpoint the entries do not match to the next one they do (a fork);
// - that the log is not shorter than the tree state or than any trusted checkpoint;
// - that the tree state (size, root, right edge) is the one the entries give.
//
// Entries are known bad exactly (an edited, missing or moved entry) or, when someone rewrote
// entries and recomputed every derived column, only as "one of the entries a..b-1": then the
// signed checkpoints bound where the rewrite began. The first bad entry is the smallest exact
// finding, or the start of the earliest range that no exact finding explains.
//
// Memory: 32 bytes per entry up to the largest checkpoint (leaf hashes for the proofs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit/checkpoint.hpp"
#include "domain/audit/log_entry.hpp"

namespace opennrm::audit {

enum class Fault {
  kMissingEntry,        // a gap in the sequence, or the log ends before the tree state's size
  kOutOfOrder,          // an entry read before one with a smaller sequence number
  kUnsequencedEntry,    // an entry beyond the tree state: not written by the sequencer
  kMalformedEntry,      // the leaf is not a canonical event
  kLeafHashMismatch,    // the stored leaf hash is not the hash of the stored event
  kRootMismatch,        // the stored running root disagrees with the entries up to it
  kIndexMismatch,       // the filter columns disagree with the event
  kCheckpointMismatch,  // the entries do not have a signed checkpoint's root
  kFork,                // two signed checkpoints that cannot both be prefixes of one log
  kTruncated,           // the log is shorter than a signed checkpoint
  kBadSignature,        // a checkpoint whose signature does not verify under a trusted key
  kTreeStateMismatch,   // the stored tree state is not the one the entries give
};

// A stable word for a fault, e.g. "leaf_hash_mismatch".
std::string_view ToString(Fault fault);

struct Finding {
  Fault fault = Fault::kMissingEntry;
  bool about_entries = true;  // false for a checkpoint's signature or the tree state row
  bool certain = true;        // entry `first` is known bad; else one of first..end-1 is
  uint64_t first = 0;
  uint64_t end = 0;    // exclusive
  std::string detail;  // a sentence with numbers and ids only
};

// A checkpoint and where it came from ("database" or an exported file's name).
struct CheckpointSource {
  SignedCheckpoint signed_checkpoint;
  std::string origin;
};

struct VerifyReport {
  uint64_t entries = 0;             // entries read
  size_t checkpoints_verified = 0;  // checkpoints whose signature and root both verified
  uint64_t largest_verified_size = 0;
  std::vector<Finding> findings;  // in the order found

  bool ok() const { return findings.empty(); }
  // The first bad entry (see the file comment); nullopt when no finding is about entries.
  std::optional<uint64_t> FirstBadEntry() const;
};

class LogVerifier {
 public:
  // `public_keys`: the trusted Ed25519 keys (32 raw bytes each). `checkpoints`: every checkpoint
  // known, in any order; the same checkpoint from two origins counts once.
  LogVerifier(const std::vector<std::string>& public_keys,
              std::vector<CheckpointSource> checkpoints);

  // REQUIRES: entries in the order read, which should be ascending seq.
  void Add(const StoredEntry& entry);

  // Ends the check. `tree`: the tree state read before the entries (entries were read up to its
  // size). `unsequenced_from`: the smallest seq of an entry found beyond the tree state when it
  // was read again after the entries, if any.
  VerifyReport Finish(const StoredTree& tree, std::optional<uint64_t> unsequenced_from);

 private:
  struct Point {  // one distinct (size, root) among the trusted checkpoints
    uint64_t size = 0;
    Hash root{};
    std::vector<std::string> origins;
    std::optional<Hash> computed;  // the entries' root at `size`, once reached in order
  };

  void AddFinding(Fault fault, uint64_t first, uint64_t end, std::string detail, bool certain,
                  bool about_entries = true);
  void CheckPoints(uint64_t end);

  std::vector<Point> points_;  // sorted by size
  size_t next_point_ = 0;
  uint64_t keep_leaves_up_to_ = 0;
  std::vector<Hash> leaves_;      // computed leaf hashes, for consistency proofs
  CompactRange computed_;         // from the entries' contents
  uint64_t next_seq_ = 0;         // the seq expected next
  uint64_t end_ = 0;              // last seq read + 1
  bool sequence_broken_ = false;  // a gap or disorder: positions no longer mean anything
  bool roots_diverged_ = false;   // stored running roots no longer comparable
  VerifyReport report_;
};

}  // namespace opennrm::audit
