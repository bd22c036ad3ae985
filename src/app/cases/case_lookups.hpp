// The reference data case validation checks codes against (cases::Lookups),
// drawn from the context: countries, languages and municipalities from the
// reference snapshot, steps from the case's step definitions, indicators
// from the checklist in use. Not part of the app's API. Thread-safe: the
// predicates share the immutable snapshot.
#pragma once

#include <string>

#include "app/context.hpp"
#include "domain/cases/lookups.hpp"

namespace opennrm::app::case_internal {

// Lookups over the context's reference data; `steps_version` names the step
// definitions whose steps are known ("" knows no step).
cases::Lookups LookupsOf(const Context& ctx, const std::string& steps_version = "");

}  // namespace opennrm::app::case_internal
