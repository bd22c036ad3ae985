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
#include "cli/demo/consultation_planner.hpp"
#include "cli/demo/consultation_writer.hpp"
#include "cli/demo/crime_figures_demo.hpp"
#include "cli/demo/planner.hpp"
#include "cli/demo/shelter_plan.hpp"
#include "cli/demo/shelter_writer.hpp"
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

struct ConsultationOutcome {
  std::atomic<long long> consultations{0};
  std::atomic<long long> follow_ups{0};
  std::atomic<long long> danger_steps{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards error
  std::optional<Error> error;
};

void WorkConsultations(const demo::ConsultationWorld& world, const demo::ConsultationWriter& writer,
                       std::uint64_t seed, long long total, std::atomic<long long>& next,
                       ProgressBar& bar, ConsultationOutcome& outcome) {
  for (;;) {
    long long i = next.fetch_add(1);
    if (i >= total || outcome.failed.load()) break;
    auto written = writer.Write(demo::PlanConsultation(world, seed, static_cast<std::uint64_t>(i)));
    if (!written) {
      std::lock_guard lock(outcome.mutex);
      if (!outcome.error) outcome.error = written.error();
      outcome.failed = true;
      break;
    }
    outcome.consultations.fetch_add(1);
    outcome.follow_ups.fetch_add(written->follow_ups);
    outcome.danger_steps.fetch_add(written->danger_steps);
    bar.Advance();
  }
}

// The national unit's demo hotline operators (found by the seed key of the national unit).
std::vector<demo::OrganisationSlot> HotlineSlots(int operators) {
  std::vector<demo::OrganisationSlot> out;
  for (int i = 1; i <= operators; ++i) {
    demo::OrganisationSlot s;
    s.kind = demo::SlotKind::kIom;  // any kind but kNgo: the organisation is found by seed key
    s.seed_key = "national_unit";
    s.username = "demo-hotline-" + std::to_string(i);
    s.display_name = "Demo hotline operator " + std::to_string(i);
    s.role = "hotline_operator";
    out.push_back(std::move(s));
  }
  return out;
}

// The national unit's demo statistician: publishes a year and reads the
// published statistics (docs/statistics.md).
demo::OrganisationSlot StatisticianSlot() {
  demo::OrganisationSlot s;
  s.kind = demo::SlotKind::kIom;  // any kind but kNgo: the organisation is found by seed key
  s.seed_key = "national_unit";
  s.username = "demo-statistician";
  s.display_name = "Demo statistician";
  s.role = "statistician";
  return s;
}

void PrintUsers(const std::vector<demo::Actor>& actors, bool show_passwords) {
  for (const auto& a : actors) {
    std::cout << "demo user\t" << a.username << "\t" << a.organisation_name << " ("
              << a.organisation_id << ")\t" << (a.created ? "created" : "existing");
    if (show_passwords && a.created) std::cout << "\tone-time password " << a.one_time_password;
    std::cout << "\n";
  }
  std::cout.flush();
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
  demo_
      ->add_option("--consultations", consultations_,
                   "How many hotline consultations to create (default: about 600 a year of "
                   "--consultation-years; 0: none)")
      ->check(CLI::Range(0LL, 1000000LL));
  demo_
      ->add_option("--consultation-years", consultation_years_,
                   "Over how many years before today the consultations spread")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
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
  const long long consultations =
      consultations_ >= 0 ? consultations_ : demo::DefaultConsultationCount(consultation_years_);
  std::vector<demo::Actor> operators;
  if (consultations > 0) {
    auto made = demo::PrepareActors(ctx, HotlineSlots(3), run_id);
    if (!made) return Report(made.error());
    operators = std::move(*made);
  }
  auto statistician = demo::PrepareActors(ctx, {StatisticianSlot()}, run_id);
  if (!statistician) return Report(statistician.error());
  PrintUsers(*actors, show_passwords_);
  PrintUsers(operators, show_passwords_);
  PrintUsers(*statistician, show_passwords_);
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  auto shelters = demo::WriteShelters(ctx, demo::PlanShelters(geography, today, seed_));
  if (!shelters) return Report(shelters.error());

  demo::DemoWorld world = demo::BuildWorld(geography, *ctx.case_rules, std::move(slots), today);
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
  if (!outcome.error && consultations > 0) {
    if (auto st = RunConsultations(ctx, operators, today, consultations); !st) {
      outcome.error = st.error();
    }
  }
  std::cerr << "opennrm demo: " << shelters->created << " shelters created, " << shelters->updated
            << " updated.\n";
  if (!outcome.error) {
    // Official crime figures are imported, never counted from cases: a synthetic file stands in.
    auto figures = demo::ImportSyntheticCrimeFigures(ctx, config.reference_dir);
    if (!figures) {
      outcome.error = figures.error();
    } else if (*figures) {
      std::cerr << "opennrm demo: " << (*figures)->imported
                << " synthetic crime figures imported.\n";
    } else {
      std::cerr << "opennrm demo: crime figures are stored already; the synthetic ones were "
                   "not imported.\n";
    }
  }
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

Status DemoCommand::RunConsultations(const app::Context& ctx,
                                     const std::vector<demo::Actor>& operators, CivilDate today,
                                     long long total) const {
  if (!ctx.hotline) return Internal("No hotline settings are loaded.");
  auto organisations = demo::SeededOrganisationIds(ctx);
  if (!organisations) return tl::unexpected(organisations.error());
  const demo::ConsultationWorld world =
      demo::BuildConsultationWorld(ctx.reference->geography, ctx.hotline->office_hours, today,
                                   consultation_years_, operators.size());
  const demo::ConsultationWriter writer(ctx, operators, std::move(*organisations));
  ProgressBar bar(stderr, static_cast<std::size_t>(total), "consultations",
                  ProgressBar::IsTerminal(stderr));
  ConsultationOutcome outcome;
  std::atomic<long long> next{0};
  const int threads = static_cast<int>(std::min<long long>(threads_, total));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] { WorkConsultations(world, writer, seed_, total, next, bar, outcome); });
  }
  for (auto& t : pool) t.join();
  bar.Finish();
  const double seconds = bar.Elapsed();
  const long long made = outcome.consultations.load();
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.1f s, %.0f consultations/s", seconds,
                seconds > 0 ? static_cast<double>(made) / seconds : 0.0);
  std::cout << "consultations\t" << made << "\n";
  std::cout.flush();
  std::cerr << "opennrm demo: " << made << " consultations (" << outcome.follow_ups.load()
            << " follow-ups, " << outcome.danger_steps.load() << " danger steps) over "
            << consultation_years_ << " years in " << rate << ".\n";
  if (outcome.error) return tl::unexpected(*outcome.error);
  return Ok();
}

}  // namespace opennrm::cli
