// Reads the clock rules the product ships (data/rules/clocks.toml, described
// in its header) into the domain's RuleSet. Strict: unknown keys, wrong types
// and inconsistent versions are refused, naming the file, line and key of the
// first problem. Thread-safety: stateless functions.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/clocks/rule_set.hpp"

namespace opennrm::cli {

// The rules in the file at `path`; kInvalid whose field is the key
// ("rules[2].duration.unit") and whose message starts "<path>:<line>:".
Result<clocks::RuleSet> ReadClockRules(const std::string& path);

// The same, from text already read; `path` only names it in errors.
Result<clocks::RuleSet> ParseClockRules(std::string_view text, const std::string& path);

}  // namespace opennrm::cli
