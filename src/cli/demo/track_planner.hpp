// Plans how far a demo case got: the steps its support, proceedings and
// return tracks reached (proceedings only in cases an authority keeps; a
// step only where the step rules let the keeper's demo user move the case),
// the clocks applied for (reflection period, residence permit for
// cooperation, the national support programme's periods) and whether it
// closed, with what reason. Step and rule ids are those of
// data/rules/steps.toml and clocks.toml. No date lies after the world's
// today. Pure; thread-safe.
#pragma once

#include "cli/demo/case_plan.hpp"
#include "cli/demo/world.hpp"

namespace opennrm::cli::demo {

// REQUIRES: plan.opened_on, slot_kind, type and persons are planned.
void PlanTracks(const DemoWorld& world, const CitizenshipProfile& profile, CasePlan& plan,
                DemoRandom& random);

// Whether `plan` reached `step` on `track`.
bool Reached(const CasePlan& plan, const std::string& track, const std::string& step);

}  // namespace opennrm::cli::demo
