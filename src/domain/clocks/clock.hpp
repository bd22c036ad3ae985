// A clock (GLOSSARY.md): one dated obligation on a case, opened under one
// version of a clock rule — which it keeps, so an old case is never re-judged
// by a newer rule — with the dates its decision states (the rule's length is
// only the default), reminders before its end, and an overdue state after it
// until someone stops it (the task is done, the permit revoked or replaced).
// Applications and decisions are recorded with their dates.
// Pure: callers pass today's Europe/Stockholm calendar date
// (core/stockholm_date.hpp); nothing here reads a clock.
// Thread-safety: a value; const members may be shared, mutation needs one owner.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/clocks/clock_rule.hpp"
#include "domain/clocks/rule_set.hpp"

namespace opennrm::clocks {

enum class ClockState {
  kNotStarted,  // the decision's first day is still ahead
  kRunning,     // before the last day
  kDueToday,    // today is the last day
  kOverdue,     // the last day has passed and nobody stopped the clock
  kEnded,       // stopped: done, revoked, superseded or withdrawn
};
std::string_view ToString(ClockState state);

enum class StopReason {
  kDone,        // the obligation was met (assessment made, application filed, period followed up)
  kRevoked,     // the decision was revoked (only for a revocable rule)
  kSuperseded,  // replaced by another clock (e.g. a residence permit after the reflection period)
  kWithdrawn,   // the application was withdrawn or the clock opened in error
};
std::string_view ToString(StopReason reason);
std::optional<StopReason> ParseStopReason(std::string_view text);

struct Application {
  Party applicant = Party::kSocialWelfareBoard;
  CivilDate applied_on;
};

// What a caller records to open a clock.
struct ClockOpening {
  std::string rule_id;
  std::optional<Application> application;  // required when the rule has applicants
  std::optional<CivilDate> decided_on;     // required when the rule names who decides
  CivilDate start;                         // first day: the decision's "from", the report's
                                           // or the custody decision's date
  std::optional<CivilDate> end;            // the decision's last day; none: the rule's default
  std::vector<std::string> conditions;     // ids of the rule's conditions recorded as met
};

struct RenewalRequest {
  std::optional<Application> application;  // as for opening, under the clock's rule version
  CivilDate decided_on;
  std::optional<CivilDate> end;  // the new last day; none: one more default length
  std::vector<std::string> conditions;
};

struct Renewal {
  std::optional<Application> application;
  CivilDate decided_on;
  CivilDate previous_end;
  CivilDate end;
  bool operator==(const Renewal&) const = default;
};

struct ClockStop {
  CivilDate on;
  StopReason reason = StopReason::kDone;
  bool operator==(const ClockStop&) const = default;
};

// Everything a clock is, as storage keeps it; the rule is found again by id and version.
struct ClockRecord {
  std::string rule_id;
  int rule_version = 0;
  std::optional<Application> application;
  std::optional<CivilDate> decided_on;
  CivilDate start;
  CivilDate end;                   // the current last day (after renewals)
  bool end_from_decision = false;  // false: the rule's default length
  std::vector<std::string> conditions;
  std::vector<Renewal> renewals;
  std::optional<ClockStop> stop;
};

struct ClockStatus {
  ClockState state = ClockState::kRunning;
  int days_left = 0;  // days from today to the last day; negative when overdue; 0 when ended
};

struct Reminder {
  int days_before_end = 0;
  CivilDate on;
  bool operator==(const Reminder&) const = default;
};

// The task a clock's end creates (e.g. "reflection_period_ends"), due on its last day.
struct EndTask {
  std::string name;
  CivilDate due;
};

class Clock {
 public:
  // Opens a clock under the version of `opening.rule_id` in force on the
  // application date (else the decision date, else the start). Returns every
  // broken rule at once: "end_before_start", "applicant_not_allowed",
  // "missing_condition", "longer_than_rule", ...
  static Result<Clock> Open(const RuleSet& rules, const ClockOpening& opening);

  // A stored clock with the rule version it opened under; kInternal when the
  // rules no longer hold that version (old versions must never be deleted).
  static Result<Clock> Restore(const RuleSet& rules, ClockRecord record);

  const ClockRule& rule() const { return rule_; }
  const ClockRecord& record() const { return record_; }
  CivilDate start() const { return record_.start; }
  CivilDate end() const { return record_.end; }

  // The clock's state on `today` (a Stockholm calendar date).
  ClockStatus StatusOn(CivilDate today) const;

  // Every reminder for the current end, earliest first; none before the start.
  std::vector<Reminder> Reminders() const;

  // The reminders due on `today`; none once the clock has been stopped.
  std::vector<Reminder> RemindersDueOn(CivilDate today) const;

  // The task the rule's end creates, due on the current last day; none if the rule names none.
  std::optional<EndTask> Task() const;

  // Extends the clock by a renewal decision, under the clock's own rule version.
  Status Renew(const RenewalRequest& request);

  // Stops the clock from `on`; kConflict if it was stopped already.
  Status Stop(CivilDate on, StopReason reason);

 private:
  Clock(ClockRule rule, ClockRecord record) : rule_(std::move(rule)), record_(std::move(record)) {}
  ClockRule rule_;
  ClockRecord record_;
};

}  // namespace opennrm::clocks
