// Legal clocks on cases (case management): applications and decisions under
// a dated version of a clock rule (data/rules/clocks.toml) — the reflection
// period, the residence permit for cooperating victims and witnesses, the
// national support programme's periods, and the child track's clocks — with
// days left in Europe/Stockholm calendar days, renewals, revocations, the
// task a running clock creates, and the reminders job that tells the team
// before a clock ends and when it is overdue. Every change appends to the
// case's log and is audited. Thread-safe: every call opens its own units of
// work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "core/date.hpp"

namespace opennrm::app {

// What a caller records to apply for a clock, or to start one at once.
struct NewClock {
  std::string rule_id;
  std::string person_id;                 // the person the clock is about (required)
  std::optional<std::string> applicant;  // clocks::Party word, e.g. "social_welfare_board"
  std::optional<CivilDate> applied_on;
  std::optional<CivilDate> decided_on;
  // Present: the clock runs from this day (a decision's dates, or a duty to
  // act); absent: an application that awaits its decision.
  std::optional<CivilDate> starts_on;
  std::optional<CivilDate> ends_on;  // none: the rule's default length
  std::vector<std::string> conditions;
};

struct ClockDecision {
  std::string outcome;  // "granted" | "refused"
  std::optional<CivilDate> decided_on;
  std::optional<CivilDate> starts_on;   // required when granted
  std::optional<CivilDate> ends_on;     // none: the rule's default length
  std::vector<std::string> conditions;  // added to those recorded with the application
};

struct ClockRenewal {
  std::optional<std::string> applicant;
  std::optional<CivilDate> applied_on;
  std::optional<CivilDate> decided_on;
  std::optional<CivilDate> ends_on;  // none: one more default length
  std::vector<std::string> conditions;
};

struct ClockView {
  std::string id;
  std::string case_id;
  std::string person_id;
  std::string rule_id;
  int rule_version = 0;
  CivilDate rule_valid_from;
  std::string kind;
  std::string title;
  std::string legal_reference;
  bool needs_check = false;
  std::string section;  // "support" | "child_protection"
  std::string status;   // applied | running | ended | refused | revoked | withdrawn
  std::string applicant;
  std::optional<CivilDate> applied_on;
  std::optional<CivilDate> decided_on;
  std::optional<CivilDate> starts_on;
  std::optional<CivilDate> ends_on;
  bool end_from_decision = false;
  std::vector<std::string> conditions;
  int renewals = 0;
  std::optional<CivilDate> stopped_on;
  std::string stop_reason;
  // For a clock that has run: clocks::ToString(ClockState) today, the
  // calendar days left (negative when overdue) and the reminders still ahead.
  std::string state;
  std::optional<int> days_left;
  bool overdue = false;
  std::vector<CivilDate> reminders;
  std::string task_id;  // the open task the clock created, if any
  std::string recorded_by;
  long long recorded_at_us = 0;
};

// Applies for a clock (status applied) or starts it at once (running, with
// its task). kInvalid naming the field and rule: rule_id unknown_rule /
// not_in_force, applicant applicant_not_allowed (the person never applies),
// ends_on end_before_start / longer_than_rule, conditions missing_condition,
// person_id not_in_case / not_child_track, and for a reflection period
// swedish_citizen / has_residence_permit (cases::CheckReflectionPeriodFor).
// kNotFound when the caller may not see the case; kForbidden for anyone not
// on its team.
Result<ClockView> ApplyClock(const Context& ctx, const Caller& caller, const std::string& case_id,
                             const NewClock& input, const ClientInfo& client);

// Records the decision on an applied clock: refused, or granted with the
// decision's dates (the clock runs and creates its task). kConflict when
// the clock was decided already.
Result<ClockView> DecideClock(const Context& ctx, const Caller& caller, const std::string& case_id,
                              const std::string& clock_id, const ClockDecision& decision,
                              const ClientInfo& client);

// Extends a running clock by a renewal decision under its own rule version;
// its task moves to the new end. kInvalid rule_id not_renewable, ...
Result<ClockView> RenewClock(const Context& ctx, const Caller& caller, const std::string& case_id,
                             const std::string& clock_id, const ClockRenewal& renewal,
                             const ClientInfo& client);

// Revokes a running clock from `on` (revocable rules only); its open tasks close.
Result<ClockView> RevokeClock(const Context& ctx, const Caller& caller, const std::string& case_id,
                              const std::string& clock_id, std::optional<CivilDate> on,
                              const ClientInfo& client);

// The case's clocks with days left today, for whoever may read the case.
Result<std::vector<ClockView>> ListClocks(const Context& ctx, const Caller& caller,
                                          const std::string& case_id, const ClientInfo& client);

struct ReminderRun {
  int reminders = 0;   // reminders claimed and sent (clocks and tasks)
  int notices = 0;     // notifications written
  int considered = 0;  // reminders due today found before claiming (claimed ones included)
};

// The reminders job: for every running clock a reminder day of which (or
// whose overdue first day) is the Stockholm date of `now`, and every open
// task by hand due tomorrow or overdue, tells the case's team once — the
// claim is recorded in the database, so restarts and other servers never
// send it again. Notices carry the case code, the rule or task word and the
// date, never a person's data.
Result<ReminderRun> SendDueReminders(const Context& ctx, TimePoint now);

}  // namespace opennrm::app
