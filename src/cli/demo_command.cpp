#include "cli/demo_command.hpp"

#include <atomic>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "cli/commands.hpp"
#include "cli/demo/actors.hpp"
#include "cli/demo/planner.hpp"
#include "cli/demo/writer.hpp"
#include "cli/progress_bar.hpp"
#include "cli/runtime.hpp"
#include "cli/security_runtime.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::cli {

namespace {

struct Outcome {
  std::atomic<long long> cases{0};
  std::atomic<long long> persons{0};
  std::atomic<long long> actions{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards error and per_slot
  std::optional<Error> error;
  std::map<std::size_t, long long> per_slot;
};

void Work(const demo::DemoWorld& world, const demo::DemoWriter& writer, std::uint64_t seed,
          long long total, std::atomic<long long>& next, ProgressBar& bar, Outcome& outcome) {
  std::map<std::size_t, long long> mine;
  for (;;) {
    long long i = next.fetch_add(1);
    if (i >= total || outcome.failed.load()) break;
    demo::CasePlan plan = demo::PlanCase(world, seed, static_cast<std::uint64_t>(i));
    auto written = writer.Write(plan);
    if (!written) {
      std::lock_guard lock(outcome.mutex);
      if (!outcome.error) outcome.error = written.error();
      outcome.failed = true;
      break;
    }
    ++mine[plan.slot];
    outcome.cases.fetch_add(1);
    outcome.persons.fetch_add(written->persons);
    outcome.actions.fetch_add(written->actions);
    bar.Advance();
  }
  std::lock_guard lock(outcome.mutex);
  for (auto [slot, n] : mine) outcome.per_slot[slot] += n;
}

}  // namespace

void DemoCommand::Register(CLI::App& app, std::string& config_path) {
  demo_ = app.add_subcommand(
      "demo", "Fill the database with synthetic organisations' cases (demonstrations, benchmarks)");
  demo_->add_option("-c,--config", config_path, "Configuration file");
  demo_->add_option("--cases", cases_, "How many cases to create")
      ->required()
      ->check(CLI::Range(1LL, 10000000LL));
  demo_->add_option("--seed", seed_, "Seed: the same seed gives the same synthetic data")
      ->capture_default_str();
  demo_
      ->add_option("--organisations", organisations_,
                   "How many municipal social services keep cases (besides NGOs, IOM, police)")
      ->capture_default_str()
      ->check(CLI::Range(1, 290));
  demo_->add_option("--threads", threads_, "Cases written in parallel")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  demo_->add_option("--bench-user", bench_user_,
                    "Login name of the social worker who keeps the largest municipality's cases "
                    "(created if missing; for benchmarks)");
  demo_->add_flag("--no-history", no_history_,
                  "Write only the cases, their persons, exploitation, clocks and closure, not "
                  "their records, track moves and child track (about three times faster)");
  demo_->add_flag("--show-passwords", show_passwords_,
                  "Print the one-time passwords of the demo users this run creates");
}

bool DemoCommand::Parsed() const { return demo_ && demo_->parsed(); }

int DemoCommand::Run(const Config& config) {
  // A fill commits without waiting for the disk (SQLite: synchronous=NORMAL; never corrupts).
  auto rt = Start(config, StartOptions{false, true, true});
  if (!rt) return Report(rt.error());
  auto sec = StartSecurity(config, *(*rt)->db, (*rt)->clock, ProcessHolderName());
  if (!sec) return Report(sec.error());
  app::Context ctx = (*rt)->context();
  ctx.security = (*sec)->services.get();
  const geo::Geography& geography = ctx.reference->geography;

  auto slots = demo::PlanOrganisations(geography, organisations_, seed_);
  if (!bench_user_.empty() && !slots.empty()) {
    slots.front().username = bench_user_;
    slots.front().display_name = "Benchmark reader";
  }
  std::string run_id =
      std::to_string(seed_) + "-" + std::to_string(ctx.clock.Now().time_since_epoch().count());
  auto actors = demo::PrepareActors(ctx, slots, run_id);
  if (!actors) return Report(actors.error());
  for (const auto& a : *actors) {
    std::cout << "demo user\t" << a.username << "\t" << a.organisation_name << " ("
              << a.organisation_id << ")\t" << (a.created ? "created" : "existing");
    if (show_passwords_ && a.created) std::cout << "\tone-time password " << a.one_time_password;
    std::cout << "\n";
  }
  std::cout.flush();

  demo::DemoWorld world = demo::BuildWorld(geography, *ctx.case_rules, std::move(slots),
                                           StockholmDateOf(ctx.clock.Now()));
  demo::DemoWriter writer(ctx, *actors, !no_history_);
  ProgressBar bar(stderr, static_cast<std::size_t>(cases_), "cases",
                  ProgressBar::IsTerminal(stderr));
  Outcome outcome;
  std::atomic<long long> next{0};
  int threads = static_cast<int>(std::min<long long>(threads_, cases_));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] { Work(world, writer, seed_, cases_, next, bar, outcome); });
  }
  for (auto& t : pool) t.join();
  bar.Finish();
  double seconds = bar.Elapsed();
  for (auto [slot, n] : outcome.per_slot) {
    std::cout << "cases\t" << (*actors)[slot].username << "\t" << n << "\n";
  }
  std::cout.flush();
  long long made = outcome.cases.load();
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.1f s, %.0f cases/s", seconds,
                seconds > 0 ? static_cast<double>(made) / seconds : 0.0);
  std::cerr << "opennrm demo: " << made << " cases (" << outcome.persons.load() << " persons, "
            << outcome.actions.load() << " later actions) in " << rate << "; seed " << seed_ << ", "
            << threads << " threads.\n";
  // The run's audit events into the log now (as a server's sequencer would), so that the server
  // started next has no backlog to work off while it answers.
  for (;;) {
    auto step = (*sec)->sequencer->Step(ctx.clock.Now());
    if (!step) return Report(step.error());
    if (step->sequenced == 0) break;
  }
  if (outcome.error) return Report(*outcome.error);
  return 0;
}

}  // namespace opennrm::cli
