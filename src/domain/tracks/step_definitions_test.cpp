#include "domain/tracks/step_definitions.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/tracks/test_definitions.hpp"

namespace opennrm::tracks {
namespace {

using access::Role;
using access::Section;
using testing::MiniSet;

// Whether the failed status names `field` with `rule`.
bool Has(const Status& st, const std::string& field, const std::string& rule) {
  if (st) return false;
  const auto& fs = st.error().fields;
  return std::any_of(fs.begin(), fs.end(),
                     [&](const FieldProblem& f) { return f.field == field && f.rule == rule; });
}

std::string Describe(const Status& st) {
  if (st) return "valid";
  std::string s;
  for (const auto& f : st.error().fields) s += f.field + "/" + f.rule + " ";
  return s;
}

TrackDefinition& Support(DefinitionSet& s) { return s.tracks[0]; }
TrackDefinition& Proceedings(DefinitionSet& s) { return s.tracks[1]; }
TrackDefinition& Return(DefinitionSet& s) { return s.tracks[2]; }

TEST(StepDefinitions, TheMiniSetIsConsistent) {
  auto st = Validate(MiniSet());
  EXPECT_TRUE(st) << Describe(st);
}

TEST(StepDefinitions, LookupsFindWhatIsDefined) {
  auto s = MiniSet();
  ASSERT_NE(s.FindTrack(TrackKind::kReturn), nullptr);
  EXPECT_EQ(s.FindTrack(TrackKind::kReturn)->kind, TrackKind::kReturn);
  const TrackDefinition& support = *s.FindTrack(TrackKind::kSupport);
  ASSERT_NE(support.FindStep("acute_protection"), nullptr);
  EXPECT_EQ(support.FindStep("acute_protection")->entry_requirements,
            std::vector<std::string>{"safety_plan"});
  EXPECT_EQ(support.FindStep("long_term_support"), nullptr);
  EXPECT_TRUE(support.Allows("identification", "acute_protection"));
  EXPECT_FALSE(support.Allows("acute_protection", "identification"));
  EXPECT_TRUE(support.StartsAt("identification"));
  EXPECT_FALSE(support.StartsAt("acute_protection"));
  ASSERT_NE(s.FindFact("safety_plan"), nullptr);
  EXPECT_EQ(s.FindFact("safety_plan")->section, Section::kNeedsSafety);
  EXPECT_EQ(s.FindFact("nothing"), nullptr);

  s.tracks.pop_back();
  EXPECT_EQ(s.FindTrack(TrackKind::kReturn), nullptr);
}

TEST(StepDefinitions, InForceOnIncludesBothEnds) {
  auto s = MiniSet();
  s.valid_to = CivilDate{2026, 7, 14};
  EXPECT_FALSE(s.InForceOn({2018, 12, 31}));
  EXPECT_TRUE(s.InForceOn({2019, 1, 1}));
  EXPECT_TRUE(s.InForceOn({2024, 2, 29}));
  EXPECT_TRUE(s.InForceOn({2026, 7, 14}));
  EXPECT_FALSE(s.InForceOn({2026, 7, 15}));
  s.valid_to.reset();
  EXPECT_TRUE(s.InForceOn({2099, 12, 31}));
}

TEST(StepDefinitions, SupportMayNotRequireAProceedingsFact) {
  auto s = MiniSet();
  Support(s).steps[2].entry_requirements.push_back("police_report_recorded");
  auto st = Validate(s);
  EXPECT_TRUE(Has(st, "tracks[0].steps[2].entry_requirements[1]", "support_requires_proceedings"))
      << Describe(st);
}

TEST(StepDefinitions, SupportMayNotWaitForTheReturn) {
  auto s = MiniSet();
  Support(s).steps[0].entry_requirements.push_back("return_wish_recorded");
  EXPECT_TRUE(
      Has(Validate(s), "tracks[0].steps[0].entry_requirements[1]", "support_requires_return"));
}

TEST(StepDefinitions, OffenceDataOnlyInAuthorityTracks) {
  auto s = MiniSet();
  Return(s).steps[0].entry_requirements.push_back("police_report_recorded");
  EXPECT_TRUE(Has(Validate(s), "tracks[2].steps[0].entry_requirements[1]",
                  "offence_data_outside_authority"));
  // Other tracks may require support facts: the return track uses consent.
  s = MiniSet();
  Return(s).steps[0].entry_requirements.push_back("consent_recorded");
  EXPECT_TRUE(Validate(s)) << Describe(Validate(s));
}

TEST(StepDefinitions, ProceedingsMustBeAuthorityOnly) {
  auto s = MiniSet();
  Proceedings(s).authority_only = false;
  auto st = Validate(s);
  EXPECT_TRUE(Has(st, "tracks[1].authority_only", "proceedings_needs_authority")) << Describe(st);
  // The proceedings fact is now also outside an authority-only track.
  EXPECT_TRUE(
      Has(st, "tracks[1].steps[0].entry_requirements[0]", "offence_data_outside_authority"));
}

TEST(StepDefinitions, AuthorityTracksOnlyNameRolesAnAuthorityHolds) {
  auto s = MiniSet();
  Proceedings(s).steps[0].movers.push_back(Role::kNgoWorker);
  Proceedings(s).steps[1].movers.push_back(Role::kIomCaseworker);
  auto st = Validate(s);
  EXPECT_TRUE(Has(st, "tracks[1].steps[0].movers[2]", "role_outside_authority")) << Describe(st);
  EXPECT_TRUE(Has(st, "tracks[1].steps[1].movers[1]", "role_outside_authority"));
}

TEST(StepDefinitions, MoversAreCaseRolesListedOnce) {
  auto s = MiniSet();
  Support(s).steps[0].movers.push_back(Role::kStatistician);
  Support(s).steps[0].movers.push_back(Role::kSocialWorker);
  Support(s).steps[1].movers.clear();
  auto st = Validate(s);
  EXPECT_TRUE(Has(st, "tracks[0].steps[0].movers[3]", "not_a_case_role")) << Describe(st);
  EXPECT_TRUE(Has(st, "tracks[0].steps[0].movers[4]", "duplicate_id"));
  EXPECT_TRUE(Has(st, "tracks[0].steps[1].movers", "required"));
}

TEST(StepDefinitions, RequirementsNameDeclaredFactsOnce) {
  auto s = MiniSet();
  Support(s).steps[1].entry_requirements = {"safety_plan", "safety_plan", "safty_plan"};
  auto st = Validate(s);
  EXPECT_TRUE(Has(st, "tracks[0].steps[1].entry_requirements[1]", "duplicate_id")) << Describe(st);
  EXPECT_TRUE(Has(st, "tracks[0].steps[1].entry_requirements[2]", "unknown_fact"));
}

TEST(StepDefinitions, FactsAreWellFormedUniqueAndUsed) {
  auto s = MiniSet();
  s.facts.push_back({"safety_plan", Section::kNeedsSafety});
  s.facts.push_back({"Bad Id", Section::kSupport});
  s.facts.push_back({"never_required", Section::kSupport});
  auto st = Validate(s);
  EXPECT_TRUE(Has(st, "facts[5].id", "duplicate_id")) << Describe(st);
  EXPECT_TRUE(Has(st, "facts[6].id", "format"));
  EXPECT_TRUE(Has(st, "facts[7].id", "unused_fact"));
}

TEST(StepDefinitions, StepIdsAreWellFormedUniqueAndNeverClosed) {
  auto s = MiniSet();
  Support(s).steps.push_back({"acute_protection", {}, {Role::kSocialWorker}});
  Support(s).steps.push_back({"closed", {}, {Role::kSocialWorker}, true});
  Support(s).steps.push_back({"", {}, {Role::kSocialWorker}, true});
  Support(s).steps.push_back({"Long-Term", {}, {Role::kSocialWorker}, true});
  auto st = Validate(s);
  EXPECT_TRUE(Has(st, "tracks[0].steps[3].id", "duplicate_id")) << Describe(st);
  EXPECT_TRUE(Has(st, "tracks[0].steps[4].id", "reserved_id"));
  EXPECT_TRUE(Has(st, "tracks[0].steps[5].id", "required"));
  EXPECT_TRUE(Has(st, "tracks[0].steps[6].id", "format"));
}

TEST(StepDefinitions, TransitionsNameKnownStepsOnce) {
  auto s = MiniSet();
  Support(s).transitions.push_back({"identification", "long_term_support"});
  Support(s).transitions.push_back({"nowhere", "acute_protection"});
  Support(s).transitions.push_back({"acute_protection", "acute_protection"});
  Support(s).transitions.push_back({"identification", "acute_protection"});
  auto st = Validate(s);
  EXPECT_TRUE(Has(st, "tracks[0].transitions[4].to", "unknown_step")) << Describe(st);
  EXPECT_TRUE(Has(st, "tracks[0].transitions[5].from", "unknown_step"));
  EXPECT_TRUE(Has(st, "tracks[0].transitions[6]", "self_transition"));
  EXPECT_TRUE(Has(st, "tracks[0].transitions[7]", "duplicate_transition"));
}

TEST(StepDefinitions, StartStepsAreRequiredAndKnown) {
  auto s = MiniSet();
  Return(s).start_steps.clear();
  Support(s).start_steps = {"identification", "identification", "intake"};
  auto st = Validate(s);
  EXPECT_TRUE(Has(st, "tracks[2].start_steps", "required")) << Describe(st);
  EXPECT_TRUE(Has(st, "tracks[0].start_steps[1]", "duplicate_id"));
  EXPECT_TRUE(Has(st, "tracks[0].start_steps[2]", "unknown_step"));
}

TEST(StepDefinitions, EveryStepIsReachableAndLeadsSomewhereUnlessAnEnding) {
  auto s = MiniSet();
  Support(s).steps.push_back({"long_term_support", {"consent_recorded"}, {Role::kSocialWorker}});
  auto st = Validate(s);
  EXPECT_TRUE(Has(st, "tracks[0].steps[3].id", "unreachable")) << Describe(st);
  EXPECT_TRUE(Has(st, "tracks[0].steps[3].id", "dead_end"));

  s = MiniSet();
  Return(s).steps[1].ending = false;  // "cancelled" has no way out
  st = Validate(s);
  EXPECT_TRUE(Has(st, "tracks[2].steps[1].id", "dead_end")) << Describe(st);
  EXPECT_FALSE(Has(st, "tracks[2].steps[1].id", "unreachable"));
}

TEST(StepDefinitions, ASetHasOneTrackOfEachKindAndASupportTrack) {
  auto s = MiniSet();
  s.tracks.push_back(s.tracks[2]);
  EXPECT_TRUE(Has(Validate(s), "tracks[3].kind", "duplicate_track"));
  s = MiniSet();
  s.tracks.erase(s.tracks.begin());
  EXPECT_TRUE(Has(Validate(s), "tracks", "required"));
  Support(s).steps.clear();
  EXPECT_TRUE(Has(Validate(s), "tracks[0].steps", "required"));
}

TEST(StepDefinitions, TheSetNamesItsVersionPeriodAndReference) {
  auto s = MiniSet();
  s.version = "";
  s.legal_reference = "";
  s.valid_to = CivilDate{2018, 12, 31};
  auto st = Validate(s);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(Has(st, "version", "required")) << Describe(st);
  EXPECT_TRUE(Has(st, "legal_reference", "required"));
  EXPECT_TRUE(Has(st, "valid_to", "date_order"));
  s = MiniSet();
  s.version = "SE manual 2019";
  EXPECT_TRUE(Has(Validate(s), "version", "format"));
  s.version = "se-nrm-2026.1";
  EXPECT_TRUE(Validate(s));
  s.valid_to = s.valid_from;  // a one-day version is odd but consistent
  EXPECT_TRUE(Validate(s));
}

}  // namespace
}  // namespace opennrm::tracks
