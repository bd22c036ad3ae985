// Checkpoints a SQLite database's write-ahead log in a thread of its own, so that no request's
// commit pays for one (docs/adr/0010-background-writers-and-checkpoints.md). SQLite by default
// checkpoints inside the commit that takes the log past 1,000 pages: that commit then copies
// megabytes into the database file and syncs it while every other writer waits.
//
// Connections opened with `Options::checkpointer` set report each commit's log size to Notify()
// (through sqlite3_wal_hook, which also turns their own automatic checkpoints off). Once the log
// has reached `pages`, the thread runs a PASSIVE checkpoint on a connection of its own: it copies
// what no reader still needs, beside the readers and the writer, and never blocks them. It also
// checkpoints every `period`, so a quiet database's log is small.
//
// Thread-safe. Stop() (or the destructor) ends the thread after a last checkpoint.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "core/error.hpp"

namespace opennrm::storage::sqlite {

struct CheckpointerStats {
  long long checkpoints = 0;  // PASSIVE checkpoints run
  long long failures =
      0;  // those that failed even after quick retries (tried again at the next notice)
  int last_log_pages = 0;     // the log's size in pages after the last one
  int last_copied_pages = 0;  // the pages it had copied into the database by then
  int last_failure = 0;       // SQLite's extended result code of the last failure, 0 if none
};

class Checkpointer {
 public:
  // Opens its own connection to `path` (an existing database in WAL mode) and starts the thread.
  static Result<std::unique_ptr<Checkpointer>> Start(
      const std::string& path, int pages = 1000,
      std::chrono::milliseconds period = std::chrono::milliseconds(1000));
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // A commit left the log at `log_pages` pages. Cheap; called by committing threads.
  void Notify(int log_pages);
  // Ends the thread after a last checkpoint. Idempotent.
  void Stop();
  CheckpointerStats Stats() const;

 private:
  Checkpointer(void* db, int pages, std::chrono::milliseconds period);
  void Run();
  void CheckpointOnce();

  void* db_;  // sqlite3*, owned
  const int pages_;
  const std::chrono::milliseconds period_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool due_ = false;         // GUARDED_BY(mu_)
  bool stopping_ = false;    // GUARDED_BY(mu_)
  CheckpointerStats stats_;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace opennrm::storage::sqlite
