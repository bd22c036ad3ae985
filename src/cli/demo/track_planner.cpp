#include "cli/demo/track_planner.hpp"

#include <algorithm>

#include "cli/demo/step_rules.hpp"
#include "core/stockholm_date_math.hpp"

namespace opennrm::cli::demo {

namespace {

using cases::CaseType;

// Appends steps of one track while each next one is reached: its chance
// came up, it falls on or before today and the keeper's user may move there.
struct TrackWalk {
  const DemoWorld& world;
  CasePlan& plan;
  std::string track;
  CivilDate at;
  std::optional<std::string> current;
  bool going = true;

  // Reaches `step` with probability `chance`; a miss leaves the walk going.
  bool Try(const char* step, double chance, int min_days, int max_days, DemoRandom& random) {
    if (!going || !random.Chance(chance)) return false;
    CivilDate next = AddDays(at, random.Between(min_days, max_days));
    if (next > world.today || !MayMove(world, plan, track, current, step)) return going = false;
    at = next;
    current = step;
    plan.steps.push_back(StepPlan{track, step, at});
    return true;
  }
  // Reaches `step` with probability `chance`; a miss ends the walk.
  bool Reach(const char* step, double chance, int min_days, int max_days, DemoRandom& random) {
    if (!going) return false;
    if (Try(step, chance, min_days, max_days, random)) return true;
    return going = false;
  }
};

void PlanSupport(const DemoWorld& w, CasePlan& plan, DemoRandom& random) {
  TrackWalk t{w, plan, "support", plan.opened_on};
  if (!t.Reach("identification", 1.0, 0, 0, random)) return;
  bool acute = t.Try("acute_protection", 0.6, 0, 2, random);
  if (!t.Reach("initial_support", acute ? 0.8 : 0.65, 3, 20, random)) return;
  if (!t.Reach("long_term_support", 0.45, 30, 150, random)) return;
  // Now and then a new threat, and back to the plan once it is met.
  if (t.Try("acute_protection", 0.06, 20, 200, random)) {
    t.Try("long_term_support", 0.8, 3, 30, random);
  }
}

void PlanProceedings(const DemoWorld& w, CasePlan& plan, DemoRandom& random) {
  if (!OwnerIsAuthority(plan.slot_kind) || plan.type == CaseType::kProstitutionExitSupport ||
      plan.type == CaseType::kReturnOnly) {
    return;
  }
  double reported = plan.slot_kind == SlotKind::kPoliceRegion ? 0.95 : 0.35;
  TrackWalk t{w, plan, "proceedings", plan.opened_on};
  if (!t.Reach("reported", reported, 0, 14, random)) return;
  if (!t.Reach("preliminary_investigation", 0.65, 0, 30, random)) return;
  if (random.Chance(0.4)) {
    t.Reach("discontinued", 1.0, 30, 300, random);
    return;
  }
  if (!t.Reach("prosecution_decision", 0.8, 60, 300, random)) return;
  if (random.Chance(0.15)) {
    t.Reach("discontinued", 1.0, 1, 20, random);  // no indictment
    return;
  }
  if (!t.Reach("trial", 0.9, 20, 90, random) || !t.Reach("judgment", 0.95, 1, 30, random)) return;
  if (t.Try("appeal", 0.3, 7, 21, random) && random.Chance(0.7)) {
    t.Reach("judgment", 0.9, 60, 200, random);  // the court of appeal's
  }
  t.Reach("legally_binding", 0.8, 21, 90, random);
}

void PlanReturn(const DemoWorld& w, const CitizenshipProfile& profile, CasePlan& plan,
                DemoRandom& random) {
  bool foreign = !profile.country.empty() && profile.country != "--" && profile.country != "SE";
  double considered = plan.slot_kind == SlotKind::kIom ? 1.0 : foreign ? 0.10 : 0.0;
  TrackWalk t{w, plan, "return", plan.opened_on};
  if (!t.Reach("considered", considered, 0, 60, random)) return;
  if (t.Try("cancelled", plan.slot_kind == SlotKind::kIom ? 0.2 : 0.3, 5, 60, random)) return;
  t.Reach("planned", 0.6, 5, 45, random) && t.Reach("travel", 0.7, 5, 30, random) &&
      t.Reach("reintegration_follow_up", 0.85, 1, 14, random) &&
      t.Reach("completed", 0.6, 90, 365, random);
}

void AddClock(const DemoWorld& w, CasePlan& plan, ClockPlan clock, int decision_days) {
  if (clock.applied_on > w.today) return;
  clock.starts_on = AddDays(clock.applied_on, decision_days);
  clock.pending = clock.starts_on > w.today;
  plan.clocks.push_back(std::move(clock));
}

// Some applications are refused: the Migration Agency decides, and not every
// application is granted (statistics count applications and grants apart).
void MaybeRefuse(CasePlan& plan, const std::string& rule, double chance, DemoRandom& random) {
  if (plan.clocks.empty() || plan.clocks.back().rule != rule || plan.clocks.back().pending) return;
  plan.clocks.back().refused = random.Chance(chance);
}

// The national support programme's periods one after another, each from the
// day after the one before ended (the rules' default lengths).
void PlanSupportProgramme(const DemoWorld& w, CasePlan& plan, DemoRandom& random) {
  CivilDate from = AddDays(plan.opened_on, random.Between(0, 5));
  const std::pair<const char*, int> periods[] = {
      {"nsp_initial_rest", 30}, {"nsp_rehabilitation", 90}, {"nsp_integration", 45}};
  for (const auto& [rule, days] : periods) {
    ClockPlan c{rule, AddDays(from, -random.Between(1, 3)), {}, 0, "certified_provider", {}};
    const int decision_days = DaysBetween(c.applied_on, from);
    AddClock(w, plan, std::move(c), decision_days);
    if (plan.clocks.empty() || plan.clocks.back().rule != rule || plan.clocks.back().pending ||
        !random.Chance(0.55)) {
      return;
    }
    from = AddDays(from, days);
  }
}

void PlanClocks(const DemoWorld& w, const CitizenshipProfile& profile, CasePlan& plan,
                DemoRandom& random) {
  bool outside_eu = !profile.country.empty() && profile.country != "SE" && !profile.eu;
  const PersonPlan& first = plan.persons.front();
  if (OwnerIsAuthority(plan.slot_kind) && outside_eu && random.Chance(0.55)) {
    bool police = plan.slot_kind == SlotKind::kPoliceRegion;
    ClockPlan c{"reflection_period",
                AddDays(plan.opened_on, random.Between(1, 8)),
                {},
                0,
                police ? "head_of_preliminary_investigation" : "social_welfare_board",
                {"foreign_national_without_residence_permit", "reason_to_believe_victim"}};
    AddClock(w, plan, std::move(c), random.Between(1, 6));
    MaybeRefuse(plan, "reflection_period", 0.12, random);
  }
  auto pi = std::find_if(plan.steps.begin(), plan.steps.end(), [](const StepPlan& s) {
    return s.track == "proceedings" && s.step == "preliminary_investigation";
  });
  if (pi != plan.steps.end() && outside_eu && random.Chance(0.5)) {
    ClockPlan c{"residence_permit_cooperation",
                AddDays(pi->on, random.Between(10, 60)),
                {},
                0,
                "head_of_preliminary_investigation",
                {"needed_for_proceedings", "clearly_wants_to_cooperate",
                 "broke_contact_with_suspects", "public_order_and_security_allow"}};
    AddClock(w, plan, std::move(c), random.Between(7, 40));
    MaybeRefuse(plan, "residence_permit_cooperation", 0.2, random);
  }
  double programme = plan.slot_kind == SlotKind::kNgo                       ? 0.6
                     : plan.slot_kind == SlotKind::kMunicipalSocialServices ? 0.08
                                                                            : 0.0;
  if (!first.child && random.Chance(programme)) PlanSupportProgramme(w, plan, random);
}

}  // namespace

bool Reached(const CasePlan& plan, const std::string& track, const std::string& step) {
  return std::any_of(plan.steps.begin(), plan.steps.end(),
                     [&](const StepPlan& s) { return s.track == track && s.step == step; });
}

void PlanTracks(const DemoWorld& world, const CitizenshipProfile& profile, CasePlan& plan,
                DemoRandom& random) {
  PlanSupport(world, plan, random);
  PlanProceedings(world, plan, random);
  PlanReturn(world, profile, plan, random);
  PlanClocks(world, profile, plan, random);
}

}  // namespace opennrm::cli::demo
