// `opennrm demo --cases N [--seed S] [--organisations K] [--threads T]
// [--bench-user NAME] [--no-history] [--consultations C] [--consultation-years Y]
// [--show-passwords]`: fills a database with synthetic organisations' cases,
// synthetic shelters with capacity and occupancy, and the hotline's
// consultations over the last years, for demonstrations and benchmarks
// (src/cli/demo/). Every case goes through the application's use cases as a
// demo user of its organisation, every consultation as a demo hotline
// operator of the national unit. Prints the demo users on stdout (passwords only with
// --show-passwords) and a summary line on stderr, with a progress bar there
// when it is a terminal. Not thread-safe: one per process.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "app/context.hpp"
#include "cli/config.hpp"
#include "cli/demo/actors.hpp"
#include "core/date.hpp"

namespace opennrm::cli {

class DemoCommand {
 public:
  // Adds the subcommand to `app`; `config_path` receives -c.
  void Register(CLI::App& app, std::string& config_path);
  bool Parsed() const;
  // Runs it; the exit status.
  int Run(const Config& config);

 private:
  // Writes `total` consultations of the years before `today` on threads_ threads.
  Status RunConsultations(const app::Context& ctx, const std::vector<demo::Actor>& operators,
                          CivilDate today, long long total) const;

  CLI::App* demo_ = nullptr;
  long long cases_ = 0;
  std::uint64_t seed_ = 1;
  int organisations_ = 20;
  int threads_ = 4;
  std::string bench_user_;
  bool no_history_ = false;
  long long consultations_ = -1;  // -1: demo::DefaultConsultationCount
  int consultation_years_ = 3;
  bool show_passwords_ = false;
};

}  // namespace opennrm::cli
