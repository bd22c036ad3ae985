// ports::AuditJournal in a directory of numbered segment files (docs/adr/0014-audit-journal-and-
// request-lanes.md). A segment is an 8-byte header followed by batches; a batch is
//   u32 payload bytes, u32 events, 16-byte BLAKE2b checksum of those 8 bytes and the payload,
//   payload: per event u32 length and its bytes
// little-endian. Append writes a batch with one write() and makes it durable with fdatasync(); a
// new segment starts when the current one has passed `max_segment_bytes`, at every start-up, and
// after a failed write (so that a torn batch can only ever end a segment).
//
// Preallocated segments (docs/adr/0018-journal-segments-written-ahead.md): PrepareNext writes the
// next segment ahead of time — header, then zeros up to `max_segment_bytes`, fdatasync'ed — as
// `next.spare`, and a new segment is that file renamed. An append into it then changes neither
// the file's size nor its blocks, so its fdatasync writes the data and no metadata (about half
// the time of one that grows the file, on this project's machine). A batch head of zeros ends
// what was written of a segment. Without a spare ready, a segment is created empty and grows.
//
// Thread-compatible (ports::AuditJournal); PrepareNext may run beside any other call.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ports/audit_journal.hpp"

namespace opennrm::storage::journal {

struct SegmentJournalOptions {
  uint64_t max_segment_bytes = 16ull * 1024 * 1024;
  // PrepareNext writes the next segment ahead (false: it does nothing; segments grow).
  bool preallocate = true;
};

struct SegmentJournalStats {
  long long appended_batches = 0;
  long long failed_appends = 0;
  long long torn_batches = 0;  // batches ReadAfter found incomplete or damaged
  long long released_segments = 0;
  long long preallocated_segments = 0;  // segments started from a spare written ahead
};

class SegmentJournal final : public ports::AuditJournal {
 public:
  // Opens (creating, mode 0700) the directory `dir`. kUnavailable when it cannot be created or
  // listed.
  static Result<std::unique_ptr<SegmentJournal>> Open(const std::string& dir,
                                                      SegmentJournalOptions options = {});
  ~SegmentJournal() override;
  SegmentJournal(const SegmentJournal&) = delete;
  SegmentJournal& operator=(const SegmentJournal&) = delete;

  Result<ports::JournalPosition> Append(const std::vector<std::string>& bodies) override;
  Result<std::vector<ports::JournalBatch>> ReadAfter(ports::JournalPosition from) override;
  Status Release(ports::JournalPosition applied) override;
  Status PrepareNext() override;

  SegmentJournalStats Stats() const { return stats_; }
  // The numbers of the segment files present, ascending.
  Result<std::vector<uint64_t>> Segments() const;
  // The file name of segment `n` inside the directory.
  static std::string SegmentName(uint64_t n);

 private:
  SegmentJournal(std::string dir, SegmentJournalOptions options, uint64_t next_segment);
  Status StartSegment();
  void CloseSegment();
  // The spare's descriptor, renamed to `path`, or -1 when no spare is ready.
  int TakeSpare(const std::string& path);

  const std::string dir_;
  const SegmentJournalOptions options_;
  uint64_t next_segment_;  // the number the next new segment gets
  uint64_t segment_ = 0;   // the segment being appended to (0: none open)
  uint64_t size_ = 0;      // its size in bytes
  int fd_ = -1;
  SegmentJournalStats stats_;

  mutable std::mutex spare_mu_;  // the spare file's name and state; held only briefly
  int spare_fd_ = -1;            // GUARDED_BY(spare_mu_): written, synced, ready to take
  bool preparing_ = false;       // GUARDED_BY(spare_mu_): PrepareNext is writing it
};

}  // namespace opennrm::storage::journal
