// Reads the case-management rules the product ships: the offences as dated
// versions (data/rules/offences.toml) and the indicator checklist
// (data/rules/indicators.toml), each described in its header, into the
// domain's catalogs. Strict: unknown keys, wrong types and inconsistent
// versions are refused, naming the file, line and key of the first problem.
// Thread-safety: stateless functions.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/cases/indicators.hpp"
#include "domain/cases/offences.hpp"

namespace opennrm::cli {

// The offences in the file at `path`; kInvalid whose field is the key
// ("offences[2].versions[0].valid_from") and whose message names the file.
Result<cases::OffenceCatalog> ReadOffenceRules(const std::string& path);
// The same, from text already read; `path` only names it in errors.
Result<cases::OffenceCatalog> ParseOffenceRules(std::string_view text, const std::string& path);

// The indicator checklist in the file at `path`, with errors as above.
Result<cases::IndicatorCatalog> ReadIndicatorRules(const std::string& path);
// The same, from text already read; `path` only names it in errors.
Result<cases::IndicatorCatalog> ParseIndicatorRules(std::string_view text, const std::string& path);

}  // namespace opennrm::cli
