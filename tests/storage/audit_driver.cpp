// A stand-in for one OpenNRM server, for audit_two_process_test.cpp: it records events through
// the group-commit audit log from several threads while running the sequencer, on a database
// another process uses at the same time. Every few steps as leader it releases the lease, so the
// two processes take turns sequencing; it signs a checkpoint whenever it sequenced something.
//
// usage: audit_driver BACKEND TARGET NAME EVENTS THREADS SEED GO_FILE OUT_FILE
//   BACKEND sqlite|postgres; TARGET the SQLite file or the libpq connection string; NAME the
//   lease holder and the request ids' prefix; SEED one byte of the Ed25519 seed; GO_FILE starts
//   the run when it exists; OUT_FILE receives "recorded= sequenced= leader_steps= errors=".
// Exit 0 when every event was recorded.
#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "app/audit/group_commit_log.hpp"
#include "app/audit/sequencer.hpp"
#include "security/ed25519_signer.hpp"
#include "storage/sql_database.hpp"

using namespace opennrm;

int main(int argc, char** argv) {
  if (argc != 9) {
    std::cerr << "usage: audit_driver BACKEND TARGET NAME EVENTS THREADS SEED GO_FILE OUT_FILE\n";
    return 2;
  }
  const std::string backend = argv[1], target = argv[2], name = argv[3];
  const int events = std::stoi(argv[4]), threads = std::stoi(argv[5]);
  const auto seed_byte = static_cast<unsigned char>(std::stoi(argv[6]));
  const std::string go_file = argv[7], out_file = argv[8];

  storage::DatabaseOptions o;
  o.driver = backend;
  o.pool_size = 4;
  if (backend == "postgres") {
    o.postgres_conninfo = target;
  } else {
    o.sqlite_path = target;
  }
  auto db = storage::SqlDatabase::Open(o);
  if (!db) {
    std::cerr << name << ": " << db.error().message << "\n";
    return 1;
  }
  std::array<unsigned char, 32> seed;
  seed.fill(seed_byte);
  auto signer = security::Ed25519Signer::FromSeed(seed).value();
  SystemClock clock;
  app::audit::GroupCommitAuditLog log(**db, clock);
  app::audit::SequencerOptions so;
  so.holder = name;
  so.lease_duration = std::chrono::seconds(5);
  so.checkpoint_interval = std::chrono::milliseconds(5);
  so.batch_size = 20;
  so.max_batches_per_step = 1;  // short turns: the backlog is shared out between the processes
  app::audit::Sequencer sequencer(**db, *signer, so);

  for (int i = 0; i < 30'000 && !std::filesystem::exists(go_file); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  std::atomic<int> recorded{0};
  std::atomic<int> active{threads};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = t; i < events; i += threads) {
        audit::Event e;
        e.actor_user_id = name + "-user";
        e.organisation_id = "org-1";
        e.action = "case.read";
        e.outcome = "allowed";
        e.objects = {{"case", "case-" + std::to_string(i), "org-1", {}}};
        e.request_id = name + "-" + std::to_string(i);
        if (log.Record(std::move(e))) ++recorded;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      --active;
    });
  }

  // Steps until the recording is done and this process has held the lease (or 20 s).
  long long sequenced = 0, leader_steps = 0, errors = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while ((active.load() > 0 || leader_steps == 0) && std::chrono::steady_clock::now() < deadline) {
    auto step = sequencer.Step(clock.Now(), /*force_checkpoint=*/true);
    auto pause = std::chrono::milliseconds(2);
    if (!step) {
      ++errors;
      std::cerr << name << ": step failed: " << step.error().message << "\n";
    } else if (step->leader) {
      sequenced += static_cast<long long>(step->sequenced);
      if (++leader_steps % 5 == 0) {  // let the other process in
        if (!sequencer.Release()) ++errors;
        pause = std::chrono::milliseconds(10);
      }
    }
    std::this_thread::sleep_for(pause);
  }
  for (auto& w : workers) w.join();
  log.Stop();
  if (!sequencer.Release()) ++errors;

  std::ofstream(out_file) << "recorded=" << recorded.load() << " sequenced=" << sequenced
                          << " leader_steps=" << leader_steps << " errors=" << errors << "\n";
  return recorded.load() == events ? 0 : 1;
}
