// Turns a demo case's planned steps, clocks and child track into the dated
// actions the writer applies (CasePlan::actions): before each move, the
// records and declarations its step's entry requirements ask for and the
// case does not hold yet (indicators, presumed-victim assessment, safety
// plan, wishes, consent; a new proceedings version for a proceedings step);
// each clock's application or decision and the day its task got done, if it
// did; the child track; then whether the case closed, and when (never while
// a missing-child alert is open). Actions come in date order, the closure
// last. Pure; thread-safe.
#pragma once

#include "cli/demo/case_plan.hpp"
#include "cli/demo/world.hpp"

namespace opennrm::cli::demo {

// REQUIRES: PlanTracks ran on `plan`.
void PlanActions(const DemoWorld& world, CasePlan& plan, DemoRandom& random);

// The fact a record of kind `kind` implies (the step definitions' id), or
// "" for actions that imply none by themselves (moves, proceedings, clocks).
std::string_view FactOf(ActionKind kind);

}  // namespace opennrm::cli::demo
