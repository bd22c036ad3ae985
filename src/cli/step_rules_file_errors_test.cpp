// Files that must be refused, each naming the file and the key of the first
// problem. The shipped file's rules are tested in step_rules_file_test.cpp.
#include "cli/step_rules_file.hpp"

#include <gtest/gtest.h>

#include "domain/tracks/definition_history.hpp"

namespace opennrm::cli {
namespace {

using access::Role;
using access::Section;
using tracks::DefinitionSet;

constexpr std::string_view kMinimal = R"(
[[definition_sets]]
version = "v1"
valid_from = 2019-01-01
legal_reference = "Synthetic"
[[definition_sets.facts]]
id = "indicators_recorded"
section = "assessment"
[[definition_sets.facts]]
id = "police_report_recorded"
section = "proceedings"
[[definition_sets.tracks]]
kind = "support"
start_steps = ["identification"]
transitions = [{ from = "identification", to = "acute_protection" }]
[[definition_sets.tracks.steps]]
id = "identification"
entry_requirements = ["indicators_recorded"]
movers = ["social_worker"]
[[definition_sets.tracks.steps]]
id = "acute_protection"
ending = true
entry_requirements = []
movers = ["social_worker"]
[[definition_sets.tracks]]
kind = "proceedings"
authority_only = true
start_steps = ["reported"]
transitions = [{ from = "reported", to = "discontinued" }]
[[definition_sets.tracks.steps]]
id = "reported"
entry_requirements = ["police_report_recorded"]
movers = ["police_investigator"]
[[definition_sets.tracks.steps]]
id = "discontinued"
ending = true
entry_requirements = []
movers = ["police_investigator"]
)";

// kMinimal with the first `from` replaced by `to`.
std::string With(std::string_view from, std::string_view to) {
  std::string text(kMinimal);
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The first problem of a failed parse, checking that the message names the file.
FieldProblem First(const Result<std::vector<DefinitionSet>>& r) {
  EXPECT_FALSE(r);
  if (r) return {};
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().message.rfind("steps.toml: ", 0), 0u) << r.error().message;
  return r.error().fields.empty() ? FieldProblem{} : r.error().fields[0];
}

FieldProblem FirstWith(std::string_view from, std::string_view to) {
  return First(ParseStepRules(With(from, to), "steps.toml"));
}

TEST(StepRulesFile, TheMinimalFileParses) {
  auto r = ParseStepRules(kMinimal, "steps.toml");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const DefinitionSet& s = (*r)[0];
  EXPECT_EQ(s.version, "v1");
  EXPECT_EQ(s.facts[1].section, Section::kProceedings);
  EXPECT_TRUE(s.tracks[1].authority_only);
  EXPECT_FALSE(s.tracks[0].authority_only);  // the default
  EXPECT_TRUE(s.tracks[0].steps[1].ending);
  EXPECT_EQ(s.tracks[0].transitions[0], (tracks::Transition{"identification", "acute_protection"}));
  EXPECT_EQ(s.tracks[1].steps[0].movers, std::vector<Role>{Role::kPoliceInvestigator});
}

TEST(StepRulesFile, DatesMayBeStringsAndValidToIsRead) {
  auto r = ParseStepRules(
      With("valid_from = 2019-01-01", "valid_from = \"2019-01-01\"\nvalid_to = 2026-07-14"),
      "steps.toml");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ((*r)[0].valid_to, (CivilDate{2026, 7, 14}));
}

TEST(StepRulesFile, ASyntaxErrorNamesTheFileAndLine) {
  auto p = FirstWith("version = \"v1\"", "version = \"v1");
  EXPECT_EQ(p.rule, "toml");
  EXPECT_EQ(p.field, "steps.toml");
  EXPECT_NE(p.detail.find("line 3"), std::string::npos) << p.detail;
}

TEST(StepRulesFile, ShapeErrorsNameTheKey) {
  struct Case {
    std::string_view from, to, field, rule;
  };
  const std::vector<Case> cases{
      {"version = \"v1\"\n", "", "definition_sets[0].version", "required"},
      {"version = \"v1\"", "version = 1", "definition_sets[0].version", "type"},
      {"valid_from = 2019-01-01", "valid_from = \"2019-02-30\"", "definition_sets[0].valid_from",
       "format"},
      {"legal_reference", "reference", "definition_sets[0].reference", "unknown_key"},
      {"section = \"assessment\"", "section = \"evidence\"", "definition_sets[0].facts[0].section",
       "unknown_section"},
      {"kind = \"support\"", "kind = \"child\"", "definition_sets[0].tracks[0].kind",
       "unknown_track"},
      {"authority_only = true", "authority_only = \"yes\"",
       "definition_sets[0].tracks[1].authority_only", "type"},
      {"movers = [\"social_worker\"]", "movers = [\"social_worker\", \"counsellor\"]",
       "definition_sets[0].tracks[0].steps[0].movers[1]", "unknown_role"},
      {"movers = [\"social_worker\"]", "movers = \"social_worker\"",
       "definition_sets[0].tracks[0].steps[0].movers", "type"},
      {"entry_requirements = [\"indicators_recorded\"]\n", "",
       "definition_sets[0].tracks[0].steps[0].entry_requirements", "required"},
      {"{ from = \"identification\", to", "{ form = \"identification\", to",
       "definition_sets[0].tracks[0].transitions[0].form", "unknown_key"},
      {"ending = true\nentry_requirements = []", "label = \"Akut skydd\"\nentry_requirements = []",
       "definition_sets[0].tracks[0].steps[1].label", "unknown_key"},
  };
  for (const auto& c : cases) {
    auto p = FirstWith(c.from, c.to);
    EXPECT_EQ(p.field, c.field) << c.to;
    EXPECT_EQ(p.rule, c.rule) << c.to;
  }
  EXPECT_EQ(First(ParseStepRules("", "steps.toml")).field, "definition_sets");
  EXPECT_EQ(First(ParseStepRules("[rules]\n", "steps.toml")).rule, "unknown_key");
}

TEST(StepRulesFile, InconsistentDefinitionsNameTheKeyInTheFile) {
  auto p = FirstWith("to = \"acute_protection\"", "to = \"long_term_support\"");
  EXPECT_EQ(p.field, "definition_sets[0].tracks[0].transitions[0].to");
  EXPECT_EQ(p.rule, "unknown_step");

  p = FirstWith("entry_requirements = []\nmovers = [\"social_worker\"]",
                "entry_requirements = [\"police_report_recorded\"]\nmovers = [\"social_worker\"]");
  EXPECT_EQ(p.field, "definition_sets[0].tracks[0].steps[1].entry_requirements[0]");
  EXPECT_EQ(p.rule, "support_requires_proceedings");

  p = FirstWith("authority_only = true\n", "");
  EXPECT_EQ(p.field, "definition_sets[0].tracks[1].authority_only");
  EXPECT_EQ(p.rule, "proceedings_needs_authority");

  p = FirstWith("movers = [\"police_investigator\"]", "movers = [\"ngo_worker\"]");
  EXPECT_EQ(p.field, "definition_sets[0].tracks[1].steps[0].movers[0]");
  EXPECT_EQ(p.rule, "role_outside_authority");
}

TEST(StepRulesFile, OverlappingVersionsAreRefused) {
  std::string text(kMinimal);
  std::string second = text;
  second.replace(second.find("\"v1\""), 4, "\"v2\"");
  second.replace(second.find("2019-01-01"), 10, "2026-07-15");
  auto p = First(ParseStepRules(text + second, "steps.toml"));
  EXPECT_EQ(p.field, "definition_sets[1].valid_from");
  EXPECT_EQ(p.rule, "overlap");
  // Closing the first version the day before makes the pair valid.
  text.replace(text.find("valid_from = 2019-01-01"), 23,
               "valid_from = 2019-01-01\nvalid_to = 2026-07-14");
  auto r = ParseStepRules(text + second, "steps.toml");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(tracks::InForceOn(*r, {2026, 7, 15})->version, "v2");
}

TEST(StepRulesFile, AMissingFileIsNamed) {
  auto r = ReadStepRulesFile("data/rules/no-such-file.toml");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("no-such-file.toml"), std::string::npos);
}

}  // namespace
}  // namespace opennrm::cli
