// The step rules as a demo case meets them: the definitions in force on the
// case's opening day (the version the server gives it), the role of the
// keeper's demo user, and whether that user may move a track into a step
// once the step's entry requirements are recorded — decided by the domain's
// own tracks::DecideMove, so the demo plans only moves the server allows.
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/demo/case_plan.hpp"
#include "cli/demo/world.hpp"
#include "domain/access/roles.hpp"
#include "domain/tracks/step_definitions.hpp"

namespace opennrm::cli::demo {

// The definitions a case opened on `plan.opened_on` follows; nullptr when none is in force.
const tracks::DefinitionSet* StepsOf(const DemoWorld& world, const CasePlan& plan);

// Whether cases of this kind of keeper are owned by a public authority.
bool OwnerIsAuthority(SlotKind kind);

// The roles of the keeper's demo user (none for an unknown role word).
std::vector<access::Role> KeeperRoles(const DemoWorld& world, const CasePlan& plan);

// The entry requirements of `step` on `track` (empty when unknown).
std::vector<std::string> EntryRequirements(const DemoWorld& world, const CasePlan& plan,
                                           const std::string& track, const std::string& step);

// Whether the keeper's user may move `track` from `from` (nullopt: not
// started) into `to` once every entry requirement of `to` is recorded.
bool MayMove(const DemoWorld& world, const CasePlan& plan, const std::string& track,
             const std::optional<std::string>& from, const std::string& to);

}  // namespace opennrm::cli::demo
