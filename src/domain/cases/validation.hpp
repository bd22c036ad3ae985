// The rules a case must satisfy before it is written: every field of every
// part, each broken rule named by its field path ("persons[1].role") and a
// stable rule word ("suspect_needs_authority"). Pure: reference data comes
// in through Lookups and today's date from the caller.
#pragma once

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/cases/case_record.hpp"
#include "domain/cases/lookups.hpp"

namespace opennrm::cases {

// Returns every broken rule at once as one kInvalid error (422), or Ok.
Status ValidateCase(const CaseRecord& record, const Lookups& lookups, CivilDate today);

}  // namespace opennrm::cases
