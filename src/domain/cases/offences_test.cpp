#include "domain/cases/offences.hpp"

#include <gtest/gtest.h>

#include "domain/cases/cases_test_support.hpp"

namespace opennrm::cases {
namespace {

using testing::HasRule;

OffenceVersion V(std::string id, CivilDate from, std::optional<CivilDate> to,
                 std::vector<std::string> grades = {"standard"}) {
  OffenceVersion v;
  v.id = std::move(id);
  v.name_en = "Name " + v.id;
  v.name_sv = "Namn " + v.id;
  v.legal_reference = "BrB 6 kap. 11 §";
  v.valid_from = from;
  v.valid_to = to;
  v.sources = {"prop. (synthetic)"};
  for (auto& g : grades) v.grades.push_back({g, g + " en", g + " sv"});
  return v;
}

OffenceCatalogData Data() {
  // Written newest first on purpose: Build sorts.
  return {"test",
          {{"purchase",
            {V("purchase_2025", {2025, 7, 1}, std::nullopt),
             V("purchase_2005", {2005, 4, 1}, CivilDate{2025, 6, 30})}},
           {"exploitation",
            {V("exploitation_2018", {2018, 7, 1}, std::nullopt, {"standard", "gross"})}}}};
}

std::vector<std::string> BuildRules(OffenceCatalogData d) {
  auto r = OffenceCatalog::Build(std::move(d));
  EXPECT_FALSE(r);
  return r ? std::vector<std::string>{} : testing::Rules(Status(tl::unexpected(r.error())));
}

TEST(OffenceCatalog, PicksTheVersionInForceOnADay) {
  auto c = OffenceCatalog::Build(Data());
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->InForce("purchase", {2025, 6, 30})->id, "purchase_2005");
  EXPECT_EQ(c->InForce("purchase", {2025, 7, 1})->id, "purchase_2025");
  EXPECT_EQ(c->InForce("purchase", {2005, 3, 31}), nullptr);
  EXPECT_EQ(c->InForce("exploitation", {2018, 6, 30}), nullptr);
  EXPECT_EQ(c->InForce("nope", {2020, 1, 1}), nullptr);
  EXPECT_EQ(c->FindVersion("purchase_2005")->offence_id, "purchase");
  EXPECT_EQ(c->Find("purchase")->versions.front().id, "purchase_2005");  // sorted
  EXPECT_EQ(c->AllInForce({2010, 1, 1}).size(), 1u);
  EXPECT_EQ(c->AllInForce({2026, 1, 1}).size(), 2u);
}

TEST(OffenceCatalog, InForceDuringAPeriod) {
  auto v = V("v", {2018, 7, 1}, CivilDate{2025, 6, 30});
  EXPECT_TRUE(InForceDuring(v, {2018, 1, 1}, {2018, 7, 1}));
  EXPECT_FALSE(InForceDuring(v, {2018, 1, 1}, {2018, 6, 30}));
  EXPECT_TRUE(InForceDuring(v, {2025, 6, 30}, {2026, 1, 1}));
  EXPECT_FALSE(InForceDuring(v, {2025, 7, 1}, {2026, 1, 1}));
  EXPECT_NE(FindGrade(V("g", {2018, 1, 1}, std::nullopt, {"standard", "gross"}), "gross"), nullptr);
}

TEST(OffenceCatalog, RefusesOverlapsAndBrokenVersions) {
  auto d = Data();
  d.offences[0].versions[1].valid_to = CivilDate{2025, 7, 1};  // overlaps the 2025 version
  EXPECT_TRUE(HasRule(BuildRules(d), "offences[0].versions/overlap"));

  d = Data();
  d.offences[0].versions[1].valid_to.reset();  // two open-ended versions
  EXPECT_TRUE(HasRule(BuildRules(d), "offences[0].versions/overlap"));

  d = Data();
  d.offences[1].versions[0].valid_to = CivilDate{2018, 6, 1};
  d.offences[1].versions[0].legal_reference = "";
  d.offences[1].versions[0].grades.push_back({"gross", "Gross", "Grov"});
  auto rules = BuildRules(d);
  EXPECT_TRUE(HasRule(rules, "offences[1].versions[0].valid_to/end_before_start"));
  EXPECT_TRUE(HasRule(rules, "offences[1].versions[0].legal_reference/required"));
  EXPECT_TRUE(HasRule(rules, "offences[1].versions[0].grades[2].id/duplicate"));

  d = Data();
  d.offences.push_back(d.offences[1]);
  rules = BuildRules(d);
  EXPECT_TRUE(HasRule(rules, "offences[2].id/duplicate"));
  EXPECT_TRUE(HasRule(rules, "offences[2].versions/duplicate"));
}

}  // namespace
}  // namespace opennrm::cases
