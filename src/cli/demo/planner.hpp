// Plans synthetic demo cases: which organisation keeps the case, its type,
// its persons, forms of exploitation, places and period, the steps its tracks
// reached, the clocks, child-track records and proceedings, whether it
// closed, and the dated actions that write all that (action_planner.hpp). Pure: the same
// world, seed and index always give the same plan, whatever the thread or
// order. Thread-safe.
#pragma once

#include <cstdint>

#include "cli/demo/case_plan.hpp"
#include "cli/demo/world.hpp"

namespace opennrm::cli::demo {

CasePlan PlanCase(const DemoWorld& world, std::uint64_t seed, std::uint64_t index);

}  // namespace opennrm::cli::demo
