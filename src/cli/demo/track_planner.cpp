#include "cli/demo/track_planner.hpp"

#include <algorithm>

#include "core/stockholm_date_math.hpp"

namespace opennrm::cli::demo {

namespace {

using cases::CaseType;
using tracks::ClosureReason;

// Appends steps of one track while each next one is reached (its chance) and
// falls on or before today; returns the last date reached.
struct TrackWalk {
  CasePlan& plan;
  CivilDate today;
  std::string track;
  CivilDate at;
  bool going = true;

  bool Reach(const char* step, double chance, int min_days, int max_days, DemoRandom& random) {
    if (!going) return false;
    if (!random.Chance(chance)) return going = false;
    CivilDate next = AddDays(at, random.Between(min_days, max_days));
    if (next > today) return going = false;
    at = next;
    plan.steps.push_back(StepPlan{track, step, at});
    return true;
  }
};

bool Reached(const CasePlan& plan, const std::string& track, const std::string& step) {
  return std::any_of(plan.steps.begin(), plan.steps.end(),
                     [&](const StepPlan& s) { return s.track == track && s.step == step; });
}

void AddClock(CasePlan& plan, CivilDate today, std::string rule, CivilDate starts_on, int person) {
  if (starts_on > today) return;
  plan.clocks.push_back(ClockPlan{std::move(rule), starts_on, person});
}

void PlanSupport(const DemoWorld& w, CasePlan& plan, DemoRandom& random) {
  TrackWalk t{plan, w.today, "support", plan.opened_on};
  plan.steps.push_back(StepPlan{"support", "identification", plan.opened_on});
  t.Reach("acute_protection", 0.70, 0, 2, random) &&
      t.Reach("initial_support", 0.75, 3, 20, random) &&
      t.Reach("long_term_support", 0.45, 30, 150, random);
}

void PlanProceedings(const DemoWorld& w, CasePlan& plan, DemoRandom& random) {
  bool authority = plan.slot_kind == SlotKind::kPoliceRegion ||
                   plan.slot_kind == SlotKind::kMunicipalSocialServices;
  if (!authority || plan.type == CaseType::kProstitutionExitSupport ||
      plan.type == CaseType::kReturnOnly) {
    return;
  }
  double reported = plan.slot_kind == SlotKind::kPoliceRegion ? 0.95 : 0.35;
  TrackWalk t{plan, w.today, "proceedings", plan.opened_on};
  if (!t.Reach("reported", reported, 0, 14, random)) return;
  if (!t.Reach("preliminary_investigation", 0.65, 0, 30, random)) return;
  if (random.Chance(0.45)) {
    t.Reach("discontinued", 1.0, 30, 300, random);
    return;
  }
  t.Reach("prosecution_decision", 0.8, 60, 300, random) && t.Reach("trial", 0.7, 20, 90, random) &&
      t.Reach("judgment", 0.95, 1, 30, random) &&
      (random.Chance(0.3) ? t.Reach("appeal", 1.0, 7, 21, random) : true) &&
      t.Reach("legally_binding", 0.7, 21, 200, random);
}

void PlanReturn(const DemoWorld& w, const CitizenshipProfile& profile, CasePlan& plan,
                DemoRandom& random) {
  bool foreign = !profile.country.empty() && profile.country != "--" && profile.country != "SE";
  double considered = plan.slot_kind == SlotKind::kIom ? 1.0 : foreign ? 0.10 : 0.0;
  TrackWalk t{plan, w.today, "return", plan.opened_on};
  if (!t.Reach("considered", considered, 0, 60, random)) return;
  if (random.Chance(0.2)) {
    t.Reach("cancelled", 1.0, 5, 60, random);
    return;
  }
  t.Reach("planned", 0.6, 5, 45, random) && t.Reach("travel", 0.7, 5, 30, random) &&
      t.Reach("reintegration_follow_up", 0.85, 1, 14, random) &&
      t.Reach("completed", 0.6, 90, 365, random);
}

void PlanClocks(const DemoWorld& w, const CitizenshipProfile& profile, CasePlan& plan,
                DemoRandom& random) {
  bool authority = plan.slot_kind == SlotKind::kPoliceRegion ||
                   plan.slot_kind == SlotKind::kMunicipalSocialServices;
  bool outside_eu = !profile.country.empty() && profile.country != "SE" && !profile.eu;
  for (std::size_t i = 0; i < plan.persons.size(); ++i) {
    const PersonPlan& p = plan.persons[i];
    if (p.role != cases::PersonRole::kPresumedVictim) continue;
    int person = static_cast<int>(i);
    if (authority && outside_eu && random.Chance(0.55)) {
      AddClock(plan, w.today, "reflection_period", AddDays(plan.opened_on, random.Between(2, 10)),
               person);
    }
    if (p.child && plan.slot_kind == SlotKind::kMunicipalSocialServices) {
      AddClock(plan, w.today, "protection_assessment", plan.opened_on, person);
      if (random.Chance(0.2)) {
        CivilDate custody = AddDays(plan.opened_on, random.Between(0, 3));
        AddClock(plan, w.today, "custody_court_submission", custody, person);
        AddClock(plan, w.today, "custody_care_application", custody, person);
      }
    }
  }
  auto pi = std::find_if(plan.steps.begin(), plan.steps.end(), [](const StepPlan& s) {
    return s.track == "proceedings" && s.step == "preliminary_investigation";
  });
  if (pi != plan.steps.end() && outside_eu && random.Chance(0.5)) {
    AddClock(plan, w.today, "residence_permit_cooperation", AddDays(pi->on, random.Between(10, 60)),
             0);
  }
  if (plan.slot_kind == SlotKind::kNgo && random.Chance(0.6)) {
    CivilDate rest = AddDays(plan.opened_on, random.Between(0, 5));
    AddClock(plan, w.today, "nsp_initial_rest", rest, 0);
    if (random.Chance(0.5)) {
      AddClock(plan, w.today, "nsp_rehabilitation", AddDays(rest, 30), 0);
    }
  }
}

void PlanClosure(const DemoWorld& w, CasePlan& plan, DemoRandom& random) {
  if (DaysBetween(plan.opened_on, w.today) < 120 || !random.Chance(0.45)) return;
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
  for (const auto& s : plan.steps) last = std::max(last, s.on);
  plan.closure = reason;
  plan.closed_on = std::min(w.today, AddDays(last, random.Between(14, 200)));
}

}  // namespace

void PlanTracks(const DemoWorld& world, const CitizenshipProfile& profile, CasePlan& plan,
                DemoRandom& random) {
  PlanSupport(world, plan, random);
  PlanProceedings(world, plan, random);
  PlanReturn(world, profile, plan, random);
  PlanClocks(world, profile, plan, random);
  PlanClosure(world, plan, random);
}

}  // namespace opennrm::cli::demo
