#include "cli/case_rules_files.hpp"

#include <gtest/gtest.h>

#include <set>

namespace opennrm::cli {
namespace {

// Tests run with the repository root as working directory.
const char* kOffences = "data/rules/offences.toml";
const char* kIndicators = "data/rules/indicators.toml";

const cases::OffenceCatalog& Offences() {
  static const cases::OffenceCatalog c = [] {
    auto r = ReadOffenceRules(kOffences);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : *cases::OffenceCatalog::Build({"empty", {}});
  }();
  return c;
}

const cases::IndicatorCatalog& Indicators() {
  static const cases::IndicatorCatalog c = [] {
    auto r = ReadIndicatorRules(kIndicators);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : *cases::IndicatorCatalog::Build({"empty", {2026, 1, 1}, {}, {}, {}});
  }();
  return c;
}

std::string InForceId(std::string_view offence, CivilDate day) {
  const auto* v = Offences().InForce(offence, day);
  return v ? v->id : "";
}

// --- the shipped offences -------------------------------------------------------------------

TEST(ShippedOffences, ListsTheOffencesOfTheIssue) {
  std::set<std::string> ids;
  for (const auto& o : Offences().offences()) ids.insert(o.id);
  EXPECT_EQ(ids, (std::set<std::string>{"trafficking_in_human_beings", "human_exploitation",
                                        "procuring", "purchase_of_sex", "child_sexual_act_purchase",
                                        "forced_marriage", "human_smuggling", "other"}));
  EXPECT_EQ(Offences().version(), "2025-07");
}

TEST(ShippedOffences, PurchaseOfASexualServiceWasRenamedOnFirstJuly2025) {
  const auto* before = Offences().InForce("purchase_of_sex", {2025, 6, 30});
  const auto* after = Offences().InForce("purchase_of_sex", {2025, 7, 1});
  ASSERT_NE(before, nullptr);
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(before->id, "purchase_of_sexual_service_2005");
  EXPECT_EQ(before->name_sv, "Köp av sexuell tjänst");
  EXPECT_EQ(after->id, "purchase_of_sexual_act_2025");
  EXPECT_EQ(after->name_sv, "Köp av sexuell handling");
  EXPECT_EQ(after->name_en, "Purchase of a sexual act");
  // Same provision, two dated versions.
  EXPECT_EQ(before->legal_reference, after->legal_reference);
  EXPECT_NE(before->legal_reference.find("6 kap. 11 §"), std::string::npos);
  EXPECT_EQ(before->valid_to, (CivilDate{2025, 6, 30}));
  EXPECT_FALSE(after->valid_to);
  EXPECT_EQ(InForceId("purchase_of_sex", {1999, 1, 1}), "purchase_of_sexual_services_1999");
  EXPECT_EQ(InForceId("purchase_of_sex", {2005, 3, 31}), "purchase_of_sexual_services_1999");
  EXPECT_EQ(InForceId("purchase_of_sex", {2005, 4, 1}), "purchase_of_sexual_service_2005");
  EXPECT_EQ(InForceId("purchase_of_sex", {1998, 12, 31}), "");
}

TEST(ShippedOffences, TraffickingInHumanBeingsAcrossItsVersions) {
  EXPECT_EQ(InForceId("trafficking_in_human_beings", {2002, 6, 30}), "");
  EXPECT_EQ(InForceId("trafficking_in_human_beings", {2002, 7, 1}),
            "trafficking_for_sexual_purposes_2002");
  EXPECT_EQ(InForceId("trafficking_in_human_beings", {2004, 7, 1}),
            "trafficking_in_human_beings_2004");
  EXPECT_EQ(InForceId("trafficking_in_human_beings", {2010, 6, 30}),
            "trafficking_in_human_beings_2004");
  EXPECT_EQ(InForceId("trafficking_in_human_beings", {2010, 7, 1}),
            "trafficking_in_human_beings_2010");
  EXPECT_EQ(InForceId("trafficking_in_human_beings", {2018, 6, 30}),
            "trafficking_in_human_beings_2010");
  EXPECT_EQ(InForceId("trafficking_in_human_beings", {2018, 7, 1}),
            "trafficking_in_human_beings_2018");
  const auto* v = Offences().InForce("trafficking_in_human_beings", {2026, 3, 15});
  ASSERT_NE(v, nullptr);
  EXPECT_NE(v->legal_reference.find("4 kap. 1 a §"), std::string::npos);
  // Its less serious form, and no gross grade.
  EXPECT_NE(cases::FindGrade(*v, "less_serious"), nullptr);
  EXPECT_EQ(cases::FindGrade(*v, "gross"), nullptr);
}

TEST(ShippedOffences, HumanExploitationFromFirstJuly2018WithAGrossGrade) {
  EXPECT_EQ(InForceId("human_exploitation", {2018, 6, 30}), "");
  const auto* v = Offences().InForce("human_exploitation", {2018, 7, 1});
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->id, "human_exploitation_2018");
  EXPECT_NE(v->legal_reference.find("4 kap. 1 b §"), std::string::npos);
  EXPECT_NE(cases::FindGrade(*v, "gross"), nullptr);
}

TEST(ShippedOffences, ProcuringChildPurchaseMarriageSmugglingAndOther) {
  EXPECT_EQ(InForceId("procuring", {2005, 4, 1}), "procuring_2005");
  EXPECT_EQ(InForceId("procuring", {2025, 6, 30}), "procuring_2005");
  EXPECT_EQ(InForceId("procuring", {2025, 7, 1}), "procuring_2025");
  EXPECT_NE(cases::FindGrade(*Offences().FindVersion("procuring_2025"), "gross"), nullptr);

  EXPECT_EQ(InForceId("child_sexual_act_purchase", {2019, 12, 31}),
            "purchase_of_sexual_act_from_child_2005");
  EXPECT_EQ(InForceId("child_sexual_act_purchase", {2020, 1, 1}),
            "exploitation_of_child_through_purchase_2020");
  EXPECT_EQ(Offences().FindVersion("exploitation_of_child_through_purchase_2020")->name_sv,
            "Utnyttjande av barn genom köp av sexuell handling");

  EXPECT_EQ(InForceId("forced_marriage", {2014, 6, 30}), "");
  EXPECT_EQ(InForceId("forced_marriage", {2014, 7, 1}), "forced_marriage_2014");
  EXPECT_NE(Offences().FindVersion("forced_marriage_2014")->legal_reference.find("4 kap. 4 c §"),
            std::string::npos);

  EXPECT_EQ(InForceId("human_smuggling", {2026, 1, 1}), "human_smuggling_2006");
  EXPECT_NE(Offences().FindVersion("human_smuggling_2006")->legal_reference.find("20 kap. 8 §"),
            std::string::npos);

  const auto* other = Offences().InForce("other", {1950, 1, 1});
  ASSERT_NE(other, nullptr);
  EXPECT_TRUE(other->needs_description);
}

TEST(ShippedOffences, EveryVersionIsCitedGradedAndInForceOnItsOwnDays) {
  int versions = 0;
  for (const auto& o : Offences().offences()) {
    for (const auto& v : o.versions) {
      ++versions;
      SCOPED_TRACE(v.id);
      EXPECT_EQ(v.offence_id, o.id);
      EXPECT_FALSE(v.grades.empty());
      EXPECT_NE(cases::FindGrade(v, "standard"), nullptr);
      if (!v.needs_description) {
        EXPECT_FALSE(v.sources.empty());
        EXPECT_FALSE(v.legal_reference.empty());
      }
      EXPECT_EQ(Offences().InForce(o.id, v.valid_from), &v);
      if (v.valid_to) {
        EXPECT_EQ(Offences().InForce(o.id, *v.valid_to), &v);
      }
      EXPECT_EQ(Offences().FindVersion(v.id), &v);
    }
  }
  EXPECT_EQ(versions, 15);
  EXPECT_EQ(Offences().AllInForce({2026, 3, 15}).size(), 8u);
}

// --- the shipped indicators -----------------------------------------------------------------

TEST(ShippedIndicators, EveryGroupHasIndicatorsInBothLanguages) {
  EXPECT_EQ(Indicators().version(), "2026-1");
  EXPECT_FALSE(Indicators().sources().empty());
  std::set<std::string> groups;
  for (const auto& g : Indicators().groups()) {
    SCOPED_TRACE(g.id);
    groups.insert(g.id);
    auto inds = Indicators().InGroup(g.id);
    EXPECT_GE(inds.size(), 4u);
    for (const auto* ind : inds) {
      EXPECT_EQ(Indicators().Find(ind->id), ind);
      EXPECT_FALSE(ind->text_en.empty());
      EXPECT_FALSE(ind->text_sv.empty());
    }
    EXPECT_EQ(g.children_only, g.id == "child_specific");
  }
  EXPECT_EQ(groups, (std::set<std::string>{"recruitment", "control", "movement", "work_conditions",
                                           "documents", "debt", "child_specific"}));
}

TEST(ShippedIndicators, AnAssessmentAgainstTheShippedListValidates) {
  cases::IndicatorsAssessment a{Indicators().version(), "u-1", {2026, 3, 10}, {}};
  for (const auto& g : Indicators().groups()) {
    a.answers.push_back({Indicators().InGroup(g.id).front()->id, cases::IndicatorAnswer::kYes,
                         "Synthetic evidence"});
  }
  Problems p;
  cases::CheckIndicators(a, &Indicators(), {2026, 3, 15}, "indicators", p);
  EXPECT_TRUE(p.empty());
  auto tally = cases::Tally(Indicators(), a);
  ASSERT_EQ(tally.size(), Indicators().groups().size());
  for (const auto& t : tally) EXPECT_EQ(t.yes, 1) << t.group;
}

// --- strict parsing -------------------------------------------------------------------------

const char* kGoodOffence = R"(version = "t"
[[offences]]
id = "x"
  [[offences.versions]]
  id = "x_2020"
  name_en = "X"
  name_sv = "X"
  legal_reference = "BrB"
  valid_from = 2020-01-01
  sources = ["s"]
  grades = [ { id = "standard", name_en = "X", name_sv = "X" } ]
)";

