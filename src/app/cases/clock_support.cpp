#include "app/cases/clock_support.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/cases/case_log.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/date_of_birth.hpp"

namespace opennrm::app::case_internal {

using namespace auth_internal;

Result<const clocks::RuleSet*> ClockRules(const Context& ctx) {
  if (!ctx.case_rules) return Internal("The clock rules are not loaded.");
  return &ctx.case_rules->clocks;
}

Result<LoadedCase> LoadForTeamWrite(const Context& ctx, const Caller& caller,
                                    const std::string& case_id, const std::string& event_action,
                                    const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return LoadForTeam(*uow, ctx, caller, case_id, access::Action::kRecordWrite, event_action,
                     "Only the case's team records clocks, tasks and the child track; "
                     "break-glass reads.",
                     client.request_id);
}

Result<LoadedCase> LoadForRead(const Context& ctx, const Caller& caller, const std::string& case_id,
                               const std::string& event_action, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  std::string owner;
  auto l = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
  if (!l) {
    uow->reset();
    return tl::unexpected(
        AuditDenied(ctx, caller, event_action, case_id, owner, l.error(), client.request_id));
  }
  return l;
}

Result<ports::CasePerson> PersonOfCase(const Context& ctx, const std::string& case_id,
                                       const std::string& person_id, MergedPerson merged) {
  if (person_id.empty()) return Invalid("person_id", "required", "Name the person (person_id).");
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto persons = (*uow)->persons().OfCase(case_id);
  if (!persons) return tl::unexpected(persons.error());
  for (auto& p : *persons) {
    if (p.person.id != person_id) continue;
    if (p.person.merged_into && merged == MergedPerson::kRefused) {
      return Invalid(
          "person_id", "person_merged",
          "This record was merged into another one (" + *p.person.merged_into + "); record there.");
    }
    return std::move(p);
  }
  return Invalid("person_id", "not_in_case", "That person is not in this case.");
}

Result<cases::Person> IdentityOf(const Context& ctx, const ports::CasePerson& p) {
  if (!ctx.codec) return Internal("No record codec.");
  auto identity = Security(ctx).cipher.Open(
      ports::FieldLocation{p.person.organisation_id, "persons", "identity", p.person.id},
      p.person.identity_sealed);
  if (!identity) return Internal("A person's identity could not be opened.");
  cases::Person person;
  person.id = p.person.id;
  person.organisation_id = p.person.organisation_id;
  if (auto st = ctx.codec->DecodeIdentity(*identity, person); !st) {
    return tl::unexpected(st.error());
  }
  return person;
}

Result<bool> FollowsChildTrack(const Context& ctx, const ports::CasePerson& p, CivilDate today) {
  auto person = IdentityOf(ctx, p);
  if (!person) return tl::unexpected(person.error());
  return cases::MayBeChild(person->date_of_birth, person->claimed_minor, today);
}

bool IsChildTrackClock(clocks::ClockKind kind) {
  return kind == clocks::ClockKind::kProtectionAssessment ||
         kind == clocks::ClockKind::kCustodyCourtSubmission ||
         kind == clocks::ClockKind::kCustodyCareApplication;
}

access::Section SectionOf(clocks::ClockKind kind) {
  return IsChildTrackClock(kind) ? access::Section::kChildProtection : access::Section::kSupport;
}

Error ApiFields(Error error) {
  for (auto& f : error.fields) {
    if (f.field == "application" || f.field == "application.applicant") {
      f.field = "applicant";
    } else if (f.field == "application.applied_on") {
      f.field = "applied_on";
    } else if (f.field == "start") {
      f.field = "starts_on";
    } else if (f.field == "end") {
      f.field = "ends_on";
    } else if (f.field == "on") {
      f.field = "stopped_on";
    }
  }
  return error;
}

CivilDate TodayIn(const Context& ctx) { return StockholmDateOf(ctx.clock.Now()); }

void SetRunning(ports::ClockRow& row, const clocks::Clock& clock) {
  const auto& r = clock.record();
  row.status = "running";
  if (r.application) {
    row.applicant = std::string(clocks::ToString(r.application->applicant));
    row.applied_on = r.application->applied_on;
  }
  row.decided_on = r.decided_on;
  row.starts_on = r.start;
  row.ends_on = r.end;
  row.end_from_decision = r.end_from_decision;
  row.conditions = r.conditions;
}

std::optional<ports::TaskRow> TaskOf(const Context& ctx, const Caller& caller,
                                     const ports::ClockRow& row, const clocks::Clock& clock) {
  auto end_task = clock.Task();
  if (!end_task) return std::nullopt;
  ports::TaskRow t;
  t.id = ctx.ids.NewId();
  t.case_id = row.case_id;
  t.organisation_id = row.organisation_id;
  t.person_id = row.person_id;
  t.section = row.section;
  t.rule_task = end_task->name;
  t.clock_id = row.id;
  t.assignee_user_id = caller.actor.user_id;
  t.due_on = end_task->due;
  t.created_by = caller.actor.user_id;
  t.created_at_us = NowUs(ctx);
  return t;
}

NewClockRows RowsOfRunningClock(const Context& ctx, const Caller& caller, const LoadedCase& c,
                                const std::string& person_id, const clocks::Clock& clock) {
  NewClockRows rows;
  ports::ClockRow& row = rows.clock;
  row.id = ctx.ids.NewId();
  row.case_id = c.row.id;
  row.organisation_id = c.row.organisation_id;
  row.person_id = person_id;
  row.rule_id = clock.rule().id;
  row.rule_version = clock.rule().version;
  row.rule_valid_from = clock.rule().valid_from;
  row.kind = std::string(clocks::ToString(clock.rule().kind));
  row.section = std::string(access::ToString(SectionOf(clock.rule().kind)));
  row.recorded_by = caller.actor.user_id;
  row.recorded_at_us = row.updated_at_us = NowUs(ctx);
  SetRunning(row, clock);
  rows.task = TaskOf(ctx, caller, row, clock);
  return rows;
}

Status StoreTask(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                 const ports::TaskRow& task) {
  if (auto st = uow.case_tasks().Insert(task); !st) return st;
  NewEntry e;
  e.kind = "task.added";
  e.section = access::ParseSection(task.section).value_or(access::Section::kSupport);
  e.person_id = task.person_id;
  e.subject_id = task.id;
  e.details = {{"due_on", FormatIsoDate(task.due_on)}};
  if (!task.rule_task.empty()) e.details.push_back({"task", task.rule_task});
  if (!task.clock_id.empty()) e.details.push_back({"clock_id", task.clock_id});
  auto entry = AppendEntry(uow, ctx, caller, task.case_id, std::move(e));
  if (!entry) return tl::unexpected(entry.error());
  return Ok();
}

Status StoreNewClock(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                     const NewClockRows& rows, const std::string& kind) {
  const ports::ClockRow& c = rows.clock;
  if (auto st = uow.case_clocks().Insert(c); !st) return st;
  NewEntry e;
  e.kind = kind;
  e.section = access::ParseSection(c.section).value_or(access::Section::kSupport);
  e.person_id = c.person_id;
  e.subject_id = c.id;
  e.details = {{"rule_id", c.rule_id}, {"rule_version", std::to_string(c.rule_version)}};
  if (!c.applicant.empty()) e.details.push_back({"applicant", c.applicant});
  if (c.applied_on) e.details.push_back({"applied_on", FormatIsoDate(*c.applied_on)});
  if (c.decided_on) e.details.push_back({"decided_on", FormatIsoDate(*c.decided_on)});
  if (c.starts_on) e.details.push_back({"starts_on", FormatIsoDate(*c.starts_on)});
  if (c.ends_on) e.details.push_back({"ends_on", FormatIsoDate(*c.ends_on)});
  auto entry = AppendEntry(uow, ctx, caller, c.case_id, std::move(e));
  if (!entry) return tl::unexpected(entry.error());
  if (rows.task) return StoreTask(uow, ctx, caller, *rows.task);
  return Ok();
}

Result<clocks::Clock> RestoreClock(const clocks::RuleSet& rules, const ports::ClockRow& row,
                                   const std::vector<ports::ClockRenewalRow>& renewals) {
  if (!row.starts_on || !row.ends_on) return Internal("The clock has not started.");
  clocks::ClockRecord r;
  r.rule_id = row.rule_id;
  r.rule_version = row.rule_version;
  if (auto party = clocks::ParseParty(row.applicant); party && row.applied_on) {
    r.application = clocks::Application{*party, *row.applied_on};
  }
  r.decided_on = row.decided_on;
  r.start = *row.starts_on;
  r.end = *row.ends_on;
  r.end_from_decision = row.end_from_decision;
  r.conditions = row.conditions;
  for (const auto& n : renewals) {
    std::optional<clocks::Application> app;
    if (auto party = clocks::ParseParty(n.applicant); party && n.applied_on) {
      app = clocks::Application{*party, *n.applied_on};
    }
    r.renewals.push_back({app, n.decided_on, n.previous_end, n.ends_on});
  }
  if (row.stopped_on) {
    r.stop = clocks::ClockStop{
        *row.stopped_on,
        clocks::ParseStopReason(row.stop_reason).value_or(clocks::StopReason::kDone)};
  }
  return clocks::Clock::Restore(rules, std::move(r));
}

ClockView ViewOfClock(const clocks::RuleSet& rules, const ports::ClockRow& row,
                      const std::vector<ports::ClockRenewalRow>& renewals,
                      const std::string& task_id, CivilDate today) {
  ClockView v;
  v.id = row.id;
  v.case_id = row.case_id;
  v.person_id = row.person_id;
  v.rule_id = row.rule_id;
  v.rule_version = row.rule_version;
  v.rule_valid_from = row.rule_valid_from;
  v.kind = row.kind;
  if (const auto* rule = rules.Find(row.rule_id, row.rule_version)) {
    v.title = rule->title;
    v.legal_reference = rule->legal_reference;
    v.needs_check = rule->needs_check;
  }
  v.section = row.section;
  v.status = row.status;
  v.applicant = row.applicant;
  v.applied_on = row.applied_on;
  v.decided_on = row.decided_on;
  v.starts_on = row.starts_on;
  v.ends_on = row.ends_on;
  v.end_from_decision = row.end_from_decision;
  v.conditions = row.conditions;
  v.renewals = static_cast<int>(renewals.size());
  v.stopped_on = row.stopped_on;
  v.stop_reason = row.stop_reason;
  v.task_id = task_id;
  v.recorded_by = row.recorded_by;
  v.recorded_at_us = row.recorded_at_us;
  if (row.starts_on && row.ends_on) {
    auto clock = RestoreClock(rules, row, renewals);
    if (clock) {
      auto status = clock->StatusOn(today);
      v.state = std::string(clocks::ToString(status.state));
      if (status.state != clocks::ClockState::kEnded) v.days_left = status.days_left;
      v.overdue = status.state == clocks::ClockState::kOverdue;
      if (!row.stopped_on) {
        for (const auto& r : clock->Reminders()) {
          if (r.on >= today) v.reminders.push_back(r.on);
        }
      }
    }
  }
  return v;
}

Result<ClockView> ReadClockView(const Context& ctx, const std::string& clock_id) {
  auto rules = ClockRules(ctx);
  if (!rules) return tl::unexpected(rules.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto row = (*uow)->case_clocks().Find(clock_id);
  if (!row) return tl::unexpected(row.error());
  if (!*row) return NotFound("No such clock.");
  auto renewals = (*uow)->case_clocks().Renewals(clock_id);
  if (!renewals) return tl::unexpected(renewals.error());
  auto tasks = (*uow)->case_tasks().OpenOfClock(clock_id);
  if (!tasks) return tl::unexpected(tasks.error());
  return ViewOfClock(**rules, **row, *renewals, tasks->empty() ? "" : tasks->front().id,
                     TodayIn(ctx));
}

Status AuditCaseRecord(const Context& ctx, const Caller& caller, const std::string& action,
                       const ports::CaseRow& c, const std::string& object_type,
                       const std::string& object_id, std::vector<std::string> sections,
                       const LoadedCase* read_by, const ClientInfo& client) {
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "allowed", client.request_id);
  e.objects.push_back(Object("case", c.id, c.organisation_id));
  if (!object_id.empty()) {
    auto object = Object(object_type, object_id, c.organisation_id);
    object.sections = std::move(sections);
    e.objects.push_back(std::move(object));
  } else {
    e.objects.back().sections = std::move(sections);
  }
  if (read_by && read_by->break_glass) {
    e.purpose = "break_glass";
    e.reason_id = read_by->break_glass->id;
  } else {
    e.purpose = "assignment";
  }
  return Audit(ctx, std::move(e));
}

}  // namespace opennrm::app::case_internal
