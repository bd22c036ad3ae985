// A case's log (case management): the timeline of every change made to a
// case, one entry per change, in order, and the facts recorded on it that
// the step definitions ask for. Append-only: nothing here is ever updated or
// deleted while the case exists. Entries hold no free text and nothing that
// names a person — only stable words (kinds, sections, step and rule ids),
// dates and opaque ids; the records themselves live, sealed where they must
// be, in their own tables. Used inside a UnitOfWork.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

struct CaseEntryRow {
  std::string id;
  std::string case_id;
  std::string organisation_id;  // the case's controller
  long long seq = 0;            // set by Append: 1, 2, ... within the case
  std::string kind;             // "<thing>.<verb>", e.g. "track.moved", "note.added"
  std::string section;          // access::ToString(Section) of what changed
  std::string person_id;        // the person it is about; "" for the case as a whole
  std::string subject_id;       // the record it is about in its own table; "" if none
  // Non-identifying details as stable words, ids and dates only (never free
  // text): e.g. {"track","support"}, {"from","identification"}, {"to",...}.
  std::vector<std::pair<std::string, std::string>> details;
  std::string recorded_by;  // user id
  long long recorded_at_us = 0;
};

struct CaseEntryPage {
  std::vector<CaseEntryRow> items;  // oldest first
  long long total = 0;
};

// A fact the step definitions ask for (tracks::StepDefinition's entry
// requirements), recorded on the case or on one person in it.
struct CaseFactRow {
  std::string case_id;
  std::string fact;       // a fact id of the case's step definitions
  std::string person_id;  // "" when recorded on the case as a whole
  std::string entry_id;   // the log entry that recorded it
  std::string recorded_by;
  long long recorded_at_us = 0;
};

class CaseLogRepository {
 public:
  virtual ~CaseLogRepository() = default;
  // Appends `entry` at the end of its case's log and sets entry.seq.
  virtual Status Append(CaseEntryRow& entry) = 0;
  // The case's entries from `offset` (0-based, oldest first), at most `limit`.
  virtual Result<CaseEntryPage> Entries(const std::string& case_id, int limit, int offset) = 0;
  // The case's entries of one kind, oldest first (e.g. every "track.moved").
  virtual Result<std::vector<CaseEntryRow>> EntriesOfKind(const std::string& case_id,
                                                          const std::string& kind) = 0;
  // Records a fact; false (and nothing written) when the same fact is
  // already recorded for the same case and person.
  virtual Result<bool> AddFact(const CaseFactRow& fact) = 0;
  // The case's facts, in the order recorded.
  virtual Result<std::vector<CaseFactRow>> Facts(const std::string& case_id) = 0;
};

}  // namespace opennrm::ports
