#include "cli/step_rules_file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "domain/access/policy.hpp"
#include "domain/tracks/definition_history.hpp"
#include "domain/tracks/transition.hpp"

namespace opennrm::cli {
namespace {

using access::Role;
using access::Section;
using tracks::DefinitionSet;
using tracks::Move;
using tracks::StepDefinition;
using tracks::TrackDefinition;
using tracks::TrackKind;

// The shipped file, loaded once (tests run from the repository root).
const std::vector<DefinitionSet>& Shipped() {
  static const std::vector<DefinitionSet> sets = [] {
    auto r = ReadStepRulesFile(std::string(kStepRulesPath));
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : std::vector<DefinitionSet>{};
  }();
  return sets;
}

const DefinitionSet& Manual2019() {
  static const DefinitionSet empty;
  const DefinitionSet* s = tracks::FindVersion(Shipped(), "se-manual-2019");
  EXPECT_NE(s, nullptr);
  return s ? *s : empty;
}

std::vector<Role> CaseRoles() {
  std::vector<Role> roles;
  for (Role r : access::AllRoles()) {
    if (access::HandlesCases(r)) roles.push_back(r);
  }
  return roles;
}

bool Moves(const StepDefinition& step, Role role) {
  return std::find(step.movers.begin(), step.movers.end(), role) != step.movers.end();
}

std::set<std::string> Facts(const StepDefinition& step) {
  return {step.entry_requirements.begin(), step.entry_requirements.end()};
}

// A move into `to` from `from` (nullopt: start) with the step's facts recorded.
Move MoveInto(TrackKind kind, std::optional<std::string> from, const StepDefinition& to, Role role,
              bool authority = true) {
  Move m;
  m.track = kind;
  m.from = std::move(from);
  m.to = to.id;
  m.facts = Facts(to);
  m.mover_roles = {role};
  m.owner_is_authority = authority;
  return m;
}

// Every legal way into a step: (from, to) pairs, with nullopt for a start.
std::vector<std::optional<std::string>> WaysInto(const TrackDefinition& track,
                                                 const std::string& step) {
  std::vector<std::optional<std::string>> ways;
  if (track.StartsAt(step)) ways.push_back(std::nullopt);
  for (const auto& t : track.transitions) {
    if (t.to == step) ways.push_back(t.from);
  }
  return ways;
}

std::string Rule(const Status& st) {
  if (st) return "ok";
  return st.error().fields.empty() ? "?" : st.error().fields[0].rule;
}

std::string Name(const std::optional<std::string>& from, const std::string& to) {
  return (from ? *from : std::string("(start)")) + " -> " + to;
}

// --- The shipped file ------------------------------------------------------------------------

// Every test of the shipped rules stops at once when the file does not load,
// rather than passing over an empty set.
class ShippedSteps : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(tracks::FindVersion(Shipped(), "se-manual-2019"), nullptr)
        << "data/rules/steps.toml did not load";
  }
};

TEST_F(ShippedSteps, TheShippedFileLoadsAndIsInForceFrom2019) {
  ASSERT_EQ(Shipped().size(), 1u);
  const DefinitionSet& s = Manual2019();
  EXPECT_EQ(s.valid_from, (CivilDate{2019, 1, 1}));
  EXPECT_FALSE(s.valid_to);
  EXPECT_NE(s.legal_reference.find("Manual vid misstanke om människohandel"), std::string::npos);
  EXPECT_EQ(tracks::InForceOn(Shipped(), {2018, 12, 31}), nullptr);
  EXPECT_EQ(tracks::InForceOn(Shipped(), {2019, 1, 1}), &s);
  EXPECT_EQ(tracks::InForceOn(Shipped(), {2026, 7, 15}), &s);
  ASSERT_EQ(s.tracks.size(), 3u);
  for (TrackKind k : tracks::AllTrackKinds()) EXPECT_NE(s.FindTrack(k), nullptr);
}

