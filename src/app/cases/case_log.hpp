// Writing to and reading a case's log (the timeline) from the case use
// cases. Every use case that changes a case appends exactly one entry per
// change, inside the same write unit of work as the change, so the timeline
// never misses or invents a change. Not part of the app's API beyond
// ReadTimeline (declared in cases.hpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/access/section.hpp"
#include "ports/case_log_repository.hpp"
#include "ports/database.hpp"

namespace opennrm::app::case_internal {

struct NewEntry {
  std::string kind;  // "<thing>.<verb>"
  access::Section section = access::Section::kSupport;
  std::string person_id;   // "" for the case as a whole
  std::string subject_id;  // the record's id in its own table, if any
  // Stable words, ids and dates only: never free text or anything naming a person.
  std::vector<std::pair<std::string, std::string>> details;
};

// Appends `entry` to the case's log as recorded by the caller now, and
// touches the case (updated_at, version) so lists show it as changed.
// Returns the stored entry (with its id and seq).
Result<ports::CaseEntryRow> AppendEntry(ports::UnitOfWork& uow, const Context& ctx,
                                        const Caller& caller, const std::string& case_id,
                                        NewEntry entry);

// Records `fact` (a fact id of the case's step definitions) on the case or
// on one person, in the log entry `entry_id`; recording it twice is a no-op.
Status RecordFact(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                  const std::string& case_id, const std::string& fact, const std::string& person_id,
                  const std::string& entry_id);

}  // namespace opennrm::app::case_internal
