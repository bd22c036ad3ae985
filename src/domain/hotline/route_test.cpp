// Routing over a small synthetic geography and directory, one test per rule
// of issue 6 point 4, with rules written here in the shape of
// data/rules/routing.toml (the shipped file is tested in src/cli/).
#include "domain/hotline/route.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "domain/orgs/seed.hpp"

namespace opennrm::hotline {
namespace {

using orgs::Kind;
using referrals::BasisCode;

const CivilDate kToday{2026, 3, 10};

const geo::Geography& Geo() {
  static const geo::Geography g = [] {
    geo::GeographyData d;
    d.police_regions = {{"nord", "Polisregion Nord", "Police Region North", "Umeå"},
                        {"syd", "Polisregion Syd", "Police Region South", "Malmö"}};
    d.counties = {{"25", "Norrbottens län", "Norrbotten", "BD", "nord", std::nullopt},
                  {"12", "Skåne län", "Skåne", "M", "syd", std::nullopt}};
    d.municipalities = {{"2584", "Kiruna", "25", std::nullopt},
                        {"2580", "Luleå", "25", std::nullopt},
                        {"1280", "Malmö", "12", std::nullopt}};
    return *geo::Geography::Build(std::move(d));
  }();
  return g;
}

orgs::Organisation Shelter(std::string id, std::vector<std::string> services,
                           std::vector<orgs::CapacityEntry> capacity, int occupied) {
  orgs::Organisation o;
  o.id = std::move(id);
  o.data.name = o.id;
  o.data.kind = Kind::kNgoShelter;
  o.data.coverage = {orgs::CoverageScope::kCounties, {"25"}};
  o.data.services = std::move(services);
  o.data.capacity = std::move(capacity);
  o.data.occupancy = orgs::Occupancy{occupied, "2026-03-01"};
  return o;
}

// The seeded directory (ids = seed keys) plus three shelters in Norrbotten.
std::vector<orgs::Organisation> Directory() {
  std::vector<orgs::Organisation> out;
  for (auto& e : orgs::SeedDirectory(Geo())) {
    orgs::Organisation o;
    o.id = e.seed_key;
    o.data = e.draft;
    out.push_back(std::move(o));
  }
  out.push_back(Shelter("shelter_full", {"shelter_women"}, {{"women", "adults", 4}}, 4));
  out.push_back(Shelter("shelter_free", {"shelter_women"}, {{"women", "adults", 6}}, 2));
  out.push_back(Shelter("shelter_men", {"shelter_men"}, {{"men", "adults", 3}}, 0));
  auto closed = Shelter("shelter_closed", {"shelter_women"}, {{"women", "any", 9}}, 0);
  closed.data.active = false;
  out.push_back(closed);
  return out;
}

RoutingRule Rule(std::string id, Kind kind, std::string reason) {
  RoutingRule r;
  r.id = std::move(id);
  r.recommends = kind;
  r.reason = std::move(reason);
  r.reason_sv = "sv";
  r.reason_en = "en";
  r.basis_with_consent = BasisCode::kConsent;
  r.valid_from = {2018, 1, 1};
  return r;
}

const RoutingRules& Rules() {
  static const RoutingRules rules = [] {
    std::vector<RoutingRule> v;
    v.push_back(Rule("regional_coordinator", Kind::kRegionalCoordinator, "regional_coordination"));
    auto child = Rule("social_services_child", Kind::kMunicipalSocialServices, "child_protection");
    child.age_groups = {AgeGroup::kChild};
    child.basis_with_consent = child.basis_without_consent = BasisCode::kDutyToReportChild;
    v.push_back(child);
    auto adult = Rule("social_services_adult", Kind::kMunicipalSocialServices, "support");
    adult.age_groups = {AgeGroup::kAdult, AgeGroup::kUnknown};
    adult.required_facts = {Fact::kConsentsToSharing};
    v.push_back(adult);
    auto reflection =
        Rule("reflection_period", Kind::kMunicipalSocialServices, "reflection_period");
    reflection.required_facts = {Fact::kForeignNational, Fact::kWithoutResidencePermit};
    reflection.valid_from = {2022, 8, 1};
    v.push_back(reflection);
    auto danger = Rule("police_immediate_danger", Kind::kPoliceRegion, "immediate_danger");
    danger.required_facts = {Fact::kImmediateDanger};
    danger.basis_with_consent = danger.basis_without_consent = BasisCode::kVitalInterests;
    v.push_back(danger);
    auto report = Rule("police_report", Kind::kPoliceRegion, "report_to_police");
    report.required_facts = {Fact::kWantsToReportToPolice};
    v.push_back(report);
    auto decided = Rule("police_child", Kind::kPoliceRegion, "report_to_police");
    decided.age_groups = {AgeGroup::kChild};
    decided.required_facts = {Fact::kSocialServicesInvolvePolice};
    v.push_back(decided);
    auto iom = Rule("iom_return", Kind::kIom, "return");
    iom.required_facts = {Fact::kWishToReturn, Fact::kForeignNational};
    v.push_back(iom);
    auto shelter = Rule("shelter_women", Kind::kNgoShelter, "shelter");
    shelter.genders = {Gender::kFemale};
    shelter.required_facts = {Fact::kNeedsShelter};
    shelter.services = {"shelter_women"};
    shelter.needs_free_places = true;
    v.push_back(shelter);
    auto wea = Rule("work_environment_authority", Kind::kWorkEnvironmentAuthority, "labour");
    wea.forms = {cases::ExploitationForm::kLabour};
    v.push_back(wea);
    auto tax = Rule("tax_agency", Kind::kTaxAgency, "tax");
    tax.forms = {cases::ExploitationForm::kLabour};
    v.push_back(tax);
    return *RoutingRules::Build(std::move(v));
  }();
  return rules;
}

Situation Adult(std::string municipality = "2584") {
  Situation s;
  s.municipality_code = std::move(municipality);
  s.topic = Topic::kSuspectedTrafficking;
  s.age_group = AgeGroup::kAdult;
  s.citizenship = CitizenshipGroup::kSwedish;
  return s;
}

Routing RouteOrDie(const Situation& s, CivilDate day = kToday) {
  static const auto directory = Directory();
  auto r = Route(s, day, Geo(), directory, Rules());
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? *r : Routing{};
}

// A copy, so that a temporary Routing may be searched.
std::optional<Recommendation> Find(const Routing& r, const std::string& rule_id) {
  for (const auto& rec : r.recommendations) {
    if (rec.rule_id == rule_id) return rec;
  }
  return std::nullopt;
}

bool NamesKind(const Routing& r, Kind kind) {
  return std::any_of(r.recommendations.begin(), r.recommendations.end(),
                     [&](const Recommendation& rec) { return rec.kind == kind; });
}

TEST(HotlineRoute, RegionalCoordinatorOfThePoliceRegionAnonymousWithoutConsent) {
  const auto r = RouteOrDie(Adult("2580"));
  const auto rc = Find(r, "regional_coordinator");
  ASSERT_NE(rc, std::nullopt);
  EXPECT_EQ(rc->organisation_id, "regional_coordinator:nord");
  EXPECT_EQ(rc->reason, "regional_coordination");
  EXPECT_EQ(rc->basis, std::nullopt);
  auto consenting = Adult("1280");
  consenting.consents_to_sharing = true;
  const auto south = Find(RouteOrDie(consenting), "regional_coordinator");
  ASSERT_NE(south, std::nullopt);
  EXPECT_EQ(south->organisation_id, "regional_coordinator:syd");
  EXPECT_EQ(south->basis, BasisCode::kConsent);
}

TEST(HotlineRoute, NeverThePoliceForAnAdultWithoutDangerOrWishToReport) {
  auto s = Adult();
  s.consents_to_sharing = true;
  s.social_services_involve_police = true;  // ignored for an adult
  s.forms = {cases::ExploitationForm::kSexual};
  EXPECT_FALSE(NamesKind(RouteOrDie(s), Kind::kPoliceRegion));
  s.age_group = AgeGroup::kUnknown;
  EXPECT_FALSE(NamesKind(RouteOrDie(s), Kind::kPoliceRegion));
}

TEST(HotlineRoute, PoliceOnImmediateDangerOrWishToReport) {
  auto danger = Adult();
  danger.immediate_danger = true;
  const auto p = Find(RouteOrDie(danger), "police_immediate_danger");
  ASSERT_NE(p, std::nullopt);
  EXPECT_EQ(p->organisation_id, "police_region:nord");
  EXPECT_EQ(p->basis, BasisCode::kVitalInterests);

  auto report = Adult();
  report.wants_to_report_to_police = true;
  report.consents_to_sharing = true;
  const auto q = Find(RouteOrDie(report), "police_report");
  ASSERT_NE(q, std::nullopt);
  EXPECT_EQ(q->basis, BasisCode::kConsent);
}

TEST(HotlineRoute, PoliceForAChildOnlyWhenSocialServicesDecide) {
  auto child = Adult();
  child.age_group = AgeGroup::kChild;
  EXPECT_FALSE(NamesKind(RouteOrDie(child), Kind::kPoliceRegion));
  child.social_services_involve_police = true;
  EXPECT_NE(Find(RouteOrDie(child), "police_child"), std::nullopt);
}

TEST(HotlineRoute, ChildGoesToSocialServicesOnTheDutyToReport) {
  auto child = Adult("1280");
  child.age_group = AgeGroup::kChild;
  const auto ss = Find(RouteOrDie(child), "social_services_child");
  ASSERT_NE(ss, std::nullopt);
  EXPECT_EQ(ss->organisation_id, "municipal_social_services:1280");
  EXPECT_EQ(ss->kind, Kind::kMunicipalSocialServices);
  EXPECT_EQ(ss->basis, BasisCode::kDutyToReportChild);
}

TEST(HotlineRoute, AdultGoesToSocialServicesOnlyWithConsent) {
  auto s = Adult();
  EXPECT_EQ(Find(RouteOrDie(s), "social_services_adult"), std::nullopt);
  s.consents_to_sharing = true;
  const auto ss = Find(RouteOrDie(s), "social_services_adult");
  ASSERT_NE(ss, std::nullopt);
  EXPECT_EQ(ss->organisation_id, "municipal_social_services:2584");
  EXPECT_EQ(ss->basis, BasisCode::kConsent);
}

TEST(HotlineRoute, ForeignNationalWithoutPermitGetsReflectionPeriodViaSocialServices) {
  auto s = Adult();
  s.citizenship = CitizenshipGroup::kOutsideEu;
  s.holds_residence_permit = false;
  const auto rp = Find(RouteOrDie(s), "reflection_period");
  ASSERT_NE(rp, std::nullopt);
  EXPECT_EQ(rp->organisation_id, "municipal_social_services:2584");
  EXPECT_EQ(rp->reason, "reflection_period");
  // Not known to hold one: still suggested; EU citizens too.
  s.holds_residence_permit.reset();
  s.citizenship = CitizenshipGroup::kEuEea;
  EXPECT_NE(Find(RouteOrDie(s), "reflection_period"), std::nullopt);
  // Not before the 2022 change of applicant, not with a permit, not for Swedes.
  EXPECT_EQ(Find(RouteOrDie(s, {2022, 7, 31}), "reflection_period"), std::nullopt);
  s.holds_residence_permit = true;
  EXPECT_EQ(Find(RouteOrDie(s), "reflection_period"), std::nullopt);
  auto swede = Adult();
  swede.holds_residence_permit = false;
  EXPECT_EQ(Find(RouteOrDie(swede), "reflection_period"), std::nullopt);
}

TEST(HotlineRoute, SocialServicesNamedOncePerReason) {
  auto s = Adult();
  s.citizenship = CitizenshipGroup::kOutsideEu;
  s.consents_to_sharing = true;
  const auto r = RouteOrDie(s);
  const auto n = std::count_if(r.recommendations.begin(), r.recommendations.end(),
                               [](const Recommendation& rec) {
                                 return rec.organisation_id == "municipal_social_services:2584";
                               });
  EXPECT_EQ(n, 2);  // support and reflection period
}

TEST(HotlineRoute, IomForAWishToReturn) {
  auto s = Adult();
  s.wish_to_return = true;
  EXPECT_FALSE(NamesKind(RouteOrDie(s), Kind::kIom));  // a Swede returns nowhere
  s.citizenship = CitizenshipGroup::kEuEea;
  const auto iom = Find(RouteOrDie(s), "iom_return");
  ASSERT_NE(iom, std::nullopt);
  EXPECT_EQ(iom->organisation_id, "iom");
}

TEST(HotlineRoute, SheltersWithTheRightServiceAndAFreePlace) {
  auto s = Adult();
  s.gender = Gender::kFemale;
  s.needs_shelter = true;
  const auto r = RouteOrDie(s);
  std::vector<std::string> shelters;
  for (const auto& rec : r.recommendations) {
    if (rec.kind == Kind::kNgoShelter) shelters.push_back(rec.organisation_id);
  }
  // Not the full one, not the men's, not the inactive one.
  EXPECT_EQ(shelters, std::vector<std::string>{"shelter_free"});
  EXPECT_EQ(Find(r, "shelter_women")->free_places, 4);
  // Outside the shelters' county: the rule applies but names nobody.
  auto south = s;
  south.municipality_code = "1280";
  const auto r2 = RouteOrDie(south);
  EXPECT_FALSE(NamesKind(r2, Kind::kNgoShelter));
  EXPECT_EQ(r2.rules_without_organisation, std::vector<std::string>{"shelter_women"});
}

TEST(HotlineRoute, FreePlacesCountOnlyPlacesForThePerson) {
  auto s = Adult();
  s.gender = Gender::kFemale;
  auto mixed = Shelter("mixed", {"shelter_women"},
                       {{"women", "adults", 2}, {"men", "adults", 5}, {"any", "children", 3}}, 6);
  EXPECT_EQ(FreePlaces(mixed, s), 2);  // 10 places, 6 taken, 2 for women
  mixed.data.occupancy = orgs::Occupancy{9, "2026-03-01"};
  EXPECT_EQ(FreePlaces(mixed, s), 1);
  s.gender = Gender::kUnknown;
  EXPECT_EQ(FreePlaces(mixed, s), 0);
  s.age_group = AgeGroup::kChild;
  EXPECT_EQ(FreePlaces(mixed, s), 1);
}

TEST(HotlineRoute, LabourExploitationGoesToTheWorkEnvironmentAuthorityAndTaxAgency) {
  auto s = Adult();
  s.forms = {cases::ExploitationForm::kSexual};
  EXPECT_FALSE(NamesKind(RouteOrDie(s), Kind::kWorkEnvironmentAuthority));
  s.forms.push_back(cases::ExploitationForm::kLabour);
  const auto r = RouteOrDie(s);
  const auto wea = Find(r, "work_environment_authority");
  ASSERT_NE(wea, std::nullopt);
  EXPECT_EQ(wea->organisation_id, "work_environment_authority");
  EXPECT_EQ(wea->basis, std::nullopt);
  EXPECT_NE(Find(r, "tax_agency"), std::nullopt);
}

TEST(HotlineRoute, UnknownMunicipalityIsAnErrorValue) {
  auto r = Route(Adult("9999"), kToday, Geo(), Directory(), Rules());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.front().field, "municipality_code");
  EXPECT_EQ(r.error().fields.front().rule, "unknown_code");
}

TEST(HotlineRoutingRules, RefusesAPoliceRuleWithoutATrigger) {
  auto police = Rule("police_always", Kind::kPoliceRegion, "report_to_police");
  auto r = RoutingRules::Build({police});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.front().rule, "police_without_trigger");
  // Social services' decision alone is a trigger for children only.
  police.required_facts = {Fact::kSocialServicesInvolvePolice};
  EXPECT_FALSE(RoutingRules::Build({police}));
  police.age_groups = {AgeGroup::kChild};
  EXPECT_TRUE(RoutingRules::Build({police}));
}

TEST(HotlineRoutingRules, RefusesDuplicateIdsAndBadDates) {
  const auto a = Rule("a", Kind::kIom, "return");
  auto dup = RoutingRules::Build({a, a});
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().fields.front().rule, "duplicate");
  auto late = a;
  late.valid_to = CivilDate{2017, 12, 31};
  auto bad = RoutingRules::Build({late});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.front().rule, "before_valid_from");
  auto free = a;
  free.needs_free_places = true;
  EXPECT_FALSE(RoutingRules::Build({free}));
}

TEST(HotlineSituation, WordsRoundTrip) {
  for (auto t : AllTopics()) EXPECT_EQ(ParseTopic(ToString(t)), t);
  for (auto a : AllAgeGroups()) EXPECT_EQ(ParseAgeGroup(ToString(a)), a);
  for (auto c : AllCitizenshipGroups()) EXPECT_EQ(ParseCitizenshipGroup(ToString(c)), c);
  for (auto g : AllGenders()) EXPECT_EQ(ParseGender(ToString(g)), g);
  for (auto f : AllFacts()) EXPECT_EQ(ParseFact(ToString(f)), f);
  EXPECT_FALSE(ParseTopic("Child"));
}

}  // namespace
}  // namespace opennrm::hotline
