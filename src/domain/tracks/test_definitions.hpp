// A small, synthetic definition set for the unit tests of this folder (not
// the shipped data, which src/cli/step_rules_file_test.cpp exercises).
#pragma once

#include "domain/tracks/step_definitions.hpp"

namespace opennrm::tracks::testing {

inline DefinitionSet MiniSet() {
  using access::Role;
  using access::Section;
  DefinitionSet s;
  s.version = "test-1";
  s.valid_from = {2019, 1, 1};
  s.legal_reference = "Synthetic test rules";
  s.facts = {{"indicators_recorded", Section::kAssessment},
             {"safety_plan", Section::kNeedsSafety},
             {"consent_recorded", Section::kSupport},
             {"police_report_recorded", Section::kProceedings},
             {"return_wish_recorded", Section::kReturn}};
  TrackDefinition support;
  support.kind = TrackKind::kSupport;
  support.start_steps = {"identification"};
  support.steps = {
      {"identification",
       {"indicators_recorded"},
       {Role::kSocialWorker, Role::kNgoWorker, Role::kPoliceInvestigator}},
      {"acute_protection", {"safety_plan"}, {Role::kSocialWorker, Role::kPoliceInvestigator}},
      {"initial_support", {"consent_recorded"}, {Role::kSocialWorker, Role::kNgoWorker}},
  };
  support.transitions = {{"identification", "acute_protection"},
                         {"identification", "initial_support"},
                         {"acute_protection", "initial_support"},
                         {"initial_support", "acute_protection"}};
  TrackDefinition proceedings;
  proceedings.kind = TrackKind::kProceedings;
  proceedings.authority_only = true;
  proceedings.start_steps = {"reported"};
  proceedings.steps = {
      {"reported", {"police_report_recorded"}, {Role::kPoliceInvestigator, Role::kSocialWorker}},
      {"discontinued", {}, {Role::kPoliceInvestigator}, true},
  };
  proceedings.transitions = {{"reported", "discontinued"}};
  TrackDefinition ret;
  ret.kind = TrackKind::kReturn;
  ret.start_steps = {"considered"};
  ret.steps = {
      {"considered", {"return_wish_recorded"}, {Role::kIomCaseworker, Role::kSocialWorker}},
      {"cancelled", {}, {Role::kIomCaseworker}, true},
  };
  ret.transitions = {{"considered", "cancelled"}};
  s.tracks = {support, proceedings, ret};
  return s;
}

}  // namespace opennrm::tracks::testing
