// What the person use cases share (persons.cpp, person_merge.cpp): opening a
// stored person and the keyed digests of their names. Internal; thread-safe
// (no state of its own).
#pragma once

#include <string>
#include <vector>

#include "app/cases/persons.hpp"
#include "ports/person_repository.hpp"

namespace opennrm::app::case_internal {

// The person with identity and contact opened, their role and version.
Result<CasePersonView> OpenCasePerson(const Context& ctx, const ports::CasePerson& cp);

// The blind-index digests of every spelling of the person's names; call it
// outside any write transaction (it may create the organisation's index key).
Result<std::vector<std::string>> PersonNameDigests(const Context& ctx, const cases::Person& p);

// Sets each view's merged_from from the others' merged_into (the persons of
// one case: a merge joins two records of the same case).
void LinkMerged(std::vector<CasePersonView>& views);

}  // namespace opennrm::app::case_internal
