#include "storage/sqlite/checkpointer.hpp"

#include <sqlite3.h>

#include "core/this_thread.hpp"
#include "storage/sqlite/audit_file.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace opennrm::storage::sqlite {
namespace {

constexpr int kBusyAttempts = 5;

}  // namespace

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path, int pages,
                                                          std::chrono::milliseconds period) {
  ConfigureLibrary();
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Fail(ErrorCode::kInternal, "checkpointer open: " + why);
  }
  // Its own checkpoints never take the write lock (PASSIVE); the busy timeout only covers the
  // moments another connection checkpoints or recovers the log.
  sqlite3_busy_timeout(db, 1000);
  // Both files (audit_file.hpp): a checkpoint of every attached database copies each one's log.
  char* attach =
      sqlite3_mprintf("ATTACH DATABASE %Q AS %s", AuditFilePath(path).c_str(), kAuditSchema);
  rc = sqlite3_exec(db, attach, nullptr, nullptr, nullptr);
  sqlite3_free(attach);
  // Reads the headers, so the connection knows the files are in WAL mode (they already are: the
  // first connection set it, and the mode is kept in each file).
  if (rc != SQLITE_OK ||
      sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::string why = sqlite3_errmsg(db);
    sqlite3_close_v2(db);
    return Fail(ErrorCode::kInternal, "checkpointer: " + why);
  }
  auto c = std::unique_ptr<Checkpointer>(new Checkpointer(db, pages, period));
  c->thread_ = std::thread([p = c.get()] {
    core::NameThisThread("sqlite-checkpt");
    p->Run();
  });
  return c;
}

Checkpointer::Checkpointer(void* db, int pages, std::chrono::milliseconds period)
    : db_(db), pages_(pages), period_(period) {}

Checkpointer::~Checkpointer() {
  Stop();
  sqlite3_close_v2(static_cast<sqlite3*>(db_));
}

void Checkpointer::Notify(int log_pages) {
  if (log_pages < pages_) return;
  {
    std::lock_guard lock(mu_);
    if (due_) return;
    due_ = true;
  }
  wake_.notify_one();
}

void Checkpointer::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

CheckpointerStats Checkpointer::Stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

void Checkpointer::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait_for(lock, period_, [this] { return due_ || stopping_; });
    const bool last = stopping_;
    due_ = false;
    lock.unlock();
    CheckpointOnce();
    lock.lock();
    if (last) return;
  }
}

void Checkpointer::CheckpointOnce() {
  int log = 0;
  int copied = 0;
  // A PASSIVE checkpoint never waits: it answers SQLITE_BUSY when it reads the log's index while
  // a committing writer is rewriting its header. That lasts microseconds, so a few quick retries
  // tell such a moment from a real failure (which waits for the next notice).
  int rc = SQLITE_BUSY;
  for (int attempt = 0; attempt < kBusyAttempts; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    rc = sqlite3_wal_checkpoint_v2(static_cast<sqlite3*>(db_), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                   &log, &copied);
    if ((rc & 0xff) != SQLITE_BUSY) break;
  }
  std::lock_guard lock(mu_);
  ++stats_.checkpoints;
  if (rc != SQLITE_OK) {
    ++stats_.failures;
    stats_.last_failure = sqlite3_extended_errcode(static_cast<sqlite3*>(db_));
    return;
  }
  stats_.last_log_pages = log;
  stats_.last_copied_pages = copied;
}

}  // namespace opennrm::storage::sqlite
