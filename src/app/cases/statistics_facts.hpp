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

// Keeps a protected person out of the geography of statistics from now on
// (a protected person joins a case whose exploitation is recorded, or a
// person of the case is given protection later): forgets the case's
// municipalities in the exploitation index, marks the person's own row
// protected without a country, and refreshes every row of the case, so that
// no row of the case keeps a police region or county. Call it in the same
// write unit of work as the change, after the person is stored as protected.
// Lifting protection restores nothing: the municipalities come back only when
// the team saves the exploitation record again (docs/security.md).
Status ForgetCaseGeography(ports::UnitOfWork& uow, const Context& ctx, const std::string& case_id,
                           const std::string& protected_person_id, long long now_us);

}  // namespace opennrm::app::case_internal
