#include "cli/demo/action_planner.hpp"

#include <algorithm>
#include <set>

#include "cli/demo/child_planner.hpp"
#include "cli/demo/clock_ends.hpp"
#include "cli/demo/proceedings_planner.hpp"
#include "cli/demo/step_rules.hpp"
#include "cli/demo/track_planner.hpp"
#include "core/stockholm_date_math.hpp"

namespace opennrm::cli::demo {

namespace {

using tracks::ClosureReason;

constexpr std::pair<std::string_view, ActionKind> kRecords[] = {
    {"indicators_recorded", ActionKind::kIndicators},
    {"presumed_victim_assessment", ActionKind::kAssessment},
    {"safety_plan", ActionKind::kSafetyPlan},
    {"person_wishes_recorded", ActionKind::kWish},
    {"consent_recorded", ActionKind::kConsent},
};

void Add(CasePlan& plan, ActionKind kind, CivilDate on, std::string track = "", std::string id = "",
         int index = -1) {
  plan.actions.push_back(Action{kind, on, 0, std::move(track), std::move(id), index});
}

// Before a step: what its entry requirements need and `facts` lacks; for a
// proceedings step, the record's next version.
void PlanStep(const DemoWorld& w, CasePlan& plan, const StepPlan& s, std::set<std::string>& facts,
              DemoRandom& random) {
  if (s.track == "proceedings") {
    const cases::Proceedings before =
        plan.proceedings.empty() ? cases::Proceedings{} : plan.proceedings.back();
    plan.proceedings.push_back(ProceedingsAt(w, plan, before, s.step, s.on, random));
    Add(plan, ActionKind::kProceedings, s.on, "", "",
        static_cast<int>(plan.proceedings.size()) - 1);
  }
  const bool had_safety_plan = facts.count("safety_plan") > 0;
  for (const auto& fact : EntryRequirements(w, plan, s.track, s.step)) {
    if (!facts.insert(fact).second) continue;
    auto record = std::find_if(std::begin(kRecords), std::end(kRecords),
                               [&](const auto& r) { return r.first == fact; });
    if (record != std::end(kRecords)) {
      Add(plan, record->second, s.on, "", record->second == ActionKind::kWish ? s.step : "");
    } else if (s.track != "proceedings") {
      Add(plan, ActionKind::kDeclare, s.on, "", fact);
    }
  }
  // Back in acute protection after a new threat: the safety plan is made anew.
  if (s.step == "acute_protection" && had_safety_plan) Add(plan, ActionKind::kSafetyPlan, s.on);
  Add(plan, ActionKind::kMove, s.on, s.track, s.step);
}

void PlanClocks(const DemoWorld& w, CasePlan& plan, DemoRandom& random) {
  for (std::size_t i = 0; i < plan.clocks.size(); ++i) {
    const ClockPlan& c = plan.clocks[i];
    Add(plan, ActionKind::kClock, c.pending ? c.applied_on : c.starts_on, "", "",
        static_cast<int>(i));
    plan.actions.back().person = c.person;
    if (c.pending || c.refused) continue;  // no clock runs, so none ends
    if (auto last = LastDayOf(w, OpeningOf(c))) {
      PlanClockEnd(w, plan, c.rule, c.person, c.starts_on, *last, 0.8, random);
    }
  }
}

bool HasAction(const CasePlan& plan, ActionKind kind) {
  return std::any_of(plan.actions.begin(), plan.actions.end(),
                     [&](const Action& a) { return a.kind == kind; });
}

void PlanClosure(const DemoWorld& w, CasePlan& plan, DemoRandom& random) {
  if (DaysBetween(plan.opened_on, w.today) < 120 || HasAction(plan, ActionKind::kMissingAlert) ||
      !random.Chance(0.45)) {
    return;
  }
  ClosureReason reason;
  if (Reached(plan, "return", "completed")) {
    reason = ClosureReason::kSafeReturnCompleted;
  } else if (Reached(plan, "support", "long_term_support") && random.Chance(0.5)) {
    reason = ClosureReason::kIntegrated;
  } else {
    const ClosureReason reasons[] = {ClosureReason::kDeclinedSupport, ClosureReason::kLostContact,
                                     ClosureReason::kNotATraffickingCase,
                                     ClosureReason::kTransferredAbroad, ClosureReason::kIntegrated};
    reason = reasons[random.Weighted({25, 30, 15, 5, 25})];
  }
  CivilDate last = plan.opened_on;
  for (const auto& a : plan.actions) last = std::max(last, a.on);
  for (const auto& c : plan.clocks) last = std::max(last, c.starts_on);
  plan.closure = reason;
  plan.closed_on = std::min(w.today, AddDays(last, random.Between(14, 200)));
  // Work on a closing case is wound up: the clocks still running end with it.
  std::set<std::pair<std::string, int>> done;
  for (const auto& a : plan.actions) {
    if (a.kind == ActionKind::kClockDone) done.insert({a.id, a.person});
  }
  for (const auto& c : plan.clocks) {
    if (!c.pending && !c.refused && done.insert({c.rule, c.person}).second) {
      plan.actions.push_back(Action{ActionKind::kClockDone, *plan.closed_on, c.person, "", c.rule});
    }
  }
  for (const auto& r : plan.child_records) {
    for (const char* rule : ClockRulesOf(r.kind)) {
      if (done.insert({rule, r.person}).second) {
        plan.actions.push_back(Action{ActionKind::kClockDone, *plan.closed_on, r.person, "", rule});
      }
    }
  }
  plan.actions.push_back(Action{ActionKind::kClose, *plan.closed_on, 0, "", "", -1});
}

}  // namespace

std::string_view ToString(ActionKind kind) {
  switch (kind) {
    case ActionKind::kIndicators:
      return "indicators";
    case ActionKind::kAssessment:
      return "assessment";
    case ActionKind::kSafetyPlan:
      return "safety_plan";
    case ActionKind::kWish:
      return "wish";
    case ActionKind::kConsent:
      return "consent";
    case ActionKind::kDeclare:
      return "declare";
    case ActionKind::kMove:
      return "move";
    case ActionKind::kProceedings:
      return "proceedings";
    case ActionKind::kClock:
      return "clock";
    case ActionKind::kClockDone:
      return "clock_done";
    case ActionKind::kChildRecord:
      return "child_record";
    case ActionKind::kMissingAlert:
      return "missing_alert";
    case ActionKind::kClose:
      return "close";
  }
  return "";
}

std::string_view FactOf(ActionKind kind) {
  for (const auto& [fact, k] : kRecords) {
    if (k == kind) return fact;
  }
  return "";
}

void PlanActions(const DemoWorld& world, CasePlan& plan, DemoRandom& random) {
  std::set<std::string> facts;
  for (const auto& s : plan.steps) PlanStep(world, plan, s, facts, random);
  PlanClocks(world, plan, random);
  PlanChildTrack(world, plan, random);
  PlanClosure(world, plan, random);
  std::stable_sort(plan.actions.begin(), plan.actions.end(),
                   [](const Action& a, const Action& b) { return a.on < b.on; });
}

}  // namespace opennrm::cli::demo
