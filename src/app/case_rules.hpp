// The versioned rules case management follows, read once at start from the
// data files the product ships (data/rules/): immutable and shared.
#pragma once

#include <vector>

#include "domain/tracks/step_definitions.hpp"

namespace opennrm::app {

struct CaseRules {
  // Every version of the step definitions (tracks::ValidateHistory passed).
  std::vector<tracks::DefinitionSet> steps;
};

}  // namespace opennrm::app
