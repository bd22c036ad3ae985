#include "cli/demo/child_planner.hpp"

#include "cli/demo/clock_ends.hpp"
#include "core/stockholm_date_math.hpp"
#include "domain/cases/date_of_birth.hpp"

namespace opennrm::cli::demo {

namespace {

bool FollowsChildTrack(const PersonPlan& p, CivilDate on) {
  return cases::MayBeChild(p.person.date_of_birth, p.person.claimed_minor, on);
}

// The municipality whose social services a report goes to: the keeper's own
// for municipal services, else where the child was found.
std::string ReportRecipient(const DemoWorld& w, const CasePlan& plan) {
  if (plan.slot_kind == SlotKind::kMunicipalSocialServices) return w.slots[plan.slot].municipality;
  return plan.places.municipalities.empty() ? w.slots[plan.slot].municipality
                                            : plan.places.municipalities.front();
}

// Records `r` and plans the endings of the clocks it starts.
bool Record(const DemoWorld& w, CasePlan& plan, ChildRecordPlan r, DemoRandom& random) {
  const PersonPlan& p = plan.persons[static_cast<std::size_t>(r.person)];
  if (r.on > w.today || !FollowsChildTrack(p, r.on)) return false;
  plan.actions.push_back(Action{ActionKind::kChildRecord, r.on, r.person, "", "",
                                static_cast<int>(plan.child_records.size())});
  for (const char* rule : ClockRulesOf(r.kind)) {
    // A protection assessment is made within its day or two, almost always.
    double in_time = std::string_view(rule) == "protection_assessment" ? 0.92 : 0.85;
    clocks::ClockOpening opening;
    opening.rule_id = rule;
    opening.start = r.on;
    if (auto last = LastDayOf(w, opening)) {
      PlanClockEnd(w, plan, rule, r.person, r.on, *last, in_time, random);
    }
  }
  plan.child_records.push_back(std::move(r));
  return true;
}

bool AgeDisputed(const PersonPlan& p) {
  const auto& dob = p.person.date_of_birth;
  return p.person.claimed_minor || !dob || std::holds_alternative<cases::AgeRange>(*dob);
}

}  // namespace

std::vector<const char*> ClockRulesOf(std::string_view kind) {
  if (kind == "report_of_concern") return {"protection_assessment"};
  if (kind == "immediate_custody") return {"custody_court_submission", "custody_care_application"};
  return {};
}

void PlanChildTrack(const DemoWorld& w, CasePlan& plan, DemoRandom& random) {
  for (std::size_t i = 0; i < plan.persons.size(); ++i) {
    const PersonPlan& p = plan.persons[i];
    if (!p.child || p.role != cases::PersonRole::kPresumedVictim) continue;
    int person = static_cast<int>(i);
    CivilDate reported = AddDays(plan.opened_on, random.Between(0, 1));
    if (!Record(w, plan, {"report_of_concern", reported, person, ReportRecipient(w, plan), ""},
                random)) {
      continue;
    }
    if (plan.slot_kind == SlotKind::kMunicipalSocialServices && random.Chance(0.2)) {
      Record(w, plan,
             {"immediate_custody", AddDays(reported, random.Between(0, 3)), person, "", ""},
             random);
    }
    const auto& c = p.person.citizenship;
    bool foreign = c.countries.empty() || c.countries.front() != "SE";
    // An unaccompanied child (no parent in Sweden) gets a guardian (god man).
    if (foreign && random.Chance(0.7) && p.role != cases::PersonRole::kAccompanyingChild) {
      plan.persons[i].person.unaccompanied = true;
      Record(w, plan,
             {"guardian_appointed", AddDays(plan.opened_on, random.Between(2, 20)), person,
              ReportRecipient(w, plan), ""},
             random);
    }
    if (AgeDisputed(p) && random.Chance(0.4)) {
      const char* outcomes[] = {"child", "adult", "undetermined"};
      Record(w, plan,
             {"age_assessment", AddDays(plan.opened_on, random.Between(10, 60)), person, "",
              outcomes[random.Weighted({60, 15, 25})]},
             random);
    }
    // Rarely, the child has gone missing and is not found yet.
    if (random.Chance(0.03)) {
      CivilDate gone = AddDays(w.today, -random.Between(0, 20));
      if (gone >= reported && FollowsChildTrack(p, gone)) {
        plan.actions.push_back(Action{ActionKind::kMissingAlert, gone, person, "", "", -1});
      }
    }
  }
}

}  // namespace opennrm::cli::demo
