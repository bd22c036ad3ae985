// Reads the step definitions the product ships (data/rules/steps.toml) into
// the domain's versioned DefinitionSets (src/domain/tracks), then checks them
// with tracks::ValidateHistory. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/tracks/step_definitions.hpp"

namespace opennrm::cli {

// The shipped file, relative to the repository root (or the reference dir's parent).
inline constexpr std::string_view kStepRulesPath = "data/rules/steps.toml";

// Parses and validates TOML text; `file` names it in messages. A parse or
// shape error is kInvalid naming the file and the key of the first problem
// (field "definition_sets[0].tracks[1].steps[2].movers[0]"); a consistency
// error lists every problem, on the same key paths.
Result<std::vector<tracks::DefinitionSet>> ParseStepRules(std::string_view text,
                                                          const std::string& file);

// Reads `path` and parses it as ParseStepRules does; kInvalid if it cannot be read.
Result<std::vector<tracks::DefinitionSet>> ReadStepRulesFile(const std::string& path);

}  // namespace opennrm::cli
