// Merging two records of the same person within one organisation. The kept
// record gains what the other one knew; the merged record stays, read-only,
// pointing to the kept one, so history is never lost. The kept record takes
// the stricter protection of the two. An assumed identity (fingerade
// personuppgifter) is never merged with or linked to any other person.
// Pure; thread-safe.
#pragma once

#include <string>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/cases/person.hpp"

namespace opennrm::cases {

struct MergeRecord {
  std::string kept_person_id;
  std::string merged_person_id;
  std::string merged_by;  // user id
  CivilDate merged_on;
};

struct MergeOutcome {
  Person kept;     // with the union of both records
  Person retired;  // unchanged but for merged_into
  MergeRecord record;
};

// kInvalid naming "merged_person_id" with "merge_same_person",
// "merge_other_organisation", "already_merged" or
// "assumed_identity_never_merged" (on whichever side is the assumed one).
Status CheckMerge(const Person& kept, const Person& duplicate);

// Checks, then merges `duplicate` into `kept`: names, languages,
// citizenships, documents and contact details united without repeats;
// the kept date of birth, gender and address unless they are unknown.
Result<MergeOutcome> Merge(const Person& kept, const Person& duplicate,
                           const std::string& merged_by, CivilDate on);

}  // namespace opennrm::cases
