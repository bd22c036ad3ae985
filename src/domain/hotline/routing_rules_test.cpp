// Rules that name organisations (issue 6: "a routing rule file that names a
// missing organisation"): Build checks the list, CheckRulesAgainstDirectory
// checks it against the directory, and Route names only those organisations.
#include "domain/hotline/routing_rules.hpp"

#include <gtest/gtest.h>

#include "domain/hotline/route.hpp"

namespace opennrm::hotline {
namespace {

using orgs::Kind;

const geo::Geography& Geo() {
  static const geo::Geography g = [] {
    geo::GeographyData d;
    d.police_regions = {{"nord", "Polisregion Nord", "Police Region North", "Umeå"}};
    d.counties = {{"25", "Norrbottens län", "Norrbotten", "BD", "nord", std::nullopt}};
    d.municipalities = {{"2584", "Kiruna", "25", std::nullopt}};
    return *geo::Geography::Build(std::move(d));
  }();
  return g;
}

orgs::Organisation Org(std::string id, Kind kind, bool active = true) {
  orgs::Organisation o;
  o.id = std::move(id);
  o.data.name = "Org " + o.id;
  o.data.kind = kind;
  o.data.coverage = {orgs::CoverageScope::kNational, {}};
  o.data.active = active;
  return o;
}

const std::vector<orgs::Organisation>& Directory() {
  static const std::vector<orgs::Organisation> d = {
      Org("rc-a", Kind::kRegionalCoordinator), Org("rc-b", Kind::kRegionalCoordinator),
      Org("rc-old", Kind::kRegionalCoordinator, false), Org("iom", Kind::kIom)};
  return d;
}

RoutingRule Rule(std::vector<std::string> organisations) {
  RoutingRule r;
  r.id = "named";
  r.recommends = Kind::kRegionalCoordinator;
  r.reason = "regional_coordination";
  r.reason_sv = "sv";
  r.reason_en = "en";
  r.valid_from = {2018, 1, 1};
  r.organisations = std::move(organisations);
  return r;
}

Situation Kiruna() {
  Situation s;
  s.municipality_code = "2584";
  s.age_group = AgeGroup::kAdult;
  return s;
}

TEST(HotlineRoutingRules, ARuleNamingOrganisationsRecommendsOnlyThem) {
  auto rules = RoutingRules::Build({Rule({"rc-b"})});
  ASSERT_TRUE(rules) << rules.error().message;
  auto r = Route(Kiruna(), {2026, 3, 10}, Geo(), Directory(), *rules);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->recommendations.size(), 1u);
  EXPECT_EQ(r->recommendations[0].organisation_id, "rc-b");

  auto every = RoutingRules::Build({Rule({})});  // no list: every active one of the kind
  ASSERT_TRUE(every);
  auto all = Route(Kiruna(), {2026, 3, 10}, Geo(), Directory(), *every);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->recommendations.size(), 2u);
}

TEST(HotlineRoutingRules, BuildRefusesEmptyAndRepeatedOrganisationIds) {
  auto empty = RoutingRules::Build({Rule({"rc-a", ""})});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().fields.front().field, "rules[0].organisations[1]");
  EXPECT_EQ(empty.error().fields.front().rule, "required");
  auto twice = RoutingRules::Build({Rule({"rc-a", "rc-a"})});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().fields.front().rule, "duplicate");
}

TEST(HotlineRoutingRules, CheckedAgainstTheDirectory) {
  auto good = RoutingRules::Build({Rule({"rc-a", "rc-b"})});
  ASSERT_TRUE(good);
  EXPECT_TRUE(CheckRulesAgainstDirectory(*good, Directory()));
  struct Case {
    std::vector<std::string> ids;
    std::string field;
    std::string rule;
  };
  for (const Case& c :
       std::vector<Case>{{{"rc-a", "nobody"}, "rules[1].organisations[1]", "unknown_organisation"},
                         {{"rc-old"}, "rules[1].organisations[0]", "inactive_organisation"},
                         {{"iom"}, "rules[1].organisations[0]", "wrong_kind"}}) {
    auto first = Rule({});
    first.id = "first";
    auto rules = RoutingRules::Build({first, Rule(c.ids)});
    ASSERT_TRUE(rules) << rules.error().message;
    auto st = CheckRulesAgainstDirectory(*rules, Directory());
    ASSERT_FALSE(st) << c.rule;
    EXPECT_EQ(st.error().fields.front().field, c.field);
    EXPECT_EQ(st.error().fields.front().rule, c.rule);
    EXPECT_NE(st.error().message.find("(named)"), std::string::npos) << st.error().message;
  }
}

}  // namespace
}  // namespace opennrm::hotline
