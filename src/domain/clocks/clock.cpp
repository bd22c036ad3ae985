#include "domain/clocks/clock.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "core/stockholm_date_math.hpp"

namespace opennrm::clocks {

namespace {

constexpr std::array<std::pair<ClockState, std::string_view>, 5> kStates{{
    {ClockState::kNotStarted, "not_started"},
    {ClockState::kRunning, "running"},
    {ClockState::kDueToday, "due_today"},
    {ClockState::kOverdue, "overdue"},
    {ClockState::kEnded, "ended"},
}};

constexpr std::array<std::pair<StopReason, std::string_view>, 4> kReasons{{
    {StopReason::kDone, "done"},
    {StopReason::kRevoked, "revoked"},
    {StopReason::kSuperseded, "superseded"},
    {StopReason::kWithdrawn, "withdrawn"},
}};

std::string ListOf(const std::vector<Party>& parties) {
  std::string out;
  for (Party p : parties) out += (out.empty() ? "" : ", ") + std::string(ToString(p));
  return out;
}

// The application against the rule version: who may apply, and when.
void CheckApplication(const ClockRule& rule, const std::optional<Application>& application,
                      const std::optional<CivilDate>& decided_on, Problems& problems) {
  if (!application) {
    if (!rule.applicants.empty()) {
      problems.Add(
          "application", "required",
          "Under this rule a clock opens on an application by: " + ListOf(rule.applicants) + ".");
    }
    return;
  }
  if (!IsRealDate(application->applied_on)) {
    problems.Add("application.applied_on", "date", "The application date is not a date.");
  }
  if (!MayApply(rule, application->applicant)) {
    problems.Add("application.applicant", "applicant_not_allowed",
                 rule.applicants.empty()
                     ? "Nobody applies under this rule."
                     : std::string(ToString(application->applicant)) +
                           " may not apply under this version of the rule; who may: " +
                           ListOf(rule.applicants) + ".");
  }
  if (decided_on && *decided_on < application->applied_on) {
    problems.Add("decided_on", "before_application",
                 "The decision is dated before the application.");
  }
}

// The recorded conditions against the rule's: all of them, and nothing else.
void CheckConditions(const ClockRule& rule, const std::vector<std::string>& recorded,
                     Problems& problems) {
  const std::set<std::string> have(recorded.begin(), recorded.end());
  for (const auto& id : have) {
    const bool known = std::any_of(rule.conditions.begin(), rule.conditions.end(),
                                   [&](const Condition& c) { return c.id == id; });
    if (!known) {
      problems.Add("conditions", "unknown_condition", "The rule has no condition '" + id + "'.");
    }
  }
  for (const auto& c : rule.conditions) {
    if (!have.count(c.id)) {
      problems.Add("conditions", "missing_condition",
                   "The condition '" + c.id + "' is not recorded: " + c.text);
    }
  }
}

// A decided end against the rule's length, from the day the (new) period starts.
void CheckEnd(const ClockRule& rule, CivilDate from, CivilDate end, Problems& problems) {
  if (!IsRealDate(end)) {
    problems.Add("end", "date", "The end is not a date.");
    return;
  }
  if (end < from) {
    problems.Add("end", "end_before_start", "The end is before the start.");
    return;
  }
  if (rule.duration.bound == Bound::kAtMost && DefaultEnd(rule.duration, from) < end) {
    problems.Add(
        "end", "longer_than_rule",
        "The rule allows at most until " + FormatIsoDate(DefaultEnd(rule.duration, from)) + ".");
  }
}

}  // namespace

std::string_view ToString(ClockState state) {
  for (const auto& [s, name] : kStates) {
    if (s == state) return name;
  }
  return "unknown";
}

std::string_view ToString(StopReason reason) {
  for (const auto& [r, name] : kReasons) {
    if (r == reason) return name;
  }
  return "unknown";
}

std::optional<StopReason> ParseStopReason(std::string_view text) {
  for (const auto& [r, name] : kReasons) {
    if (name == text) return r;
  }
  return std::nullopt;
}

Result<Clock> Clock::Open(const RuleSet& rules, const ClockOpening& opening) {
  if (!IsRealDate(opening.start)) return Invalid("start", "date", "The start is not a date.");
  // The rule in force when the first step happened decides, not today's.
  CivilDate first_step = opening.start;
  if (opening.decided_on && IsRealDate(*opening.decided_on)) first_step = *opening.decided_on;
  if (opening.application && IsRealDate(opening.application->applied_on)) {
    first_step = opening.application->applied_on;
  }
  auto found = rules.InForce(opening.rule_id, first_step);
  if (!found) return tl::unexpected(found.error());
  const ClockRule& rule = **found;

  Problems problems;
  CheckApplication(rule, opening.application, opening.decided_on, problems);
  if (rule.decided_by && !opening.decided_on) {
    problems.Add("decided_on", "required",
                 "The clock runs from a decision by " + std::string(ToString(*rule.decided_by)) +
                     "; record its date.");
  } else if (!rule.decided_by && opening.decided_on) {
    problems.Add("decided_on", "no_decision", "Nobody decides under this rule.");
  } else if (opening.decided_on && !IsRealDate(*opening.decided_on)) {
    problems.Add("decided_on", "date", "The decision date is not a date.");
  }
  const CivilDate end = opening.end.value_or(DefaultEnd(rule.duration, opening.start));
  CheckEnd(rule, opening.start, end, problems);
  CheckConditions(rule, opening.conditions, problems);
  if (auto st = problems.ToStatus(); !st) return tl::unexpected(st.error());

  ClockRecord record;
  record.rule_id = rule.id;
  record.rule_version = rule.version;
  record.application = opening.application;
  record.decided_on = opening.decided_on;
  record.start = opening.start;
  record.end = end;
  record.end_from_decision = opening.end.has_value();
  record.conditions = opening.conditions;
  return Clock(rule, std::move(record));
}

Result<Clock> Clock::Restore(const RuleSet& rules, ClockRecord record) {
  const ClockRule* rule = rules.Find(record.rule_id, record.rule_version);
  if (rule == nullptr) {
    return Internal("The clock rule '" + record.rule_id + "' version " +
                    std::to_string(record.rule_version) +
                    " is missing from the rules; old versions must be kept.");
  }
  return Clock(*rule, std::move(record));
}

ClockStatus Clock::StatusOn(CivilDate today) const {
  if (record_.stop && record_.stop->on <= today) return {ClockState::kEnded, 0};
  const int left = DaysBetween(today, record_.end);
  if (today < record_.start) return {ClockState::kNotStarted, left};
  if (left > 0) return {ClockState::kRunning, left};
  if (left == 0) return {ClockState::kDueToday, 0};
  return {ClockState::kOverdue, left};
}

std::vector<Reminder> Clock::Reminders() const {
  std::vector<Reminder> out;
  for (int days : rule_.reminder_days_before_end) {
    const CivilDate on = AddDays(record_.end, -days);
    if (on >= record_.start) out.push_back({days, on});
  }
  std::sort(out.begin(), out.end(),
            [](const Reminder& a, const Reminder& b) { return a.on < b.on; });
  return out;
}

std::vector<Reminder> Clock::RemindersDueOn(CivilDate today) const {
  std::vector<Reminder> out;
  if (record_.stop && record_.stop->on <= today) return out;
  for (const auto& r : Reminders()) {
    if (r.on == today) out.push_back(r);
  }
  return out;
}

std::optional<EndTask> Clock::Task() const {
  if (rule_.end_task.empty()) return std::nullopt;
  return EndTask{rule_.end_task, record_.end};
}

Status Clock::Renew(const RenewalRequest& request) {
  if (record_.stop) {
    return Fail(ErrorCode::kConflict, "The clock has been stopped; it cannot be renewed.",
                {{"stop", "clock_ended", "The clock was stopped."}});
  }
  if (!rule_.renewable) {
    return Invalid("rule_id", "not_renewable", "This rule's decisions are not renewable.");
  }
  if (rule_.max_renewals && static_cast<int>(record_.renewals.size()) >= *rule_.max_renewals) {
    return Invalid("renewals", "renewals_exhausted",
                   "The rule allows at most " + std::to_string(*rule_.max_renewals) + " renewals.");
  }
  Problems problems;
  if (!IsRealDate(request.decided_on)) {
    problems.Add("decided_on", "date", "The decision date is not a date.");
  } else if (request.decided_on < record_.start) {
    problems.Add("decided_on", "before_start", "The renewal is dated before the clock's start.");
  }
  CheckApplication(rule_, request.application, request.decided_on, problems);
  // A renewed period continues the day after the current one; a time limit from its end.
  const CivilDate from =
      rule_.duration.counting == Counting::kPeriod ? AddDays(record_.end, 1) : record_.end;
  const CivilDate end = request.end.value_or(DefaultEnd(rule_.duration, from));
  if (IsRealDate(end) && end <= record_.end) {
    problems.Add("end", "not_after_current_end",
                 "A renewal ends after the current end (" + FormatIsoDate(record_.end) + ").");
  } else {
    CheckEnd(rule_, from, end, problems);
  }
  CheckConditions(rule_, request.conditions, problems);
  if (auto st = problems.ToStatus(); !st) return st;
  record_.renewals.push_back({request.application, request.decided_on, record_.end, end});
  record_.end = end;
  record_.end_from_decision = request.end.has_value();
  return Ok();
}

Status Clock::Stop(CivilDate on, StopReason reason) {
  if (record_.stop) {
    return Fail(ErrorCode::kConflict, "The clock has been stopped already.",
                {{"stop", "clock_ended",
                  "The clock was stopped on " + FormatIsoDate(record_.stop->on) + "."}});
  }
  Problems problems;
  if (!IsRealDate(on)) {
    problems.Add("on", "date", "The stop date is not a date.");
  } else if (on < record_.start) {
    problems.Add("on", "before_start", "A clock cannot stop before it starts.");
  }
  if (reason == StopReason::kRevoked && !rule_.revocable) {
    problems.Add("reason", "not_revocable", "This rule's decisions are not revocable.");
  }
  if (auto st = problems.ToStatus(); !st) return st;
  record_.stop = ClockStop{on, reason};
  return Ok();
}

}  // namespace opennrm::clocks
