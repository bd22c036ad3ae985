// A clock rule: one dated version of a legal or programme rule that starts a
// clock (GLOSSARY.md) — the reflection period, the residence permit for
// cooperating victims and witnesses, the child track's protection assessment
// and custody clocks, the national support programme's periods. Rules are data
// (data/rules/clocks.toml), never constants in code: when a rule changes, a new
// version is added with its own dates and the old one stays for old cases.
// Plain values; no I/O. Thread-safety: immutable values, safe to share.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::clocks {

enum class ClockKind {
  kReflectionPeriod,            // Aliens Act ch. 5 §15 second paragraph (betänketid)
  kResidencePermitCooperation,  // Aliens Act ch. 5 §15 first paragraph
  kProtectionAssessment,        // after a report of concern (orosanmälan, skyddsbedömning)
  kCustodyCourtSubmission,      // LVU §7: immediate custody to the administrative court
  kCustodyCareApplication,      // LVU §8: application for care after immediate custody
  kSupportProgrammePeriod,      // a period of the national support programme (not law)
};
std::string_view ToString(ClockKind kind);
std::optional<ClockKind> ParseClockKind(std::string_view text);

// What a rule rests on: law, or a programme's own rules (which are not law).
enum class Basis { kLaw, kProgrammeRules };
std::string_view ToString(Basis basis);
std::optional<Basis> ParseBasis(std::string_view text);

// Who applies for, or decides, what a rule governs.
enum class Party {
  kSocialWelfareBoard,              // socialnämnden where the person is
  kHeadOfPreliminaryInvestigation,  // förundersökningsledare
  kMigrationAgency,                 // Migrationsverket
  kCertifiedProvider,               // a provider certified by the support programme
  kSupportProgramme,                // the programme's own decision makers
};
std::string_view ToString(Party party);
std::optional<Party> ParseParty(std::string_view text);

enum class DurationUnit { kDays, kWeeks, kMonths, kSameOrNextDay };
std::string_view ToString(DurationUnit unit);
std::optional<DurationUnit> ParseDurationUnit(std::string_view text);

// How the start day counts.
//  kPeriod:    the start day is the first day of the period; a 30-day permit
//              from 2 March ends on 31 March (its last valid day).
//  kTimeLimit: the time runs from the start day, as "within one week from the
//              decision" (lag 1930:173): weeks end on the same weekday, months
//              on the same day of the month (or the month's last day), days
//              count from the next day; "same or next day" ends the next day.
enum class Counting { kPeriod, kTimeLimit };
std::string_view ToString(Counting counting);
std::optional<Counting> ParseCounting(std::string_view text);

// What the rule's length means for a decision's own dates.
//  kExact:   the usual length; the decision's dates win.
//  kAtLeast: the law's minimum ("at least 6 months"); the decision's dates win.
//  kAtMost:  a ceiling ("up to 90 days"); a longer decided period is refused.
enum class Bound { kExact, kAtLeast, kAtMost };
std::string_view ToString(Bound bound);
std::optional<Bound> ParseBound(std::string_view text);

struct Duration {
  int count = 0;  // unused (0) for kSameOrNextDay
  DurationUnit unit = DurationUnit::kDays;
  Counting counting = Counting::kPeriod;
  Bound bound = Bound::kExact;
};

// A condition the rule requires to be recorded (e.g. the four conditions of
// the residence permit for cooperating victims).
struct Condition {
  std::string id;    // stable word, e.g. "wants_to_cooperate"
  std::string text;  // what it means, for people
};

struct ClockRule {
  std::string id;   // stable across versions, e.g. "reflection_period"
  int version = 0;  // 1, 2, ... one per dated change of the rule
  ClockKind kind = ClockKind::kReflectionPeriod;
  std::string title;
  Basis basis = Basis::kLaw;
  std::string legal_reference;  // e.g. "Aliens Act (2005:716) ch. 5 §15 second paragraph"
  std::string source;           // where the facts come from
  bool needs_check = false;     // confirm against the law text before showing as advice
  CivilDate valid_from;
  std::optional<CivilDate> valid_to;          // last day in force; none: still in force
  std::vector<Party> applicants;              // who may apply; empty: nobody applies
  std::optional<Party> decided_by;            // who decides; none: no decision (a duty to act)
  Duration duration;                          // the default length; a decision's dates win
  std::vector<int> reminder_days_before_end;  // e.g. {7, 2}; 0 = on the last day
  std::vector<Condition> conditions;          // to record when the clock opens
  bool renewable = false;
  std::optional<int> max_renewals;  // none: no limit (when renewable)
  bool revocable = false;
  std::string
      end_task;  // task the clock's end creates, e.g. "reflection_period_ends"; may be empty
};

// The last day of a clock that starts on `start` and runs for `d` (see Counting).
// REQUIRES: ValidateRule accepted the duration; `start` is a real date.
CivilDate DefaultEnd(const Duration& d, CivilDate start);

// Whether the rule version is in force on `day` (valid_from <= day <= valid_to).
bool InForceOn(const ClockRule& rule, CivilDate day);

// Whether `party` may apply under this rule version.
bool MayApply(const ClockRule& rule, Party party);

// Checks one rule on its own; every problem names its field ("duration.count",
// "valid_to", "conditions[1].id", ...).
Status ValidateRule(const ClockRule& rule);

}  // namespace opennrm::clocks
