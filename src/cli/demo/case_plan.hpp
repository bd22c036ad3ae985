// What the demo generator decides for one synthetic case, before anything is
// written: a pure plan. The writer (demo_writer.hpp) applies the parts the
// application supports today (the case with its type, its persons) and skips
// the rest until their use cases exist; each skipped part is an extension
// point marked "DEMO EXTENSION" there. Plain values; thread-safe.
#pragma once

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
#include "domain/tracks/closure.hpp"

namespace opennrm::cli::demo {

// One of the organisations cases are spread over (see organisations_plan.hpp).
enum class SlotKind { kMunicipalSocialServices, kNgo, kIom, kPoliceRegion };

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

// A clock started from a rule in data/rules/clocks.toml, with the start of the
// period as a decision would state it.
struct ClockPlan {
  std::string rule;  // e.g. "reflection_period"
  CivilDate starts_on;
  int person = 0;  // index into CasePlan::persons
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
  std::optional<tracks::ClosureReason> closure;
  std::optional<CivilDate> closed_on;
};

}  // namespace opennrm::cli::demo
