#include "cli/demo/clock_ends.hpp"

#include <algorithm>

#include "core/stockholm_date_math.hpp"

namespace opennrm::cli::demo {

clocks::ClockOpening OpeningOf(const ClockPlan& clock) {
  clocks::ClockOpening o;
  o.rule_id = clock.rule;
  if (auto party = clocks::ParseParty(clock.applicant)) {
    o.application = clocks::Application{*party, clock.applied_on};
  }
  o.decided_on = clock.starts_on;
  o.start = clock.starts_on;
  o.conditions = clock.conditions;
  return o;
}

std::optional<CivilDate> LastDayOf(const DemoWorld& world, const clocks::ClockOpening& opening) {
  if (!world.rules) return std::nullopt;
  auto clock = clocks::Clock::Open(world.rules->clocks, opening);
  if (!clock) return std::nullopt;
  return clock->end();
}

void PlanClockEnd(const DemoWorld& world, CasePlan& plan, const std::string& rule, int person,
                  CivilDate start, CivilDate last, double done_in_time, DemoRandom& random) {
  auto done = [&](CivilDate on) {
    plan.actions.push_back(Action{ActionKind::kClockDone, on, person, "", rule, -1});
  };
  if (last < world.today) {
    // Over: its task was done in time, now and then late, or it is overdue.
    double x = random.Unit();
    if (x < done_in_time) {
      // Followed up in its last week (a short duty: within its days).
      done(AddDays(last, -random.Between(0, std::min(7, DaysBetween(start, last)))));
    } else if (x < done_in_time + (1 - done_in_time) / 2) {
      done(std::min(world.today, AddDays(last, random.Between(1, 10))));
    }
    return;
  }
  // Still running today: now and then done early.
  if (random.Chance(0.1)) done(AddDays(start, random.Between(0, DaysBetween(start, world.today))));
}

}  // namespace opennrm::cli::demo
