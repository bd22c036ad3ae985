// Reads the EU/EEA membership list the product ships (data/rules/eu_eea.toml,
// described in its header) into stats::EuEeaMembership. Strict: unknown keys,
// wrong types, an unsupported format and an inconsistent list are refused,
// naming the file, line and key of the first problem.
// Thread-safety: stateless functions.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/stats/eu_eea.hpp"

namespace opennrm::cli {

// The list in the file at `path`; kInvalid whose field is the key
// ("members[3].valid_to") and whose message starts "<path>:<line>:".
Result<stats::EuEeaMembership> ReadEuEeaFile(const std::string& path);

// The same, from text already read; `path` only names it in errors.
Result<stats::EuEeaMembership> ParseEuEeaFile(std::string_view text, const std::string& path);

}  // namespace opennrm::cli
