// The statistics facts in memory (issue 7 item 9): every de-identified
// statistics row, decoded (fact_decode.hpp) and kept as ONE fact per
// organisation and person, so that a year of national data aggregates in
// milliseconds without reading the database per request.
//
// Loads everything at first use, then, when the snapshot is older than
// refresh_ms, reads only the rows changed since the last one seen (minus a
// 10 s overlap for transactions that committed late) and the removals; a
// new snapshot is made only when a fact changed (rows read again by the
// overlap, as they were, change nothing).
// A person recorded in several cases of one organisation is one fact: the
// earliest recorded_on (and its categories), the forms, sectors, steps and
// flags of every case united, closed only when every case is closed.
//
// Removals are kept kRemovalsKept (PruneFactRemovals, a scheduled job); a
// cache whose last refresh began more than kReloadAfter ago may have missed
// pruned removals, so it loads everything again instead of the changes.
//
// Thread-safe. Snapshots are immutable and shared (copy on write): a reader
// never waits for a refresh another thread is running; it gets the current
// snapshot (only the very first load is waited for).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "app/case_rules.hpp"
#include "app/context.hpp"
#include "app/statistics/fact_decode.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/stats/fact.hpp"
#include "ports/database.hpp"

namespace opennrm::app::statistics {

inline constexpr std::chrono::hours kRemovalsKept{24 * 7};
inline constexpr std::chrono::hours kReloadAfter{24};

class FactCache {
 public:
  // `reference` gives the geography; `rules` (may be null) the step words.
  FactCache(ports::Database& db, const Clock& clock, std::shared_ptr<const Reference> reference,
            std::shared_ptr<const CaseRules> rules, long long refresh_ms);
  ~FactCache();
  FactCache(const FactCache&) = delete;
  FactCache& operator=(const FactCache&) = delete;

  // The facts: loaded at first use, refreshed when older than refresh_ms
  // (by this caller unless another thread is refreshing already).
  Result<std::shared_ptr<const stats::FactSnapshot>> Snapshot();
  // Reads the changes now (waits for a refresh in progress).
  Status Refresh();
  // An estimate of the memory held: the current snapshot and the index.
  size_t MemoryBytes() const;
  // Rows that could not be decoded (a date that does not parse) and so are not counted.
  size_t DamagedRows() const { return damaged_.load(); }

 private:
  struct State;
  Status RefreshLocked();

  ports::Database& db_;
  const Clock& clock_;
  std::shared_ptr<const Reference> reference_;
  std::shared_ptr<const CaseRules> rules_;
  long long refresh_ms_;
  std::mutex refresh_mutex_;  // one refresh at a time; guards *state_
  std::unique_ptr<State> state_;
  mutable std::mutex snapshot_mutex_;  // guards snapshot_
  std::shared_ptr<const stats::FactSnapshot> snapshot_;
  std::atomic<long long> checked_at_us_{0};  // when the last refresh began
  std::atomic<size_t> damaged_{0};
  std::atomic<size_t> index_bytes_{0};
};

// The memory a snapshot holds (the facts and the dictionary's words).
size_t SnapshotBytes(const stats::FactSnapshot& snapshot);

// Deletes the removals older than kRemovalsKept before `now`; returns how
// many (the scheduled job "prune-statistics-removals").
Result<long long> PruneFactRemovals(ports::Database& db, TimePoint now);

}  // namespace opennrm::app::statistics
