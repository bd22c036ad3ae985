// The versions of the step definitions over time. A new case takes the
// version in force on the day it starts and keeps it, so a later manual or a
// formal NRM (Directive (EU) 2024/1712) never rewrites the rules of an open
// case. Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/tracks/step_definitions.hpp"

namespace opennrm::tracks {

// Validates every set (fields prefixed "sets[i].") and the history: at least
// one set, unique versions, and periods that neither overlap nor leave a gap
// (rules: required, duplicate_id, overlap, gap).
Status ValidateHistory(const std::vector<DefinitionSet>& sets);

// The set in force on `date` (the day a case starts), or nullptr when none is.
// REQUIRES: ValidateHistory(sets) passed, so at most one set is in force.
const DefinitionSet* InForceOn(const std::vector<DefinitionSet>& sets, CivilDate date);

// The set with `version` (the one a case stored when it started), or nullptr.
const DefinitionSet* FindVersion(const std::vector<DefinitionSet>& sets, std::string_view version);

}  // namespace opennrm::tracks
