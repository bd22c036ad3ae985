// Tasks on cases (case management): written by hand, or created by a
// running clock (e.g. "reflection_period_ends", due on its last day), each
// with an assignee on the case's team and a due date; one's own open tasks
// across one's cases, overdue first. A title is free text and is sealed
// under the case's organisation's key. Every change appends to the case's
// log and is audited. Thread-safe: every call opens its own units of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "core/date.hpp"

namespace opennrm::app {

struct NewTask {
  std::string title;  // 1-500 characters
  std::string assignee_user_id;
  std::optional<CivilDate> due_on;
  std::string person_id;  // optional
};

struct TaskView {
  std::string id;
  std::string case_id;
  std::string case_code;  // in one's own list
  std::string person_id;
  std::string section;
  std::string title;  // opened for the reader; empty for a clock's task
  std::string kind;   // a clock's task word, e.g. "reflection_period_ends"; "" by hand
  std::string clock_id;
  std::string assignee_user_id;
  CivilDate due_on;
  std::string status;  // open | done
  int days_left = 0;   // Stockholm calendar days to the due date; negative when overdue
  bool overdue = false;
  std::string created_by;
  long long created_at_us = 0;
  std::string done_by;
  std::optional<long long> done_at_us;
};

// Adds a task by hand. kInvalid naming title ("required", "too_long"),
// assignee_user_id ("not_on_team"), due_on ("required"), person_id ("not_in_case").
Result<TaskView> AddTask(const Context& ctx, const Caller& caller, const std::string& case_id,
                         const NewTask& input, const ClientInfo& client);

// The case's tasks, open first, then by due date.
Result<std::vector<TaskView>> ListCaseTasks(const Context& ctx, const Caller& caller,
                                            const std::string& case_id, const ClientInfo& client);

// Marks a task done; a clock's task also ends its running clock (the
// obligation was met). kConflict when it is done already.
Result<TaskView> CompleteTask(const Context& ctx, const Caller& caller, const std::string& case_id,
                              const std::string& task_id, const ClientInfo& client);

// The caller's open tasks in the cases whose team they are on, earliest due first.
Result<std::vector<TaskView>> ListMyTasks(const Context& ctx, const Caller& caller,
                                          const ClientInfo& client);

}  // namespace opennrm::app
