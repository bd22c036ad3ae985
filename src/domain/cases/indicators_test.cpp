#include "domain/cases/indicators.hpp"

#include <gtest/gtest.h>

#include "domain/cases/cases_test_support.hpp"

namespace opennrm::cases {
namespace {

using testing::HasRule;
using testing::Rules;

constexpr CivilDate kToday{2026, 3, 15};

IndicatorCatalogData Data() {
  IndicatorCatalogData d;
  d.version = "test-1";
  d.valid_from = {2026, 1, 1};
  d.groups = {{"control", "Control", "Kontroll", false},
              {"documents", "Documents", "Dokument", false},
              {"child_specific", "Children", "Barn", true}};
  d.indicators = {{"control.not_free_to_leave", "control", "Not free to leave", "Inte fri"},
                  {"control.watched", "control", "Watched", "Övervakad"},
                  {"documents.withheld", "documents", "Documents withheld", "Dokument tagna"},
                  {"child.no_guardian", "child_specific", "No guardian", "Ingen vårdnadshavare"}};
  return d;
}

const IndicatorCatalog& Catalog() {
  static const IndicatorCatalog c = *IndicatorCatalog::Build(Data());
  return c;
}

std::vector<std::string> BuildRules(const IndicatorCatalogData& d) {
  auto r = IndicatorCatalog::Build(d);
  EXPECT_FALSE(r);
  return r ? std::vector<std::string>{} : Rules(Status(tl::unexpected(r.error())));
}

TEST(IndicatorCatalog, FindsIndicatorsAndGroups) {
  EXPECT_EQ(Catalog().version(), "test-1");
  ASSERT_NE(Catalog().Find("documents.withheld"), nullptr);
  EXPECT_EQ(Catalog().Find("documents.withheld")->group, "documents");
  EXPECT_EQ(Catalog().Find("nope"), nullptr);
  ASSERT_NE(Catalog().FindGroup("child_specific"), nullptr);
  EXPECT_TRUE(Catalog().FindGroup("child_specific")->children_only);
  EXPECT_EQ(Catalog().InGroup("control").size(), 2u);
}

TEST(IndicatorCatalog, RefusesBrokenData) {
  auto d = Data();
  d.version = "";
  d.indicators.push_back({"control.watched", "control", "Again", "Igen"});
  d.indicators.push_back({"debt.owed", "debt", "Debt", "Skuld"});
  d.groups.push_back({"movement", "Movement", "Rörelse", false});
  auto rules = BuildRules(d);
  EXPECT_TRUE(HasRule(rules, "version/required"));
  EXPECT_TRUE(HasRule(rules, "indicators[4].id/duplicate"));
  EXPECT_TRUE(HasRule(rules, "indicators[5].group/unknown_group"));
  EXPECT_TRUE(HasRule(rules, "groups[3].id/empty_group"));
}

IndicatorsAssessment Good() {
  return {"test-1",
          "u-1",
          {2026, 3, 10},
          {{"control.not_free_to_leave", IndicatorAnswer::kYes, "Says the door is locked at night"},
           {"documents.withheld", IndicatorAnswer::kNo, ""},
           {"control.watched", IndicatorAnswer::kNotKnown, ""}}};
}

std::vector<std::string> Check(const IndicatorsAssessment& a) {
  Problems p;
  CheckIndicators(a, &Catalog(), kToday, "indicators", p);
  return Rules(p);
}

TEST(IndicatorsAssessment, AcceptsAnswersWithEvidence) { EXPECT_TRUE(Check(Good()).empty()); }

TEST(IndicatorsAssessment, YesNeedsEvidence) {
  auto a = Good();
  a.answers[0].evidence = "  ";
  EXPECT_EQ(Check(a), std::vector<std::string>{"indicators.answers[0].evidence/evidence_required"});
}

TEST(IndicatorsAssessment, RefusesUnknownDuplicateAndOtherVersions) {
  auto a = Good();
  a.answers.push_back({"control.watched", IndicatorAnswer::kNo, ""});
  a.answers.push_back({"made.up", IndicatorAnswer::kNo, ""});
  auto rules = Check(a);
  EXPECT_EQ(rules,
            (std::vector<std::string>{"indicators.answers[3].indicator_id/duplicate",
                                      "indicators.answers[4].indicator_id/unknown_indicator"}));
  a = Good();
  a.catalog_version = "test-0";
  EXPECT_EQ(Check(a), std::vector<std::string>{"indicators.catalog_version/unknown_version"});
  Problems p;
  CheckIndicators(Good(), nullptr, kToday, "indicators", p);
  EXPECT_EQ(Rules(p), std::vector<std::string>{"indicators.catalog_version/unknown_version"});
}

TEST(IndicatorsAssessment, NeedsAnAssessorAndAPastDate) {
  auto a = Good();
  a.assessed_by = "";
  a.assessed_on = {2026, 3, 16};
  EXPECT_EQ(Check(a), (std::vector<std::string>{"indicators.assessed_by/required",
                                                "indicators.assessed_on/not_future"}));
}

TEST(IndicatorsAssessment, TallyCountsPerGroup) {
  auto tally = Tally(Catalog(), Good());
  ASSERT_EQ(tally.size(), 3u);
  EXPECT_EQ(tally[0].group, "control");
  EXPECT_EQ(tally[0].yes, 1);
  EXPECT_EQ(tally[0].not_known, 1);
  EXPECT_EQ(tally[1].no, 1);
  EXPECT_EQ(tally[2].unanswered, 1);
}

TEST(IndicatorsAssessment, AnswerNamesRoundTrip) {
  for (auto a : {IndicatorAnswer::kYes, IndicatorAnswer::kNo, IndicatorAnswer::kNotKnown}) {
    EXPECT_EQ(ParseIndicatorAnswer(ToString(a)), a);
  }
  EXPECT_FALSE(ParseIndicatorAnswer("maybe"));
}

}  // namespace
}  // namespace opennrm::cases
