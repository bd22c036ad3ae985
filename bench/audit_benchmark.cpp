// Append throughput of the audit log on SQLite (synchronous=FULL, WAL): N threads each record
// one event per call and wait until it is durable, through group commit
// (app::audit::GroupCommitAuditLog) and, for comparison, with one transaction per event.
// Run: build/bench/audit_benchmark   (the database lives in $OPENNRM_BENCH_DIR, default /tmp)
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "app/audit/group_commit_log.hpp"
#include "domain/audit/canonical_event.hpp"
#include "storage/sql_database.hpp"

namespace {

using namespace opennrm;

// A migrated SQLite database in a fresh directory, removed afterwards.
struct Scratch {
  Scratch() {
    const char* base = std::getenv("OPENNRM_BENCH_DIR");
    std::string pattern = std::string(base ? base : "/tmp") + "/opennrm-audit-bench-XXXXXX";
    dir = mkdtemp(pattern.data());
    storage::DatabaseOptions o;
    o.sqlite_path = dir + "/bench.db";
    o.pool_size = 8;
    db = storage::SqlDatabase::Open(o).value();
    (void)db->Migrate(1).value();
  }
  ~Scratch() {
    log.reset();
    db.reset();
    std::filesystem::remove_all(dir);
  }
  std::string dir;
  std::unique_ptr<storage::SqlDatabase> db;
  std::unique_ptr<app::audit::GroupCommitAuditLog> log;
};

// What one request's read of a case writes: one event naming one record and two sections.
audit::Event ReadEvent(int thread, long long i) {
  audit::Event e;
  e.actor_user_id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  e.organisation_id = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  e.roles = {"social_worker"};
  e.action = "case.read";
  e.outcome = "allowed";
  e.objects = {{"case",
                "c0ffee00c0ffee00c0ffee00c0ffee00",
                "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                {"identity", "narrative"}}};
  e.purpose = "assignment";
  e.request_id = std::to_string(thread) + "-" + std::to_string(i);
  return e;
}

SystemClock wall_clock;
std::unique_ptr<Scratch> scratch;  // set up by thread 0 before the timed loop

void BM_GroupCommitAppend(benchmark::State& state) {
  if (state.thread_index() == 0) {
    scratch = std::make_unique<Scratch>();
    scratch->log = std::make_unique<app::audit::GroupCommitAuditLog>(*scratch->db, wall_clock);
  }
  long long i = 0;
  for (auto _ : state) {
    if (!scratch->log->Record(ReadEvent(state.thread_index(), i++))) {
      state.SkipWithError("Record failed");
      break;
    }
  }
  state.SetItemsProcessed(i);
  if (state.thread_index() == 0) {
    auto stats = scratch->log->Stats();
    state.counters["events_per_commit"] =
        stats.batches ? static_cast<double>(stats.events) / static_cast<double>(stats.batches) : 0;
    scratch.reset();
  }
}
BENCHMARK(BM_GroupCommitAppend)->ThreadRange(1, 64)->UseRealTime()->MinTime(2);

// The same appends with one transaction (and one fsync) per event; at most as many threads as
// the pool has connections.
void BM_TransactionPerEvent(benchmark::State& state) {
  if (state.thread_index() == 0) scratch = std::make_unique<Scratch>();
  long long i = 0;
  for (auto _ : state) {
    std::string body = audit::EncodeEvent(ReadEvent(state.thread_index(), i++)).value();
    auto uow = scratch->db->Begin(ports::Access::kWrite);
    if (!uow || !(*uow)->audit().AppendPending({body}, 1) || !(*uow)->Commit()) {
      state.SkipWithError("append failed");
      break;
    }
  }
  state.SetItemsProcessed(i);
  if (state.thread_index() == 0) scratch.reset();
}
BENCHMARK(BM_TransactionPerEvent)->ThreadRange(1, 8)->UseRealTime()->MinTime(2);

}  // namespace

BENCHMARK_MAIN();
