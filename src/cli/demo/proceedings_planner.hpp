// Plans the versions of a demo case's criminal-proceedings record
// (app/cases/proceedings_record.hpp), one per step of its proceedings track,
// each holding what that step's entry requirements ask for: a police report
// number and the offences (the versions of data/rules/offences.toml in force
// on the day the act was committed), the preliminary investigation, the
// prosecution decision, judgments with sentences, appeals, and the first
// presumed victim as injured party. Pure; thread-safe.
#pragma once

#include <string>

#include "cli/demo/case_plan.hpp"
#include "cli/demo/world.hpp"

namespace opennrm::cli::demo {

// The record once the case enters proceedings step `step` on `on`, built on
// `before` (the version before; empty for the first).
cases::Proceedings ProceedingsAt(const DemoWorld& world, const CasePlan& plan,
                                 const cases::Proceedings& before, const std::string& step,
                                 CivilDate on, DemoRandom& random);

}  // namespace opennrm::cli::demo