TEST_F(ShippedSteps, TheSupportTrackHasTheManualsFourSteps) {
  const TrackDefinition& support = *Manual2019().FindTrack(TrackKind::kSupport);
  std::vector<std::string> ids;
  for (const auto& step : support.steps) ids.push_back(step.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"identification", "acute_protection", "initial_support",
                                           "long_term_support"}));
  EXPECT_EQ(support.start_steps, std::vector<std::string>{"identification"});
  EXPECT_FALSE(support.authority_only);
}

// --- Table-driven over every rule in the file --------------------------------------------------

TEST_F(ShippedSteps, EveryTransitionIsAllowedForEachOfItsMovers) {
  int checked = 0;
  for (const auto& track : Manual2019().tracks) {
    for (const auto& t : track.transitions) {
      const StepDefinition& to = *track.FindStep(t.to);
      for (Role role : to.movers) {
        auto st = DecideMove(Manual2019(), MoveInto(track.kind, t.from, to, role));
        EXPECT_TRUE(st) << ToString(track.kind) << " " << Name(t.from, t.to) << " by "
                        << access::ToString(role) << ": " << st.error().message;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 80);
}

TEST_F(ShippedSteps, EveryStartStepStartsItsTrack) {
  for (const auto& track : Manual2019().tracks) {
    for (const auto& id : track.start_steps) {
      const StepDefinition& to = *track.FindStep(id);
      for (Role role : to.movers) {
        EXPECT_TRUE(DecideMove(Manual2019(), MoveInto(track.kind, std::nullopt, to, role)))
            << ToString(track.kind) << " starting at " << id;
      }
    }
  }
}

TEST_F(ShippedSteps, EveryOtherPairOfStepsIsAnIllegalTransition) {
  int checked = 0;
  for (const auto& track : Manual2019().tracks) {
    for (const auto& from : track.steps) {
      for (const auto& to : track.steps) {
        if (track.Allows(from.id, to.id)) continue;
        auto st = DecideMove(Manual2019(), MoveInto(track.kind, from.id, to, to.movers[0]));
        EXPECT_EQ(Rule(st), "illegal_transition") << Name(from.id, to.id);
        ++checked;
      }
      if (!track.StartsAt(from.id)) {
        auto st =
            DecideMove(Manual2019(), MoveInto(track.kind, std::nullopt, from, from.movers[0]));
        EXPECT_EQ(Rule(st), "illegal_transition") << Name(std::nullopt, from.id);
      }
    }
  }
  EXPECT_GT(checked, 60);
}

TEST_F(ShippedSteps, EveryEntryRequirementIsEnforced) {
  size_t requirements = 0;
  std::set<std::string> checked;  // "track/step/fact"
  for (const auto& track : Manual2019().tracks) {
    for (const auto& step : track.steps) {
      requirements += step.entry_requirements.size();
      for (const auto& from : WaysInto(track, step.id)) {
        for (const auto& fact : step.entry_requirements) {
          Move m = MoveInto(track.kind, from, step, step.movers[0]);
          m.facts.erase(fact);
          auto st = DecideMove(Manual2019(), m);
          ASSERT_FALSE(st) << Name(from, step.id) << " without " << fact;
          ASSERT_EQ(st.error().fields.size(), 1u);
          EXPECT_EQ(st.error().fields[0].field, fact);
          EXPECT_EQ(st.error().fields[0].rule, "missing_requirement");
          checked.insert(std::string(ToString(track.kind)) + "/" + step.id + "/" + fact);
        }
      }
    }
  }
  EXPECT_EQ(checked.size(), requirements);  // every requirement, on every way into its step
  EXPECT_GT(requirements, 25u);
}

TEST_F(ShippedSteps, EveryMoverRuleIsEnforced) {
  for (const auto& track : Manual2019().tracks) {
    for (const auto& step : track.steps) {
      for (const auto& from : WaysInto(track, step.id)) {
        for (Role role : CaseRoles()) {
          auto st = DecideMove(Manual2019(), MoveInto(track.kind, from, step, role));
          if (Moves(step, role)) {
            EXPECT_TRUE(st) << Name(from, step.id) << " by " << access::ToString(role);
          } else {
            EXPECT_EQ(Rule(st), "role_may_not_move")
                << Name(from, step.id) << " by " << access::ToString(role);
            if (!st) {
              EXPECT_EQ(st.error().code, ErrorCode::kForbidden);
            }
          }
        }
      }
    }
  }
}

TEST_F(ShippedSteps, EveryAuthorityOnlyTrackIsRefusedOutsideAuthorities) {
  for (const auto& track : Manual2019().tracks) {
    for (const auto& step : track.steps) {
      for (const auto& from : WaysInto(track, step.id)) {
        auto st = DecideMove(Manual2019(),
                             MoveInto(track.kind, from, step, step.movers[0], /*authority=*/false));
        if (track.authority_only) {
          EXPECT_EQ(Rule(st), "track_needs_authority") << Name(from, step.id);
        } else {
          EXPECT_TRUE(st) << ToString(track.kind) << " " << Name(from, step.id);
        }
      }
    }
  }
}

// --- The key rules, by hand --------------------------------------------------------------------

TEST_F(ShippedSteps, SupportNeverRequiresProceedingsOrReturnFacts) {
  const DefinitionSet& s = Manual2019();
  for (const auto& step : s.FindTrack(TrackKind::kSupport)->steps) {
    for (const auto& fact : step.entry_requirements) {
      ASSERT_NE(s.FindFact(fact), nullptr) << fact;
      EXPECT_NE(s.FindFact(fact)->section, Section::kProceedings) << step.id << " needs " << fact;
      EXPECT_NE(s.FindFact(fact)->section, Section::kReturn) << step.id << " needs " << fact;
    }
  }
  // A person who takes no part in proceedings goes all the way through support in an NGO
  // shelter's case, with support facts only.
  Move m;
  m.track = TrackKind::kSupport;
  m.mover_roles = {Role::kNgoWorker};
  m.owner_is_authority = false;
  m.facts = {"indicators_recorded",
             "presumed_victim_assessment",
             "safety_plan",
             "basic_information_given",
             "person_wishes_recorded",
             "consent_recorded",
             "needs_assessment",
             "support_plan"};
  for (const char* to : {"identification", "acute_protection", "initial_support",
                         "long_term_support", "acute_protection", "long_term_support"}) {
    m.to = to;
    auto st = DecideMove(s, m);
    EXPECT_TRUE(st) << to << ": " << (st ? "" : st.error().message);
    m.from = to;
  }
}

TEST_F(ShippedSteps, ProceedingsOnlyInCasesOwnedByAnAuthority) {
  const DefinitionSet& s = Manual2019();
  const TrackDefinition& proceedings = *s.FindTrack(TrackKind::kProceedings);
  EXPECT_TRUE(proceedings.authority_only);
  EXPECT_EQ(proceedings.start_steps, std::vector<std::string>{"reported"});
  Move m;
  m.track = TrackKind::kProceedings;
  m.to = "reported";
  m.facts = {"police_report_recorded"};
  m.mover_roles = {Role::kSocialWorker};
  m.owner_is_authority = true;
  EXPECT_TRUE(DecideMove(s, m));
  m.owner_is_authority = false;  // an NGO shelter's case
  m.mover_roles = {Role::kNgoWorker};
  auto st = DecideMove(s, m);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().fields[0].field, "track");
  EXPECT_EQ(st.error().fields[0].rule, "track_needs_authority");
  // Neither NGO nor IOM staff may move any proceedings step, even in another case.
  for (const auto& step : proceedings.steps) {
    EXPECT_FALSE(Moves(step, Role::kNgoWorker)) << step.id;
    EXPECT_FALSE(Moves(step, Role::kIomCaseworker)) << step.id;
  }
}

TEST_F(ShippedSteps, IllegalJumpsAreRefused) {
  const DefinitionSet& s = Manual2019();
  const TrackDefinition& support = *s.FindTrack(TrackKind::kSupport);
  Move m = MoveInto(TrackKind::kSupport, "identification", *support.FindStep("long_term_support"),
                    Role::kSocialWorker);
  auto st = DecideMove(s, m);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().fields[0].field, "to");
  EXPECT_EQ(st.error().fields[0].rule, "illegal_transition");
  m.from = "long_term_support";
  m.to = "identification";
  EXPECT_EQ(Rule(DecideMove(s, m)), "illegal_transition");
  // Skipping the investigation, or judging before a trial, is refused as well.
  const TrackDefinition& proceedings = *s.FindTrack(TrackKind::kProceedings);
  EXPECT_EQ(Rule(DecideMove(s, MoveInto(TrackKind::kProceedings, "reported",
                                        *proceedings.FindStep("trial"), Role::kProsecutor))),
            "illegal_transition");
  EXPECT_EQ(Rule(DecideMove(s, MoveInto(TrackKind::kProceedings, "preliminary_investigation",
                                        *proceedings.FindStep("judgment"), Role::kProsecutor))),
            "illegal_transition");
  // A return cannot travel before it is planned.
  const TrackDefinition& ret = *s.FindTrack(TrackKind::kReturn);
  EXPECT_EQ(Rule(DecideMove(s, MoveInto(TrackKind::kReturn, "considered", *ret.FindStep("travel"),
                                        Role::kIomCaseworker))),
            "illegal_transition");
}

