// Tasks on cases as stored (case management): by hand, or created by a
// running clock, with an assignee on the case's team and a due date. The
// title is free text and arrives sealed. Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::ports {

struct TaskRow {
  std::string id;
  std::string case_id;
  std::string organisation_id;  // the case's controller
  std::string person_id;        // "" for the case as a whole
  std::string section;          // access::ToString(Section)
  // A title written by hand, sealed at (organisation_id, "case_tasks",
  // "title", id); empty for a clock's task, which has rule_task instead.
  std::string title_sealed;
  std::string rule_task;  // e.g. "reflection_period_ends"; "" for a task by hand
  std::string clock_id;   // the clock that created it; "" for a task by hand
  std::string assignee_user_id;
  CivilDate due_on;
  std::string status = "open";  // open | done
  std::string created_by;
  long long created_at_us = 0;
  std::string done_by;
  std::optional<long long> done_at_us;
  long long version = 1;
};

// An open task with the code of its case, for one's own task list.
struct MyTaskRow {
  TaskRow task;
  std::string case_code;
};

class CaseTaskRepository {
 public:
  virtual ~CaseTaskRepository() = default;
  virtual Status Insert(const TaskRow& task) = 0;
  virtual Result<std::optional<TaskRow>> Find(const std::string& id) = 0;
  // Stores `task` if the stored version is `expected_version`; kConflict otherwise.
  virtual Status Update(const TaskRow& task, long long expected_version) = 0;
  // The case's tasks: open first, then by due date.
  virtual Result<std::vector<TaskRow>> OfCase(const std::string& case_id) = 0;
  // The open tasks a clock created.
  virtual Result<std::vector<TaskRow>> OpenOfClock(const std::string& clock_id) = 0;
  // The open tasks assigned to `user_id` in cases of `organisation_id` whose
  // team they are on, earliest due first (so overdue first), at most `limit`.
  virtual Result<std::vector<MyTaskRow>> OpenAssignedTo(const std::string& user_id,
                                                        const std::string& organisation_id,
                                                        int limit) = 0;
  // Open tasks by hand due on or before `by`, less those told overdue for that date (reminders).
  virtual Result<std::vector<TaskRow>> OpenByHandDueBy(CivilDate by) = 0;
};

}  // namespace opennrm::ports
