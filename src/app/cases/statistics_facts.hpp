// Keeping the de-identified statistics facts of a case current (issue 4
// item 10): a presumed victim's row is added with the person's categories
// while the identity is at hand, and every change of the case refreshes the
// case's part of its rows, in the same write unit of work. Internal.
#pragma once

#include <string>

#include "app/context.hpp"
#include "core/date.hpp"
#include "domain/cases/person.hpp"
#include "domain/orgs/organisation.hpp"
#include "ports/case_repository.hpp"
#include "ports/database.hpp"

namespace opennrm::app::case_internal {

// Adds the row of `person`, a presumed victim just added to `c` on `today`.
Status AddVictimFacts(ports::UnitOfWork& uow, const Context& ctx, const ports::CaseRow& c,
                      orgs::Kind owner_kind, const cases::Person& person, CivilDate today,
                      long long now_us);

// Refreshes the case's part of its rows (nothing when it has no presumed victim).
Status RefreshCaseFacts(ports::UnitOfWork& uow, const Context& ctx, const std::string& case_id,
                        long long now_us);

}  // namespace opennrm::app::case_internal