TEST_F(ShippedSteps, ANewThreatTakesSupportBackToAcuteProtection) {
  const DefinitionSet& s = Manual2019();
  const TrackDefinition& support = *s.FindTrack(TrackKind::kSupport);
  const StepDefinition& acute = *support.FindStep("acute_protection");
  for (const char* from : {"initial_support", "long_term_support"}) {
    EXPECT_TRUE(DecideMove(s, MoveInto(TrackKind::kSupport, from, acute, Role::kSocialWorker)))
        << from;
  }
}

TEST_F(ShippedSteps, KeyEntryRequirements) {
  const TrackDefinition& support = *Manual2019().FindTrack(TrackKind::kSupport);
  auto requires_fact = [&](const char* step, const char* fact) {
    const auto& r = support.FindStep(step)->entry_requirements;
    return std::find(r.begin(), r.end(), fact) != r.end();
  };
  EXPECT_TRUE(requires_fact("acute_protection", "presumed_victim_assessment"));
  EXPECT_TRUE(requires_fact("acute_protection", "safety_plan"));
  EXPECT_FALSE(requires_fact("acute_protection", "consent_recorded"));  // protect first
  EXPECT_TRUE(requires_fact("initial_support", "person_wishes_recorded"));
  EXPECT_TRUE(requires_fact("initial_support", "consent_recorded"));
  EXPECT_TRUE(requires_fact("long_term_support", "consent_recorded"));
}

TEST_F(ShippedSteps, NoStepCanBeMovedToClosed) {
  for (const auto& track : Manual2019().tracks) {
    for (const auto& step : track.steps) {
      Move m = MoveInto(track.kind, step.id, step, step.movers[0]);
      m.to = "closed";
      EXPECT_EQ(Rule(DecideMove(Manual2019(), m)), "closure_required") << step.id;
    }
  }
}

TEST_F(ShippedSteps, TheHotlineMovesNoStep) {
  for (const auto& track : Manual2019().tracks) {
    for (const auto& step : track.steps) {
      EXPECT_FALSE(Moves(step, Role::kHotlineOperator)) << step.id;
    }
  }
}

}  // namespace
}  // namespace opennrm::cli
