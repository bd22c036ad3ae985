#include "cli/demo/shelter_plan.hpp"

#include <gtest/gtest.h>

#include <set>

#include "cli/demo/demo_test_support.hpp"
#include "cli/routing_rules_file.hpp"
#include "domain/hotline/route.hpp"
#include "domain/orgs/seed.hpp"
#include "domain/orgs/validation.hpp"

namespace opennrm::cli::demo {
namespace {

using testing::ShippedDataDir;
using testing::ShippedGeography;

constexpr CivilDate kToday{2026, 11, 20};

TEST(ShelterPlan, SheltersOfSeveralRegionsSomeFullSomeWithFreePlaces) {
  const auto shelters = PlanShelters(ShippedGeography(), kToday, 1);
  ASSERT_GE(shelters.size(), 10u);
  std::set<std::string> regions;
  int full = 0, free = 0;
  for (const auto& s : shelters) {
    EXPECT_EQ(s.kind, orgs::Kind::kNgoShelter);
    EXPECT_NE(s.name.find("(demo)"), std::string::npos);
    ASSERT_FALSE(s.capacity.empty()) << s.name;
    ASSERT_TRUE(s.occupancy) << s.name;
    int total = 0;
    for (const auto& c : s.capacity) total += c.places;
    EXPECT_LE(s.occupancy->occupied, total);
    (s.occupancy->occupied >= total ? full : free) += 1;
    EXPECT_LE(*ParseIsoDate(s.occupancy->reported_on), kToday);
    if (s.coverage.scope == orgs::CoverageScope::kPoliceRegions) {
      for (const auto& r : s.coverage.codes) regions.insert(r);
    } else if (s.coverage.scope == orgs::CoverageScope::kCounties) {
      for (const auto& c : s.coverage.codes) {
        regions.insert(ShippedGeography().FindCounty(c)->police_region);
      }
    }
  }
  EXPECT_GE(full, 2);
  EXPECT_GE(free, static_cast<int>(shelters.size()) / 2);
  EXPECT_EQ(regions.size(), ShippedGeography().police_regions().size()) << "every police region";
}

TEST(ShelterPlan, EverySheltersDraftIsValid) {
  const auto& d = testing::ShippedFiles().data;
  auto catalogs = ref::Catalogs::Build(d.countries, d.languages, d.services);
  ASSERT_TRUE(catalogs) << catalogs.error().message;
  for (const auto& s : PlanShelters(ShippedGeography(), kToday, 5)) {
    auto checked = orgs::Validate(s, ShippedGeography(), *catalogs, kToday);
    EXPECT_TRUE(checked) << s.name << ": " << (checked ? "" : checked.error().message);
  }
}

TEST(ShelterPlan, RoutingSuggestsAShelterWithAFreePlaceAndSkipsFullOnes) {
  auto rules = ReadRoutingRules(ShippedDataDir() + "/rules/routing.toml");
  ASSERT_TRUE(rules) << rules.error().message;
  std::vector<orgs::Organisation> directory;
  int n = 0;
  for (auto& e : orgs::SeedDirectory(ShippedGeography())) {
    directory.push_back({"seed-" + std::to_string(++n), e.draft, false, e.seed_key});
  }
  for (auto& d : PlanShelters(ShippedGeography(), kToday, 1)) {
    directory.push_back({"shelter-" + std::to_string(++n), d, false, ""});
  }
  hotline::Situation s;
  s.topic = hotline::Topic::kSuspectedTrafficking;
  s.forms = {cases::ExploitationForm::kSexual};
  s.age_group = hotline::AgeGroup::kAdult;
  s.gender = hotline::Gender::kFemale;
  s.needs_shelter = true;
  s.municipality_code = "0180";  // Stockholm: Vintergatan has places for women
  auto routed = hotline::Route(s, kToday, ShippedGeography(), directory, *rules);
  ASSERT_TRUE(routed) << routed.error().message;
  bool shelter = false;
  for (const auto& r : routed->recommendations) {
    if (r.kind != orgs::Kind::kNgoShelter) continue;
    shelter = true;
    ASSERT_TRUE(r.free_places);
    EXPECT_GT(*r.free_places, 0);
  }
  EXPECT_TRUE(shelter);
  // A man in Värmland (Bergslagen): the full men's-only capacity elsewhere is never suggested.
  s.gender = hotline::Gender::kMale;
  s.municipality_code = "1780";
  routed = hotline::Route(s, kToday, ShippedGeography(), directory, *rules);
  ASSERT_TRUE(routed);
  for (const auto& r : routed->recommendations) {
    if (r.kind == orgs::Kind::kNgoShelter) {
      EXPECT_GT(r.free_places.value_or(0), 0);
    }
  }
}

}  // namespace
}  // namespace opennrm::cli::demo
