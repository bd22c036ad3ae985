// Writes a planned demo consultation (consultation_planner.hpp) through the
// application's use cases as one of the demo's hotline operators — never by
// SQL — so that every check, seal, audit event and notification applies as
// for an operator at the desk: the consultation (taken at once unless it
// stays new), the immediate-danger steps, the follow-ups and their being
// done, and the closing. Each consultation runs on a clock of its own set to
// each step's moment (never after the real now), so codes, queue times and
// the audit events carry the plan's past dates. Thread-safe: Write may run
// on several threads at once.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "cli/demo/actors.hpp"
#include "cli/demo/consultation_planner.hpp"

namespace opennrm::cli::demo {

struct WrittenConsultation {
  std::string consultation_id;
  int follow_ups = 0;
  int danger_steps = 0;
};

class ConsultationWriter {
 public:
  // REQUIRES: `operators` has an actor per plan's operator_index (hotline
  // operators of the national unit); `organisations` maps seed keys to ids;
  // ctx and operators outlive the writer.
  ConsultationWriter(const app::Context& ctx, const std::vector<Actor>& operators,
                     std::map<std::string, std::string> organisations)
      : ctx_(ctx), operators_(operators), organisations_(std::move(organisations)) {}

  // The consultation written; the first error of a use case otherwise, naming
  // the plan's index and step (the consultation may then exist, written up to there).
  Result<WrittenConsultation> Write(const ConsultationPlan& plan) const;

 private:
  const app::Context& ctx_;
  const std::vector<Actor>& operators_;
  std::map<std::string, std::string> organisations_;
};

// Every organisation of the directory with a seed key: seed key -> id.
Result<std::map<std::string, std::string>> SeededOrganisationIds(const app::Context& ctx);

}  // namespace opennrm::cli::demo
