// Tasks by hand, a case's tasks, completing a task, and one's own tasks.
#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/clock_support.hpp"
#include "app/cases/tasks.hpp"
#include "core/stockholm_date_math.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

constexpr size_t kMaxTitleBytes = 2000;

ports::FieldLocation TitleAt(const ports::TaskRow& t) {
  return ports::FieldLocation{t.organisation_id, "case_tasks", "title", t.id};
}

Result<TaskView> ViewOf(const Context& ctx, const ports::TaskRow& t, CivilDate today,
                        const std::string& case_code = "") {
  TaskView v;
  v.id = t.id;
  v.case_id = t.case_id;
  v.case_code = case_code;
  v.person_id = t.person_id;
  v.section = t.section;
  if (!t.title_sealed.empty()) {
    auto title = Security(ctx).cipher.Open(TitleAt(t), t.title_sealed);
    if (!title) return Internal("A task's title could not be opened.");
    v.title = std::move(*title);
  }
  v.kind = t.rule_task;
  v.clock_id = t.clock_id;
  v.assignee_user_id = t.assignee_user_id;
  v.due_on = t.due_on;
  v.status = t.status;
  v.days_left = DaysBetween(today, t.due_on);
  v.overdue = t.status == "open" && v.days_left < 0;
  v.created_by = t.created_by;
  v.created_at_us = t.created_at_us;
  v.done_by = t.done_by;
  v.done_at_us = t.done_at_us;
  return v;
}

}  // namespace

Result<TaskView> AddTask(const Context& ctx, const Caller& caller, const std::string& case_id,
                         const NewTask& input, const ClientInfo& client) {
  auto loaded = LoadForTeamWrite(ctx, caller, case_id, "case.task_added", client);
  if (!loaded) return tl::unexpected(loaded.error());
  Problems problems;
  if (!text::IsCleanUtf8(input.title) || text::Trim(input.title).empty()) {
    problems.Add("title", "required", "Write what is to be done.");
  } else if (input.title.size() > kMaxTitleBytes) {
    problems.Add("title", "too_long", "A title is at most 2000 bytes.");
  }
  if (!input.due_on) problems.Add("due_on", "required", "When is it due (YYYY-MM-DD)?");
  const bool on_team = std::any_of(
      loaded->team.begin(), loaded->team.end(),
      [&](const ports::TeamMemberRow& m) { return m.user_id == input.assignee_user_id; });
  if (!on_team) {
    problems.Add("assignee_user_id", "not_on_team", "A task goes to a member of the case's team.");
  }
  if (auto st = problems.ToStatus(); !st) return tl::unexpected(st.error());
  if (!input.person_id.empty()) {
    auto person = PersonOfCase(ctx, case_id, input.person_id);
    if (!person) return tl::unexpected(person.error());
  }
  ports::TaskRow t;
  t.id = ctx.ids.NewId();
  t.case_id = case_id;
  t.organisation_id = loaded->row.organisation_id;
  t.person_id = input.person_id;
  t.section = "support";
  t.assignee_user_id = input.assignee_user_id;
  t.due_on = *input.due_on;
  t.created_by = caller.actor.user_id;
  t.created_at_us = NowUs(ctx);
  // Sealed before the write transaction (sealing may create a data key).
  auto sealed = Security(ctx).cipher.Seal(TitleAt(t), input.title);
  if (!sealed) return tl::unexpected(sealed.error());
  t.title_sealed = std::move(*sealed);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = StoreTask(**uow, ctx, caller, t); !st) return tl::unexpected(st.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  if (auto st = AuditCaseRecord(ctx, caller, "case.task_added", loaded->row, "task", t.id,
                                {t.section}, nullptr, client);
      !st) {
    return tl::unexpected(st.error());
  }
  return ViewOf(ctx, t, TodayIn(ctx));
}

Result<std::vector<TaskView>> ListCaseTasks(const Context& ctx, const Caller& caller,
                                            const std::string& case_id, const ClientInfo& client) {
  auto loaded = LoadForRead(ctx, caller, case_id, "case.tasks_read", client);
  if (!loaded) return tl::unexpected(loaded.error());
  std::vector<ports::TaskRow> rows;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = (*uow)->case_tasks().OfCase(case_id);
    if (!found) return tl::unexpected(found.error());
    rows = std::move(*found);
  }
  if (auto st = AuditCaseRecord(ctx, caller, "case.tasks_read", loaded->row, "task", "",
                                {"support", "child_protection"}, &*loaded, client);
      !st) {
    return tl::unexpected(st.error());
  }
  std::vector<TaskView> out;
  const CivilDate today = TodayIn(ctx);
  for (const auto& t : rows) {
    auto v = ViewOf(ctx, t, today, loaded->row.code);
    if (!v) return tl::unexpected(v.error());
    out.push_back(std::move(*v));
  }
  return out;
}

