// What the clock, task and child-track use cases share (not part of the
// app's API): loading a case for its team or its readers with refusals
// audited, the person a record is about, the rows of a new running clock
// and its task, and views of stored clocks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/cases/case_access.hpp"
#include "app/cases/clocks.hpp"
#include "domain/access/section.hpp"
#include "domain/cases/person.hpp"
#include "domain/clocks/clock.hpp"
#include "ports/case_clock_repository.hpp"
#include "ports/case_task_repository.hpp"
#include "ports/person_repository.hpp"

namespace opennrm::app::case_internal {

// The clock rules loaded at start; kInternal when none were.
Result<const clocks::RuleSet*> ClockRules(const Context& ctx);

// The case for a change by its team (kRecordWrite, then on the team);
// refusals are audited as `event_action`.
Result<LoadedCase> LoadForTeamWrite(const Context& ctx, const Caller& caller,
                                    const std::string& case_id, const std::string& event_action,
                                    const ClientInfo& client);
// The case for reading (team or break-glass); refusals are audited.
Result<LoadedCase> LoadForRead(const Context& ctx, const Caller& caller, const std::string& case_id,
                               const std::string& event_action, const ClientInfo& client);

// Whether a record merged into another one may still be named: new records
// refuse it; ending what was opened before the merge (a missing-child alert) does not.
enum class MergedPerson { kRefused, kAllowed };

// The person `person_id` of the case; kInvalid on "person_id": "required",
// "not_in_case" or (unless `merged` allows it) "person_merged".
Result<ports::CasePerson> PersonOfCase(const Context& ctx, const std::string& case_id,
                                       const std::string& person_id,
                                       MergedPerson merged = MergedPerson::kRefused);
// The person's identity opened (names, date of birth, citizenship, residence permit, ...).
Result<cases::Person> IdentityOf(const Context& ctx, const ports::CasePerson& person);
// Whether the person follows the child track on `today` (opens the identity).
Result<bool> FollowsChildTrack(const Context& ctx, const ports::CasePerson& person,
                               CivilDate today);

// The section a clock of `kind` belongs to, and whether it is the child track's.
access::Section SectionOf(clocks::ClockKind kind);
bool IsChildTrackClock(clocks::ClockKind kind);

// Problems of the domain's clock named by the API's fields (start -> starts_on, ...).
Error ApiFields(Error error);

// Today's Stockholm calendar date.
CivilDate TodayIn(const Context& ctx);

// The rows of a clock about to run and the task its end creates (assigned to the caller).
struct NewClockRows {
  ports::ClockRow clock;
  std::optional<ports::TaskRow> task;
};
NewClockRows RowsOfRunningClock(const Context& ctx, const Caller& caller, const LoadedCase& c,
                                const std::string& person_id, const clocks::Clock& clock);
// The same for a row that was applied for and is now granted (keeps its id).
void SetRunning(ports::ClockRow& row, const clocks::Clock& clock);
std::optional<ports::TaskRow> TaskOf(const Context& ctx, const Caller& caller,
                                     const ports::ClockRow& row, const clocks::Clock& clock);

// Inserts the clock and its task with their log entries (`kind` for the clock's).
Status StoreNewClock(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                     const NewClockRows& rows, const std::string& kind);
// Inserts a clock's task with its log entry.
Status StoreTask(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                 const ports::TaskRow& task);

// The domain clock of a stored running (or stopped) clock, with its renewals.
Result<clocks::Clock> RestoreClock(const clocks::RuleSet& rules, const ports::ClockRow& row,
                                   const std::vector<ports::ClockRenewalRow>& renewals);

// The view of a stored clock on `today`.
ClockView ViewOfClock(const clocks::RuleSet& rules, const ports::ClockRow& row,
                      const std::vector<ports::ClockRenewalRow>& renewals,
                      const std::string& task_id, CivilDate today);

// The clock's view read back in a unit of work of its own.
Result<ClockView> ReadClockView(const Context& ctx, const std::string& clock_id);

// Audits an allowed change or read of a case's records of `section`.
Status AuditCaseRecord(const Context& ctx, const Caller& caller, const std::string& action,
                       const ports::CaseRow& c, const std::string& object_type,
                       const std::string& object_id, std::vector<std::string> sections,
                       const LoadedCase* read_by, const ClientInfo& client);

}  // namespace opennrm::app::case_internal
