#include "storage/repo/case_task_repo.hpp"

#include <algorithm>

#include "storage/repo/binary_text.hpp"
#include "storage/repo/sql_dates.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kColumns =
    "t.id, t.case_id, t.organisation_id, t.person_id, t.section, t.title_sealed, t.rule_task,"
    " t.clock_id, t.assignee_user_id, t.due_on, t.status, t.created_by, t.created_at_us,"
    " t.done_by, t.done_at_us, t.version";
constexpr size_t kColumnCount = 16;

Result<ports::TaskRow> TaskAt(const sql::Rows& rows, size_t r) {
  ports::TaskRow t;
  t.id = rows.Text(r, 0);
  t.case_id = rows.Text(r, 1);
  t.organisation_id = rows.Text(r, 2);
  t.person_id = rows.Text(r, 3);
  t.section = rows.Text(r, 4);
  if (!rows.Text(r, 5).empty()) {
    auto title = FromBase64(rows.Text(r, 5), "case_tasks.title_sealed");
    if (!title) return tl::unexpected(title.error());
    t.title_sealed = std::move(*title);
  }
  t.rule_task = rows.Text(r, 6);
  t.clock_id = rows.Text(r, 7);
  t.assignee_user_id = rows.Text(r, 8);
  t.due_on = DateAt(rows, r, 9);
  t.status = rows.Text(r, 10);
  t.created_by = rows.Text(r, 11);
  t.created_at_us = rows.Int(r, 12);
  t.done_by = rows.Text(r, 13);
  t.done_at_us = OptIntAt(rows, r, 14);
  t.version = rows.Int(r, 15);
  return t;
}

Result<std::vector<ports::TaskRow>> TasksOf(Result<sql::Rows> rows) {
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::TaskRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    auto t = TaskAt(*rows, r);
    if (!t) return tl::unexpected(t.error());
    out.push_back(std::move(*t));
  }
  return out;
}

}  // namespace

Status SqlCaseTaskRepository::Insert(const ports::TaskRow& t) {
  auto r = conn_.Execute(
      "INSERT INTO case_tasks (id, case_id, organisation_id, person_id, section, title_sealed,"
      " rule_task, clock_id, assignee_user_id, due_on, status, created_by, created_at_us, done_by,"
      " done_at_us, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
      " $15, $16)",
      {t.id, t.case_id, t.organisation_id, t.person_id, t.section,
       t.title_sealed.empty() ? std::string() : ToBase64(t.title_sealed), t.rule_task,
       TextOrNull(t.clock_id), t.assignee_user_id, DateValue(t.due_on), t.status, t.created_by,
       t.created_at_us, t.done_by, OptInt(t.done_at_us), t.version});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::optional<ports::TaskRow>> SqlCaseTaskRepository::Find(const std::string& id) {
  auto rows =
      conn_.Query(std::string("SELECT ") + kColumns + " FROM case_tasks t WHERE t.id = $1", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::TaskRow>();
  auto t = TaskAt(*rows, 0);
  if (!t) return tl::unexpected(t.error());
  return std::optional<ports::TaskRow>(std::move(*t));
}

Status SqlCaseTaskRepository::Update(const ports::TaskRow& t, long long expected_version) {
  auto r = conn_.Execute(
      "UPDATE case_tasks SET assignee_user_id = $2, due_on = $3, status = $4, done_by = $5,"
      " done_at_us = $6, version = $7 WHERE id = $1 AND version = $8",
      {t.id, t.assignee_user_id, DateValue(t.due_on), t.status, t.done_by, OptInt(t.done_at_us),
       t.version, expected_version});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) {
    return Fail(ErrorCode::kConflict,
                "The task was changed by someone else; reload it and try again.");
  }
  return Ok();
}

Result<std::vector<ports::TaskRow>> SqlCaseTaskRepository::OfCase(const std::string& case_id) {
  return TasksOf(conn_.Query(std::string("SELECT ") + kColumns +
                                 " FROM case_tasks t WHERE t.case_id = $1"
                                 " ORDER BY CASE WHEN t.status = 'open' THEN 0 ELSE 1 END,"
                                 " t.due_on, t.created_at_us, t.id",
                             {case_id}));
}

Result<std::vector<ports::TaskRow>> SqlCaseTaskRepository::OpenOfClock(
    const std::string& clock_id) {
  return TasksOf(conn_.Query(std::string("SELECT ") + kColumns +
                                 " FROM case_tasks t WHERE t.clock_id = $1 AND t.status = 'open'"
                                 " ORDER BY t.created_at_us, t.id",
                             {clock_id}));
}

Result<std::vector<ports::MyTaskRow>> SqlCaseTaskRepository::OpenAssignedTo(
    const std::string& user_id, const std::string& organisation_id, int limit) {
  auto rows = conn_.Query(
      std::string("SELECT ") + kColumns +
          ", c.code FROM case_tasks t JOIN cases c ON c.id = t.case_id"
          " WHERE t.assignee_user_id = $1 AND t.status = 'open' AND c.organisation_id = $2"
          " AND EXISTS (SELECT 1 FROM case_team m WHERE m.case_id = t.case_id AND m.user_id = $1)"
          " ORDER BY t.due_on, t.created_at_us, t.id LIMIT $3",
      {user_id, organisation_id, static_cast<long long>(std::max(limit, 0))});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::MyTaskRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    auto t = TaskAt(*rows, r);
    if (!t) return tl::unexpected(t.error());
    out.push_back({std::move(*t), rows->Text(r, kColumnCount)});
  }
  return out;
}

Result<std::vector<ports::TaskRow>> SqlCaseTaskRepository::OpenByHandDueBy(CivilDate by) {
  return TasksOf(conn_.Query(std::string("SELECT ") + kColumns +
                                 " FROM case_tasks t WHERE t.status = 'open' AND t.clock_id IS NULL"
                                 " AND t.due_on <= $1 AND NOT EXISTS (SELECT 1 FROM"
                                 " case_reminders_sent s WHERE s.subject_id = t.id"
                                 " AND s.reminder = 'overdue' AND s.on_date = t.due_on)"
                                 " ORDER BY t.due_on, t.id",
                             {DateValue(by)}));
}

}  // namespace opennrm::storage::repo
