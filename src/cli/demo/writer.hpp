// Writes a planned demo case through the application's use cases, as the
// slot's demo user — never by SQL — so that every rule, seal, audit event,
// name index, case-log entry and statistics fact applies as it does for a
// person at a browser: the case with its persons and exploitation on its
// opening day, then the plan's actions in order (records, declarations,
// track moves, proceedings, clocks and their tasks, child-track records,
// missing-child alerts, closure). Each case runs on a clock of its own set
// to each action's day, so its timeline (and the audit events of the run)
// carry the plausible past dates the plan gives. Thread-safe: Write may run
// on several threads at once (each use case opens its own units of work).
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "cli/demo/actors.hpp"
#include "cli/demo/case_plan.hpp"

namespace opennrm::cli::demo {

struct WrittenCase {
  std::string case_id;
  int persons = 0;
  int actions = 0;  // actions of the plan applied
};

class DemoWriter {
 public:
  // REQUIRES: `actors` has one actor per slot the plans use; ctx and actors outlive the writer.
  // Without `history` only the clocks (with their endings) and the closure of the plan's actions
  // are written (a third of the use-case calls: for fills that need volume).
  DemoWriter(const app::Context& ctx, const std::vector<Actor>& actors, bool history = true)
      : ctx_(ctx), actors_(actors), history_(history) {}

  // The case written; the first error of a use case otherwise, naming the
  // plan's index and action (the case may then exist, written up to there).
  Result<WrittenCase> Write(const CasePlan& plan) const;

 private:
  const app::Context& ctx_;
  const std::vector<Actor>& actors_;
  bool history_ = true;
};

}  // namespace opennrm::cli::demo
