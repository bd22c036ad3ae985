// The demo's dated actions for a fixed seed, replayed against the shipped
// rules as the server applies them: every move legal (tracks::DecideMove
// with the facts the earlier actions recorded and the keeper's role), the
// child track for children only, proceedings only where an authority keeps
// the case and valid on their day, clocks at every stage, record bodies
// that pass the domain's checks.
#include "cli/demo/action_planner.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "app/cases/track_facts.hpp"
#include "cli/demo/clock_ends.hpp"
#include "cli/demo/demo_test_support.hpp"
#include "cli/demo/planner.hpp"
#include "cli/demo/record_bodies.hpp"
#include "cli/demo/step_rules.hpp"
#include "core/stockholm_date_math.hpp"
#include "domain/cases/date_of_birth.hpp"
#include "domain/tracks/transition.hpp"

namespace opennrm::cli::demo {
namespace {

using testing::ShippedGeography;
using testing::ShippedLookups;
using testing::ShippedRules;

constexpr CivilDate kToday{2026, 3, 15};
constexpr std::uint64_t kSeed = 7;
constexpr int kSample = 4000;

const DemoWorld& World() {
  static const DemoWorld w = BuildWorld(ShippedGeography(), ShippedRules(),
                                        PlanOrganisations(ShippedGeography(), 20, kSeed), kToday);
  return w;
}

const std::vector<CasePlan>& Sample() {
  static const std::vector<CasePlan> plans = [] {
    std::vector<CasePlan> v;
    for (int i = 0; i < kSample; ++i) v.push_back(PlanCase(World(), kSeed, i));
    return v;
  }();
  return plans;
}

std::string Problems(const Status& st) {
  std::string s;
  if (!st) {
    s = st.error().message;
    for (const auto& f : st.error().fields) s += " " + f.field + ":" + f.rule;
  }
  return s;
}

TEST(DemoActions, EveryPlannedMoveIsLegalUnderTheShippedStepRules) {
  std::map<std::string, int> moves;
  for (const CasePlan& plan : Sample()) {
    const tracks::DefinitionSet* set = StepsOf(World(), plan);
    ASSERT_NE(set, nullptr);
    std::set<std::string> facts;
    std::map<tracks::TrackKind, std::optional<std::string>> at;
    CivilDate last = plan.opened_on;
    bool closed = false;
    for (const Action& a : plan.actions) {
      ASSERT_FALSE(closed) << "nothing after the closure, case " << plan.index;
      EXPECT_GE(a.on, last) << "in date order, case " << plan.index;
      EXPECT_LE(a.on, kToday);
      last = a.on;
      if (auto f = FactOf(a.kind); !f.empty()) facts.insert(std::string(f));
      if (a.kind == ActionKind::kDeclare) {
        ASSERT_NE(set->FindFact(a.id), nullptr) << a.id;
        EXPECT_EQ(app::case_internal::RecordImplying(a.id), "") << "a declaration: " << a.id;
        EXPECT_NE(set->FindFact(a.id)->section, access::Section::kProceedings);
        facts.insert(a.id);
      }
      if (a.kind == ActionKind::kProceedings) {
        for (const auto& f : app::case_internal::FactsImpliedBy(plan.proceedings[a.index])) {
          facts.insert(f);
        }
      }
      if (a.kind == ActionKind::kClose) closed = true;
      if (a.kind != ActionKind::kMove) continue;
      auto kind = tracks::ParseTrackKind(a.track);
      ASSERT_TRUE(kind) << a.track;
      tracks::Move m{*kind,
                     at[*kind],
                     a.id,
                     facts,
                     KeeperRoles(World(), plan),
                     OwnerIsAuthority(plan.slot_kind)};
      auto st = tracks::DecideMove(*set, m);
      ASSERT_TRUE(st) << "case " << plan.index << " " << a.track << " -> " << a.id << ": "
                      << Problems(st);
      at[*kind] = a.id;
      ++moves[a.track + "." + a.id];
    }
    EXPECT_EQ(closed, plan.closure.has_value());
  }
  for (const char* step :
       {"support.identification", "support.acute_protection", "support.initial_support",
        "support.long_term_support", "proceedings.reported", "proceedings.trial",
        "proceedings.legally_binding", "proceedings.discontinued", "return.considered",
        "return.completed", "return.cancelled"}) {
    EXPECT_GT(moves[step], 0) << step;
  }
  EXPECT_EQ(moves["support.identification"], kSample) << "every case starts its support track";
  EXPECT_GT(moves["support.initial_support"], kSample / 3);
}

TEST(DemoActions, ProceedingsOnlyInCasesAnAuthorityKeepsAndValidOnTheirDay) {
  auto lookups = ShippedLookups();
  lookups.offences = &*ShippedRules().offences;
  int authority = 0, with_proceedings = 0;
  for (const CasePlan& plan : Sample()) {
    bool owner_authority = OwnerIsAuthority(plan.slot_kind);
    authority += owner_authority ? 1 : 0;
    if (!owner_authority) {
      EXPECT_TRUE(plan.proceedings.empty()) << plan.index;
      for (const auto& s : plan.steps) EXPECT_NE(s.track, "proceedings") << plan.index;
      continue;
    }
    with_proceedings += plan.proceedings.empty() ? 0 : 1;
    auto kind = plan.slot_kind == SlotKind::kPoliceRegion ? orgs::Kind::kPoliceRegion
                : plan.slot_kind == SlotKind::kRegionalCoordinator
                    ? orgs::Kind::kRegionalCoordinator
                    : orgs::Kind::kMunicipalSocialServices;
    auto role_of = [&](std::string_view id) -> std::optional<cases::PersonRole> {
      std::size_t i = std::stoul(std::string(id));
      if (i >= plan.persons.size()) return std::nullopt;
      return plan.persons[i].role;
    };
    for (const Action& a : plan.actions) {
      if (a.kind != ActionKind::kProceedings) continue;
      ::opennrm::Problems problems;
      cases::CheckProceedings(plan.proceedings[a.index], kind, role_of, lookups, a.on,
                              "proceedings", problems);
      ASSERT_TRUE(problems.ToStatus()) << plan.index << Problems(problems.ToStatus());
    }
  }
  double share = with_proceedings / double(authority);
  EXPECT_GT(share, 0.25);
  EXPECT_LT(share, 0.7);
}

TEST(DemoActions, ChildrenAndOnlyChildrenGetTheChildTrack) {
  int children = 0, reported = 0, custody = 0, guardians = 0, ages = 0, alerts = 0;
  for (const CasePlan& plan : Sample()) {
    std::set<int> reported_here;
    for (const auto& r : plan.child_records) {
      const PersonPlan& p = plan.persons[r.person];
      EXPECT_TRUE(p.child) << plan.index;
      EXPECT_TRUE(cases::MayBeChild(p.person.date_of_birth, p.person.claimed_minor, r.on));
      if (r.kind == "report_of_concern") {
        reported_here.insert(r.person);
        EXPECT_FALSE(r.municipality.empty());
      }
      custody += r.kind == "immediate_custody" ? 1 : 0;
      guardians += r.kind == "guardian_appointed" ? 1 : 0;
      if (r.kind == "guardian_appointed") {
        EXPECT_TRUE(p.person.unaccompanied) << "a guardian (god man) is for an unaccompanied child";
        EXPECT_NE(p.role, cases::PersonRole::kAccompanyingChild);
      }
      ages += r.kind == "age_assessment" ? 1 : 0;
    }
    for (const Action& a : plan.actions) {
      if (a.kind != ActionKind::kMissingAlert) continue;
      ++alerts;
      EXPECT_TRUE(plan.persons[a.person].child);
      EXPECT_FALSE(plan.closure) << "a case with an open alert stays open";
    }
    for (std::size_t i = 0; i < plan.persons.size(); ++i) {
      const auto& p = plan.persons[i];
      if (p.person.unaccompanied) {
        EXPECT_TRUE(p.child) << plan.index;
      }
      if (!p.child || p.role != cases::PersonRole::kPresumedVictim) continue;
      ++children;
      reported += reported_here.count(static_cast<int>(i)) ? 1 : 0;
    }
  }
  EXPECT_GT(children, kSample / 20);
  EXPECT_GT(reported, children * 0.85) << "a report of concern for nearly every child";
  EXPECT_GT(custody, 0);
  EXPECT_GT(guardians, children / 3);
  EXPECT_GT(ages, 0);
  EXPECT_GT(alerts, 0);
  EXPECT_LT(alerts, children / 10) << "missing-child alerts are rare";
}

TEST(DemoActions, ClocksStandAtEveryStageToday) {
  std::map<std::string, int> states;
  int programme = 0;
  for (const CasePlan& plan : Sample()) {
    std::map<std::pair<std::string, int>, CivilDate> done;
    for (const Action& a : plan.actions) {
      if (a.kind == ActionKind::kClockDone) done.emplace(std::pair{a.id, a.person}, a.on);
    }
    for (const ClockPlan& c : plan.clocks) {
      programme += c.rule == "nsp_initial_rest" ? 1 : 0;
      if (c.pending) {
        ++states["applied"];
        continue;
      }
      if (c.refused) {
        ++states["refused"];
        continue;
      }
      auto clock = clocks::Clock::Open(ShippedRules().clocks, OpeningOf(c));
      ASSERT_TRUE(clock) << c.rule << " " << Problems(Status(tl::unexpected(clock.error())));
      if (auto d = done.find({c.rule, c.person}); d != done.end()) {
        ASSERT_TRUE(clock->Stop(std::max(d->second, clock->start()), clocks::StopReason::kDone));
      }
      auto status = clock->StatusOn(kToday);
      std::string state(clocks::ToString(status.state));
      const auto& reminders = clock->rule().reminder_days_before_end;
      int first = reminders.empty() ? 0 : *std::max_element(reminders.begin(), reminders.end());
      if (status.state == clocks::ClockState::kRunning && status.days_left <= first) {
        state = "ending_soon";
      }
      ++states[state];
    }
  }
  for (const char* s : {"applied", "refused", "running", "ending_soon", "overdue", "ended"}) {
    EXPECT_GT(states[s], 0) << s;
  }
  EXPECT_GT(states["ended"], states["overdue"]);
  EXPECT_GT(programme, 0) << "some adults are in the national support programme";
}

TEST(DemoActions, RecordBodiesPassTheDomainsOwnChecks) {
  auto lookups = ShippedLookups();
  const auto& catalog = *ShippedRules().indicators;
  DemoRandom random(3);
  for (int i = 0; i < 300; ++i) {
    const CasePlan& plan = Sample()[i];
    const PersonPlan& person = plan.persons.front();
    ::opennrm::Problems p;
    auto indicators = IndicatorsFor(catalog, person, plan.opened_on, random);
    indicators.assessed_by = "u-1";
    cases::CheckIndicators(indicators, &catalog, kToday, "indicators", p);
    auto assessment = AssessmentOn(plan, plan.opened_on);
    assessment.assessed_by = "u-1";
    cases::CheckAssessment(assessment, kToday, "assessment", p);
    cases::CheckSafetyPlan(SafetyPlanOn(plan.opened_on, random), kToday, "safety_plan", p);
    auto consent = ConsentOf(person, plan.opened_on);
    consent.taking.taken_by = "u-1";
    cases::CheckConsentTaking(consent.taking, person.person, lookups, kToday, "consent", p);
    ASSERT_TRUE(p.ToStatus()) << plan.index << Problems(p.ToStatus());
  }
}

}  // namespace
}  // namespace opennrm::cli::demo
