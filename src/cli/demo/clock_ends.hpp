// When a demo case's clocks end: the last day a clock runs to under the
// shipped clock rules (the domain's own clocks::Clock::Open), and whether
// its task gets done — mostly before or on its last day; some left overdue,
// some still running today, a few ending soon. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "cli/demo/case_plan.hpp"
#include "cli/demo/random.hpp"
#include "cli/demo/world.hpp"
#include "domain/clocks/clock.hpp"

namespace opennrm::cli::demo {

// The opening a decided clock of `clock` states (application, decision, start).
clocks::ClockOpening OpeningOf(const ClockPlan& clock);

// The last day of a clock opened under `opening`; nullopt when the rules refuse it.
std::optional<CivilDate> LastDayOf(const DemoWorld& world, const clocks::ClockOpening& opening);

// Appends the kClockDone action that ends `person`'s clock under `rule`
// (running from `start` to `last`) when its task gets done by today;
// otherwise the clock stays running or overdue.
void PlanClockEnd(const DemoWorld& world, CasePlan& plan, const std::string& rule, int person,
                  CivilDate start, CivilDate last, double done_in_time, DemoRandom& random);

}  // namespace opennrm::cli::demo
