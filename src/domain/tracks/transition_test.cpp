#include "domain/tracks/transition.hpp"

#include <gtest/gtest.h>

#include "domain/tracks/test_definitions.hpp"

namespace opennrm::tracks {
namespace {

using access::Role;
using testing::MiniSet;

const DefinitionSet& Set() {
  static const DefinitionSet s = MiniSet();
  return s;
}

// A support move by a social worker in a municipality's case, with every
// fact of the mini set recorded.
Move SupportMove(std::optional<std::string> from, std::string to) {
  Move m;
  m.track = TrackKind::kSupport;
  m.from = std::move(from);
  m.to = std::move(to);
  m.facts = {"indicators_recorded", "safety_plan", "consent_recorded"};
  m.mover_roles = {Role::kSocialWorker};
  m.owner_is_authority = true;
  return m;
}

// The single problem of a refused move.
FieldProblem Problem(const Status& st, ErrorCode code = ErrorCode::kInvalid) {
  EXPECT_FALSE(st);
  if (st) return {};
  EXPECT_EQ(st.error().code, code);
  EXPECT_EQ(st.error().fields.size(), 1u);
  return st.error().fields.empty() ? FieldProblem{} : st.error().fields[0];
}

TEST(DecideMove, StartsTheSupportTrackAtIdentification) {
  EXPECT_TRUE(DecideMove(Set(), SupportMove(std::nullopt, "identification")));
  auto p = Problem(DecideMove(Set(), SupportMove(std::nullopt, "acute_protection")));
  EXPECT_EQ(p.field, "to");
  EXPECT_EQ(p.rule, "illegal_transition");
  EXPECT_NE(p.detail.find("identification"), std::string::npos) << p.detail;
}

TEST(DecideMove, FollowsTheDefinedTransitionsOnly) {
  EXPECT_TRUE(DecideMove(Set(), SupportMove("identification", "acute_protection")));
  EXPECT_TRUE(DecideMove(Set(), SupportMove("initial_support", "acute_protection")));
  auto p = Problem(DecideMove(Set(), SupportMove("acute_protection", "identification")));
  EXPECT_EQ(p.field, "to");
  EXPECT_EQ(p.rule, "illegal_transition");
  // Staying put is not a move either.
  p = Problem(DecideMove(Set(), SupportMove("acute_protection", "acute_protection")));
  EXPECT_EQ(p.rule, "illegal_transition");
}

TEST(DecideMove, UnknownStepsAndTracksAreNamed) {
  auto p = Problem(DecideMove(Set(), SupportMove("identification", "long_term_support")));
  EXPECT_EQ(p.field, "to");
  EXPECT_EQ(p.rule, "unknown_step");
  p = Problem(DecideMove(Set(), SupportMove("intake", "acute_protection")));
  EXPECT_EQ(p.field, "from");
  EXPECT_EQ(p.rule, "unknown_step");
  auto set = MiniSet();
  set.tracks.pop_back();
  Move m;
  m.track = TrackKind::kReturn;
  m.to = "considered";
  m.mover_roles = {Role::kIomCaseworker};
  p = Problem(DecideMove(set, m));
  EXPECT_EQ(p.field, "track");
  EXPECT_EQ(p.rule, "unknown_track");
}

TEST(DecideMove, ClosedIsReachedOnlyByClosingTheCase) {
  auto p = Problem(DecideMove(Set(), SupportMove("initial_support", "closed")));
  EXPECT_EQ(p.field, "to");
  EXPECT_EQ(p.rule, "closure_required");
  p = Problem(DecideMove(Set(), SupportMove(std::nullopt, "closed")));
  EXPECT_EQ(p.rule, "closure_required");
  p = Problem(DecideMove(Set(), SupportMove("closed", "acute_protection")));
  EXPECT_EQ(p.field, "from");
  EXPECT_EQ(p.rule, "track_closed");
}

TEST(DecideMove, EveryMissingFactIsNamed) {
  auto m = SupportMove(std::nullopt, "identification");
  m.facts.clear();
  auto p = Problem(DecideMove(Set(), m));
  EXPECT_EQ(p.field, "indicators_recorded");
  EXPECT_EQ(p.rule, "missing_requirement");

  auto set = MiniSet();
  set.tracks[0].steps[1].entry_requirements = {"indicators_recorded", "safety_plan"};
  m = SupportMove("identification", "acute_protection");
  m.facts = {"consent_recorded"};
  auto st = DecideMove(set, m);
  ASSERT_FALSE(st);
  ASSERT_EQ(st.error().fields.size(), 2u);
  EXPECT_EQ(st.error().fields[0].field, "indicators_recorded");
  EXPECT_EQ(st.error().fields[1].field, "safety_plan");
  EXPECT_EQ(st.error().fields[1].rule, "missing_requirement");
}

TEST(DecideMove, OnlyTheStepsMoversMayMove) {
  auto m = SupportMove("acute_protection", "initial_support");
  m.mover_roles = {Role::kPoliceInvestigator};
  auto p = Problem(DecideMove(Set(), m), ErrorCode::kForbidden);
  EXPECT_EQ(p.field, "roles");
  EXPECT_EQ(p.rule, "role_may_not_move");
  m.mover_roles = {};
  EXPECT_EQ(Problem(DecideMove(Set(), m), ErrorCode::kForbidden).rule, "role_may_not_move");
  // One matching role among several is enough.
  m.mover_roles = {Role::kPoliceInvestigator, Role::kNgoWorker};
  EXPECT_TRUE(DecideMove(Set(), m));
  // The role check comes before the facts: a non-mover learns nothing more.
  m.mover_roles = {Role::kStatistician};
  m.facts.clear();
  EXPECT_EQ(Problem(DecideMove(Set(), m), ErrorCode::kForbidden).rule, "role_may_not_move");
}

TEST(DecideMove, ProceedingsOnlyInCasesOwnedByAnAuthority) {
  Move m;
  m.track = TrackKind::kProceedings;
  m.to = "reported";
  m.facts = {"police_report_recorded"};
  m.mover_roles = {Role::kPoliceInvestigator};
  m.owner_is_authority = true;
  EXPECT_TRUE(DecideMove(Set(), m));
  m.owner_is_authority = false;
  auto p = Problem(DecideMove(Set(), m));
  EXPECT_EQ(p.field, "track");
  EXPECT_EQ(p.rule, "track_needs_authority");
}

TEST(DecideMove, ReturnRunsInAnyOrganisationsCase) {
  Move m;
  m.track = TrackKind::kReturn;
  m.to = "considered";
  m.facts = {"return_wish_recorded"};
  m.mover_roles = {Role::kIomCaseworker};
  m.owner_is_authority = false;
  EXPECT_TRUE(DecideMove(Set(), m));
  m.from = "considered";
  m.to = "cancelled";
  EXPECT_TRUE(DecideMove(Set(), m));
}

TEST(DecideMove, SupportNeverAsksForProceedingsFacts) {
  // A case whose person takes no part in proceedings moves through support.
  std::optional<std::string> from;
  for (const char* to : {"identification", "acute_protection", "initial_support"}) {
    auto st = DecideMove(Set(), SupportMove(from, to));
    EXPECT_TRUE(st) << to;
    from = to;
  }
}

TEST(NextSteps, ListsStartsOrExitsInDefinitionOrder) {
  const TrackDefinition& support = *Set().FindTrack(TrackKind::kSupport);
  EXPECT_EQ(NextSteps(support, std::nullopt), std::vector<std::string>{"identification"});
  EXPECT_EQ(NextSteps(support, "identification"),
            (std::vector<std::string>{"acute_protection", "initial_support"}));
  EXPECT_TRUE(NextSteps(support, "nowhere").empty());
}

TEST(MissingRequirements, KeepsTheStepsOrder) {
  StepDefinition step{"s", {"a", "b", "c"}, {Role::kSocialWorker}};
  EXPECT_EQ(MissingRequirements(step, {"b"}), (std::vector<std::string>{"a", "c"}));
  EXPECT_TRUE(MissingRequirements(step, {"a", "b", "c", "d"}).empty());
}

}  // namespace
}  // namespace opennrm::tracks
