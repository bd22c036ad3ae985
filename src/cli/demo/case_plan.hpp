// What the demo generator decides for one synthetic case, before anything is
// written: a pure plan. The case with its type, persons and exploitation is
// written first, on its opening day; then `actions`, in order, each on its
// own day (writer.hpp): the records and declarations a step requires, the
// track moves, proceedings versions, clocks and their ending, child-track
// records, missing-child alerts and the closure. Plain values; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/demo/names.hpp"
#include "core/date.hpp"
#include "domain/cases/case_record.hpp"
#include "domain/cases/exploitation.hpp"
#include "domain/cases/person.hpp"
#include "domain/cases/person_role.hpp"
#include "domain/cases/places.hpp"
#include "domain/cases/proceedings.hpp"
#include "domain/tracks/closure.hpp"

namespace opennrm::cli::demo {

// One of the organisations cases are spread over (see organisations_plan.hpp).
enum class SlotKind { kMunicipalSocialServices, kNgo, kIom, kPoliceRegion, kRegionalCoordinator };

struct PersonPlan {
  cases::PersonRole role = cases::PersonRole::kPresumedVictim;
  cases::Person person;  // id, organisation and code are left to the application
  NameOrigin names = NameOrigin::kSwedish;
  int age = 0;         // true age on the case's opening day (the record may know less)
  bool child = false;  // under 18 on the opening day
};

// A step a track reached, and when (track and step ids as in data/rules/steps.toml).
struct StepPlan {
  std::string track;  // "support" | "proceedings" | "return"
  std::string step;
  CivilDate on;
};

// A clock applied for under a rule in data/rules/clocks.toml: decided at
// once, running from `starts_on`, or still awaiting its decision.
struct ClockPlan {
  std::string rule;  // e.g. "reflection_period"
  CivilDate applied_on;
  CivilDate starts_on;    // the decision's day and the first day of the clock
  int person = 0;         // index into CasePlan::persons
  std::string applicant;  // clocks::Party word
  std::vector<std::string> conditions;
  bool pending = false;  // applied for; the decision has not come yet
  bool refused = false;  // decided on starts_on: refused (the clock never runs)
};

// A child-track record (app/cases/child_track.hpp) about a child of the case.
struct ChildRecordPlan {
  // report_of_concern | immediate_custody | guardian_appointed | age_assessment
  std::string kind;
  CivilDate on;
  int person = 0;
  std::string municipality;  // a report's recipient, the guardian's municipality
  std::string outcome;       // age_assessment: child | adult | undetermined
};

enum class ActionKind {
  kIndicators,    // the indicators checklist answered for `person`
  kAssessment,    // the presumed-victim assessment of `person`
  kSafetyPlan,    // `person`'s safety plan
  kWish,          // one wish of `person` about step `id`
  kConsent,       // consent `person` gave to involve the regional coordinator
  kDeclare,       // fact `id` declared (no record implies it)
  kMove,          // track `track` moves into step `id`
  kProceedings,   // a new version of the proceedings record: proceedings[index]
  kClock,         // clocks[index] applied for (and decided, unless pending)
  kClockDone,     // the task of `person`'s clock under rule `id` done: the clock ends
  kChildRecord,   // child_records[index] recorded (it starts its clocks)
  kMissingAlert,  // a missing-child alert opened for `person`
  kClose,         // the case closes with `closure`
};
std::string_view ToString(ActionKind kind);

// One thing done on a case on a day.
struct Action {
  ActionKind kind = ActionKind::kMove;
  CivilDate on;
  int person = 0;     // index into CasePlan::persons
  std::string track;  // kMove
  std::string id;     // kMove, kWish: a step; kDeclare: a fact; kClockDone: a rule
  int index = -1;     // kProceedings, kClock, kChildRecord
};

struct CasePlan {
  std::uint64_t index = 0;
  std::size_t slot = 0;  // index into the organisation slots
  SlotKind slot_kind = SlotKind::kMunicipalSocialServices;
  cases::CaseType type = cases::CaseType::kTraffickingInHumanBeings;
  CivilDate opened_on;
  std::vector<PersonPlan> persons;  // presumed victims first
  std::vector<cases::Exploitation> forms;
  cases::Places places;
  cases::Period period;
  std::vector<StepPlan> steps;  // in the order they were reached, per track
  std::vector<ClockPlan> clocks;
  std::vector<ChildRecordPlan> child_records;
  // Versions of the proceedings record, each a whole record; an injured
  // party's person_id is the index of the person in `persons`, as text.
  std::vector<cases::Proceedings> proceedings;
  std::optional<tracks::ClosureReason> closure;
  std::optional<CivilDate> closed_on;
  std::vector<Action> actions;  // in the order they are written, dates never decreasing
};

}  // namespace opennrm::cli::demo
