// Reads the routing rules of the hotline the product ships
// (data/rules/routing.toml, described in its header) into
// hotline::RoutingRules. Strict: unknown keys, kinds, topics, forms, facts
// and basis codes, duplicate ids, and police rules without a trigger are
// refused, naming the file, the line and the rule of the first problem
// ("rules[3] (police_report).requires[0]"). Thread-safety: stateless.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/hotline/routing_rules.hpp"

namespace opennrm::cli {

// The rules in the file at `path`; kInvalid whose field is the key
// ("rules[2].recommends") and whose message starts "<path>:<line>:".
Result<hotline::RoutingRules> ReadRoutingRules(const std::string& path);
// The same, from text already read; `path` only names it in errors.
Result<hotline::RoutingRules> ParseRoutingRules(std::string_view text, const std::string& path);

}  // namespace opennrm::cli