FieldProblem FirstProblem(const Result<cases::OffenceCatalog>& r) {
  EXPECT_FALSE(r);
  if (r || r.error().fields.empty()) return {};
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("test.toml"), std::string::npos) << r.error().message;
  return r.error().fields[0];
}

TEST(OffenceRulesParser, ReadsAMinimalFile) {
  auto r = ParseOffenceRules(kGoodOffence, "test.toml");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->InForce("x", {2020, 1, 1})->grades.size(), 1u);
}

TEST(OffenceRulesParser, RefusesTyposWrongTypesAndMissingKeys) {
  std::string text = kGoodOffence;
  auto typo = text;
  typo.replace(typo.find("legal_reference"), 15, "legal_referense");
  auto p = FirstProblem(ParseOffenceRules(typo, "test.toml"));
  EXPECT_EQ(p.rule, "unknown_key");
  EXPECT_EQ(p.field, "offences[0].versions[0].legal_referense");

  auto quoted = text;
  quoted.replace(quoted.find("2020-01-01"), 10, "\"2020-01-01\"");
  p = FirstProblem(ParseOffenceRules(quoted, "test.toml"));
  EXPECT_EQ(p.rule, "type");
  EXPECT_EQ(p.field, "offences[0].versions[0].valid_from");

  auto missing = text;
  missing.erase(missing.find("  sources"), std::string("  sources = [\"s\"]\n").size());
  p = FirstProblem(ParseOffenceRules(missing, "test.toml"));
  EXPECT_EQ(p.rule, "required");
  EXPECT_EQ(p.field, "offences[0].versions[0].sources");

  auto grade = text;
  const std::string inline_grade = "{ id = \"standard\", name_en = \"X\", name_sv = \"X\" }";
  grade.replace(grade.find(inline_grade), inline_grade.size(),
                "{ id = \"standard\", name_en = 1, name_sv = \"X\" }");
  p = FirstProblem(ParseOffenceRules(grade, "test.toml"));
  EXPECT_EQ(p.field, "offences[0].versions[0].grades[0].name_en");

  p = FirstProblem(ParseOffenceRules("version = \n", "test.toml"));
  EXPECT_EQ(p.rule, "toml");
}