Result<TaskView> CompleteTask(const Context& ctx, const Caller& caller, const std::string& case_id,
                              const std::string& task_id, const ClientInfo& client) {
  auto rules = ClockRules(ctx);
  if (!rules) return tl::unexpected(rules.error());
  auto loaded = LoadForTeamWrite(ctx, caller, case_id, "case.task_done", client);
  if (!loaded) return tl::unexpected(loaded.error());
  std::optional<ports::TaskRow> task;
  std::optional<ports::ClockRow> clock_row;
  std::optional<clocks::Clock> clock;
  const CivilDate today = TodayIn(ctx);
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = (*uow)->case_tasks().Find(task_id);
    if (!found) return tl::unexpected(found.error());
    if (!*found || (*found)->case_id != case_id) return NotFound("No such task in this case.");
    task = std::move(**found);
    if (!task->clock_id.empty()) {
      auto c = (*uow)->case_clocks().Find(task->clock_id);
      if (!c) return tl::unexpected(c.error());
      if (*c && (*c)->status == "running") {
        auto renewals = (*uow)->case_clocks().Renewals(task->clock_id);
        if (!renewals) return tl::unexpected(renewals.error());
        auto restored = RestoreClock(**rules, **c, *renewals);
        if (!restored) return tl::unexpected(restored.error());
        clock_row = std::move(**c);
        clock = std::move(*restored);
      }
    }
  }
  if (task->status != "open") {
    return tl::unexpected(
        Error{ErrorCode::kConflict, "The task is done already.", {}, "task-done"});
  }
  // The obligation was met: the clock stops today (or on its start, if that is later).
  if (clock) {
    const CivilDate on = std::max(today, clock->start());
    if (auto st = clock->Stop(on, clocks::StopReason::kDone); !st) {
      return tl::unexpected(st.error());
    }
  }
  const long long at = NowUs(ctx);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    ports::TaskRow done = *task;
    done.status = "done";
    done.done_by = caller.actor.user_id;
    done.done_at_us = at;
    done.version = task->version + 1;
    if (auto st = (*uow)->case_tasks().Update(done, task->version); !st) {
      return tl::unexpected(st.error());
    }
    NewEntry e;
    e.kind = "task.done";
    e.section = access::ParseSection(task->section).value_or(access::Section::kSupport);
    e.person_id = task->person_id;
    e.subject_id = task->id;
    auto entry = AppendEntry(**uow, ctx, caller, case_id, std::move(e));
    if (!entry) return tl::unexpected(entry.error());
    if (clock) {
      ports::ClockRow row = *clock_row;
      row.status = "ended";
      row.stopped_on = clock->record().stop->on;
      row.stop_reason = "done";
      row.updated_at_us = at;
      row.version = clock_row->version + 1;
      if (auto st = (*uow)->case_clocks().Update(row, clock_row->version); !st) {
        return tl::unexpected(st.error());
      }
      NewEntry ended;
      ended.kind = "clock.ended";
      ended.section = e.section;
      ended.person_id = row.person_id;
      ended.subject_id = row.id;
      ended.details = {{"rule_id", row.rule_id},
                       {"reason", "done"},
                       {"stopped_on", FormatIsoDate(*row.stopped_on)}};
      auto second = AppendEntry(**uow, ctx, caller, case_id, std::move(ended));
      if (!second) return tl::unexpected(second.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
    task = std::move(done);
  }
  if (auto st = AuditCaseRecord(ctx, caller, "case.task_done", loaded->row, "task", task->id,
                                {task->section}, nullptr, client);
      !st) {
    return tl::unexpected(st.error());
  }
  return ViewOf(ctx, *task, today);
}

Result<std::vector<TaskView>> ListMyTasks(const Context& ctx, const Caller& caller,
                                          const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  access::Resource own;
  own.kind = access::ResourceKind::kRecord;
  own.owner_organisation_id = caller.actor.organisation_id;
  own.owner_kind = caller.actor.organisation_kind;
  own.assigned = true;
  if (auto d = access::Decide(caller.actor, access::Action::kRecordRead, own); !d) {
    return Forbidden("forbidden", "Your role does not keep cases (" + std::string(d.reason) + ").");
  }
  std::vector<ports::MyTaskRow> rows;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = (*uow)->case_tasks().OpenAssignedTo(caller.actor.user_id,
                                                     caller.actor.organisation_id, 500);
    if (!found) return tl::unexpected(found.error());
    rows = std::move(*found);
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "tasks.mine_read", "allowed", client.request_id);
  for (const auto& r : rows) {
    auto object = Object("task", r.task.id, r.task.organisation_id);
    object.sections = {r.task.section};
    e.objects.push_back(std::move(object));
  }
  e.purpose = "assignment";
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  std::vector<TaskView> out;
  const CivilDate today = TodayIn(ctx);
  for (const auto& r : rows) {
    auto v = ViewOf(ctx, r.task, today, r.case_code);
    if (!v) return tl::unexpected(v.error());
    out.push_back(std::move(*v));
  }
  return out;
}

}  // namespace opennrm::app
