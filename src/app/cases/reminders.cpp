// The reminders job (case management): tells a case's team before a clock
// ends and once it is overdue, and a task's assignee the day before a task
// by hand is due and once it is overdue. Each reminder is claimed in the
// database before it is sent, in the same transaction as its notices, so it
// goes out once whatever restarts or servers there are. A notice's detail is
// stable parameters, never a sentence: the web app words it in the reader's
// language (see ReminderDetail).
#include <algorithm>
#include <string_view>

#include "app/auth/internal.hpp"
#include "app/cases/clock_support.hpp"
#include "core/stockholm_date.hpp"
#include "core/stockholm_date_math.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

// Used when a rule names no reminder days.
const std::vector<int> kDefaultReminderDays{7, 1};

struct DueReminder {
  std::string subject_id;  // clock or task id
  std::string reminder;    // "before_end:7", "overdue", "due_tomorrow"
  CivilDate on;            // the day the claim is for
  std::string kind;        // the notification's kind
  std::string case_id;
  std::string word;  // the rule id or task word
  CivilDate end;     // the clock's last day or the task's due date
  std::vector<std::string> recipients;
};

std::vector<DueReminder> ClockReminders(const clocks::RuleSet& rules, const ports::ClockRow& row,
                                        const std::vector<ports::ClockRenewalRow>& renewals,
                                        CivilDate today) {
  std::vector<DueReminder> out;
  auto clock = RestoreClock(rules, row, renewals);
  if (!clock) return out;
  const auto& days = clock->rule().reminder_days_before_end.empty()
                         ? kDefaultReminderDays
                         : clock->rule().reminder_days_before_end;
  for (int d : days) {
    const CivilDate on = AddDays(clock->end(), -d);
    if (on == today && on >= clock->start()) {
      out.push_back({row.id,
                     "before_end:" + std::to_string(d),
                     on,
                     "clock_reminder",
                     row.case_id,
                     row.rule_id,
                     clock->end(),
                     {}});
    }
  }
  if (clock->StatusOn(today).state == clocks::ClockState::kOverdue) {
    // Once per last day: a renewal moves the end and arms it again.
    out.push_back({row.id,
                   "overdue",
                   clock->end(),
                   "clock_overdue",
                   row.case_id,
                   row.rule_id,
                   clock->end(),
                   {}});
  }
  return out;
}

Result<std::vector<DueReminder>> Collect(const Context& ctx, const clocks::RuleSet& rules,
                                         CivilDate today) {
  int horizon = 1;
  for (const auto& r : rules.rules()) {
    for (int d : r.reminder_days_before_end) horizon = std::max(horizon, d);
  }
  for (int d : kDefaultReminderDays) horizon = std::max(horizon, d);
  std::vector<DueReminder> out;
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto clocks = (*uow)->case_clocks().RunningEndingBy(AddDays(today, horizon));
  if (!clocks) return tl::unexpected(clocks.error());
  for (const auto& row : *clocks) {
    auto renewals = (*uow)->case_clocks().Renewals(row.id);
    if (!renewals) return tl::unexpected(renewals.error());
    auto due = ClockReminders(rules, row, *renewals, today);
    if (due.empty()) continue;
    auto team = (*uow)->cases().Team(row.case_id);
    if (!team) return tl::unexpected(team.error());
    for (auto& r : due) {
      for (const auto& m : *team) r.recipients.push_back(m.user_id);
      out.push_back(std::move(r));
    }
  }
  auto tasks = (*uow)->case_tasks().OpenByHandDueBy(AddDays(today, 1));
  if (!tasks) return tl::unexpected(tasks.error());
  for (const auto& t : *tasks) {
    if (t.due_on == AddDays(today, 1)) {
      out.push_back({t.id,
                     "due_tomorrow",
                     today,
                     "task_due",
                     t.case_id,
                     "task",
                     t.due_on,
                     {t.assignee_user_id}});
    } else if (t.due_on < today) {
      out.push_back({t.id,
                     "overdue",
                     t.due_on,
                     "task_overdue",
                     t.case_id,
                     "task",
                     t.due_on,
                     {t.assignee_user_id}});
    }
  }
  return out;
}

// The notice's detail: "key=value" pairs joined by "&", values codes, ids,
// dates and numbers only (no escaping needed; no personal data) —
//   case=NRM-2026-000045&clock=<id>&rule=reflection_period&date=2026-03-31&days=7
//   case=...&task=<id>&date=2026-04-02
// `date` is the clock's last day or the task's due date; `days` (reminders
// before the end only) how many days are left.
std::string ReminderDetail(const DueReminder& r, const std::string& case_code) {
  const bool task = r.kind == "task_due" || r.kind == "task_overdue";
  std::string out = "case=" + case_code + (task ? "&task=" : "&clock=") + r.subject_id;
  if (!task) out += "&rule=" + r.word;
  out += "&date=" + FormatIsoDate(r.end);
  constexpr std::string_view kBefore = "before_end:";
  if (r.reminder.starts_with(kBefore)) out += "&days=" + r.reminder.substr(kBefore.size());
  return out;
}

// Sends one reminder unless another run claimed it; returns the notices written.
Result<int> Send(const Context& ctx, const DueReminder& r, long long now_us) {
  std::optional<ports::CaseRow> c;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = (*uow)->cases().Find(r.case_id);
    if (!found) return tl::unexpected(found.error());
    if (!*found) return 0;
    c = std::move(**found);
  }
  const std::string detail = ReminderDetail(r, c->code);
  std::vector<ports::NotificationRecord> notices;
  for (const auto& user_id : r.recipients) {
    ports::NotificationRecord n;
    n.id = ctx.ids.NewId();
    n.user_id = user_id;
    n.organisation_id = c->organisation_id;
    n.kind = r.kind;
    n.subject_type = "case";
    n.subject_id = c->id;
    n.created_at_us = now_us;
    // Sealed before the write transaction (sealing may create a data key).
    auto sealed = Security(ctx).cipher.Seal(
        ports::FieldLocation{n.organisation_id, "notifications", "detail", n.id}, detail);
    if (!sealed) return tl::unexpected(sealed.error());
    n.detail_sealed = std::move(*sealed);
    notices.push_back(std::move(n));
  }
  // Background work: a person's write waiting at the gate goes first.
  auto uow = ctx.db.Begin(ports::Access::kBackgroundWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto claimed = (*uow)->case_clocks().ClaimReminder(r.subject_id, r.reminder, r.on, now_us);
  if (!claimed) return tl::unexpected(claimed.error());
  if (!*claimed) return 0;  // sent before: the unit of work rolls back
  for (const auto& n : notices) {
    if (auto st = (*uow)->notifications().Insert(n); !st) return tl::unexpected(st.error());
  }
  if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  return static_cast<int>(notices.size());
}

}  // namespace

Result<ReminderRun> SendDueReminders(const Context& ctx, TimePoint now) {
  auto rules = ClockRules(ctx);
  if (!rules) return tl::unexpected(rules.error());
  const CivilDate today = StockholmDateOf(now);
  auto due = Collect(ctx, **rules, today);
  if (!due) return tl::unexpected(due.error());
  ReminderRun run;
  run.considered = static_cast<int>(due->size());
  const long long now_us = ToEpochMicros(now);
  for (const auto& r : *due) {
    auto sent = Send(ctx, r, now_us);
    if (!sent) return tl::unexpected(sent.error());
    if (*sent > 0) ++run.reminders;
    run.notices += *sent;
  }
  return run;
}

}  // namespace opennrm::app