TEST(OffenceRulesParser, RefusesOverlappingVersions) {
  std::string text = std::string(kGoodOffence) + R"(
  [[offences.versions]]
  id = "x_2021"
  name_en = "X"
  name_sv = "X"
  legal_reference = "BrB"
  valid_from = 2021-01-01
  sources = ["s"]
  grades = [ { id = "standard", name_en = "X", name_sv = "X" } ]
)";
  auto p = FirstProblem(ParseOffenceRules(text, "test.toml"));
  EXPECT_EQ(p.rule, "overlap");
  EXPECT_EQ(p.field, "offences[0].versions");
}

TEST(IndicatorRulesParser, RefusesAnIndicatorInAnUnknownGroup) {
  auto r = ParseIndicatorRules(R"(version = "t"
valid_from = 2026-01-01
sources = ["s"]
[[groups]]
id = "control"
name_en = "Control"
name_sv = "Kontroll"
[[indicators]]
id = "a"
group = "contrl"
text_en = "A"
text_sv = "A"
)",
                               "test.toml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at(0).field, "indicators[0].group");
  EXPECT_EQ(r.error().fields.at(0).rule, "unknown_group");
  EXPECT_NE(r.error().message.find("test.toml"), std::string::npos);
}

TEST(CaseRulesFiles, AMissingFileIsNamed) {
  auto r = ReadOffenceRules("data/rules/no-such-file.toml");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("no-such-file.toml"), std::string::npos);
  EXPECT_FALSE(ReadIndicatorRules("data/rules/no-such-file.toml"));
}

}  // namespace
}  // namespace opennrm::cli
