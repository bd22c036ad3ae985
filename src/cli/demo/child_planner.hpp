// Plans the child track of a demo case's children (app/cases/child_track.hpp):
// the report of concern to the social services where the child was found,
// with its protection assessment clock; immediate custody (LVU §6) for some
// in municipal cases, with the one-week and four-week clocks; a guardian
// for an unaccompanied child; an age assessment where the age is disputed;
// and, rarely, a missing-child alert still open today. Only for persons
// the child track applies to on each record's day (cases::MayBeChild on
// what the record knows). Appends to plan.child_records and plan.actions.
// Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "cli/demo/case_plan.hpp"
#include "cli/demo/world.hpp"

namespace opennrm::cli::demo {

// The clock rules a child-track record of `kind` starts (app/cases/child_track.cpp).
std::vector<const char*> ClockRulesOf(std::string_view kind);

// REQUIRES: plan.persons, places and slot are planned.
void PlanChildTrack(const DemoWorld& world, CasePlan& plan, DemoRandom& random);

}  // namespace opennrm::cli::demo
