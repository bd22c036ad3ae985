// The routing rules the product ships (data/rules/routing.toml), read the way
// the server reads them: every rule fires for a situation written for it;
// routing over every municipality of the shipped geography and the seeded
// directory names only active organisations covering the place and never the
// police for an adult without danger or wish to report; then files that must
// be refused, each naming the file, the line and the rule.
#include "cli/routing_rules_file.hpp"
#include "cli/shipped_data_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "cli/disclosure_rules_file.hpp"
#include "cli/reference_files.hpp"
#include "domain/hotline/route.hpp"
#include "domain/orgs/coverage.hpp"
#include "domain/orgs/seed.hpp"

namespace opennrm::cli {
namespace {

namespace fs = std::filesystem;
using namespace opennrm::hotline;
using orgs::Kind;
using referrals::BasisCode;

const CivilDate kToday{2026, 3, 10};

std::string DataDir() { return testing::ShippedData(); }

const RoutingRules& Shipped() {
  static const RoutingRules rules = [] {
    auto r = ReadRoutingRules(DataDir() + "/rules/routing.toml");
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? std::move(*r) : RoutingRules{};
  }();
  return rules;
}

const geo::Geography& Geo() {
  static const geo::Geography g = [] {
    auto files = ReadReferenceFiles(DataDir());
    EXPECT_TRUE(files) << (files ? "" : files.error().message);
    auto built = geo::Geography::Build(files ? files->data.geography : geo::GeographyData{});
    EXPECT_TRUE(built);
    return built ? std::move(*built) : geo::Geography{};
  }();
  return g;
}

// The seeded directory, ids = seed keys.
const std::vector<orgs::Organisation>& Seeded() {
  static const std::vector<orgs::Organisation> out = [] {
    std::vector<orgs::Organisation> v;
    for (auto& e : orgs::SeedDirectory(Geo())) {
      orgs::Organisation o;
      o.id = e.seed_key;
      o.data = std::move(e.draft);
      v.push_back(std::move(o));
    }
    return v;
  }();
  return out;
}

// The seeded directory plus one national synthetic shelter per service.
const std::vector<orgs::Organisation>& WithShelters() {
  static const std::vector<orgs::Organisation> out = [] {
    auto v = Seeded();
    for (const std::string service :
         {"shelter_women", "shelter_men", "shelter_lgbtq", "shelter_children"}) {
      orgs::Organisation o;
      o.id = "test_" + service;
      o.data.name = o.id;
      o.data.kind = Kind::kNgoShelter;
      o.data.coverage = {orgs::CoverageScope::kNational, {}};
      o.data.services = {service};
      o.data.capacity = {{"any", "any", 5}};
      o.data.occupancy = orgs::Occupancy{1, "2026-03-01"};
      v.push_back(std::move(o));
    }
    return v;
  }();
  return out;
}

Situation Base() {
  Situation s;
  s.municipality_code = "2584";  // Kiruna
  s.topic = Topic::kSuspectedTrafficking;
  s.age_group = AgeGroup::kAdult;
  s.citizenship = CitizenshipGroup::kSwedish;
  return s;
}

// A situation written for each shipped rule.
std::map<std::string, Situation> SituationPerRule() {
  std::map<std::string, Situation> m;
  m["regional_coordinator"] = Base();
  auto child = Base();
  child.age_group = AgeGroup::kChild;
  m["social_services_child"] = child;
  auto child_topic = Base();
  child_topic.topic = Topic::kChild;
  child_topic.age_group = AgeGroup::kUnknown;
  m["social_services_child_topic"] = child_topic;
  auto adult = Base();
  adult.consents_to_sharing = true;
  m["social_services_adult"] = adult;
  auto foreign = Base();
  foreign.citizenship = CitizenshipGroup::kOutsideEu;
  foreign.holds_residence_permit = false;
  m["reflection_period"] = foreign;
  auto foreign_child = foreign;
  foreign_child.age_group = AgeGroup::kChild;
  m["reflection_period_child"] = foreign_child;
  auto danger = Base();
  danger.immediate_danger = true;
  m["police_immediate_danger"] = danger;
  auto report = Base();
  report.wants_to_report_to_police = true;
  m["police_report"] = report;
  auto decided = child;
  decided.social_services_involve_police = true;
  m["police_child_social_services"] = decided;
  auto back = Base();
  back.citizenship = CitizenshipGroup::kEuEea;
  back.wish_to_return = true;
  m["iom_return"] = back;
  auto woman = Base();
  woman.gender = Gender::kFemale;
  woman.needs_shelter = true;
  m["shelter_women"] = woman;
  auto man = woman;
  man.gender = Gender::kMale;
  m["shelter_men"] = man;
  auto other = woman;
  other.gender = Gender::kOther;
  m["shelter_other_gender"] = other;
  auto girl = woman;
  girl.age_group = AgeGroup::kChild;
  m["shelter_children"] = girl;
  auto labour = Base();
  labour.forms = {cases::ExploitationForm::kLabour};
  m["work_environment_authority"] = labour;
  m["tax_agency"] = labour;
  return m;
}

const Recommendation* Find(const Routing& r, const std::string& rule_id) {
  for (const auto& rec : r.recommendations) {
    if (rec.rule_id == rule_id) return &rec;
  }
  return nullptr;
}

TEST(ShippedRoutingRules, EveryRuleFiresForItsSituation) {
  const auto situations = SituationPerRule();
  ASSERT_FALSE(Shipped().rules().empty());
  for (const auto& rule : Shipped().rules()) {
    SCOPED_TRACE(rule.id);
    auto it = situations.find(rule.id);
    ASSERT_NE(it, situations.end()) << "no situation written for this rule";
    auto r = Route(it->second, kToday, Geo(), WithShelters(), Shipped());
    ASSERT_TRUE(r) << r.error().message;
    const auto* rec = Find(*r, rule.id);
    ASSERT_NE(rec, nullptr);
    EXPECT_EQ(rec->kind, rule.recommends);
    EXPECT_FALSE(rec->reason_sv.empty());
    EXPECT_FALSE(rec->reason_en.empty());
  }
  EXPECT_EQ(situations.size(), Shipped().rules().size());
}

// Each basis a rule names is one the national unit (which refers from a
// consultation) may use towards the recommended kind, and a child-only or
// danger-only basis appears only on rules limited to that case.
TEST(ShippedRoutingRules, EveryBasisIsAvailableToTheNationalUnit) {
  auto bases = ReadDisclosureBases(DataDir() + "/rules/disclosure_bases.toml");
  ASSERT_TRUE(bases) << bases.error().message;
  for (const auto& rule : Shipped().rules()) {
    for (const auto& code : {rule.basis_with_consent, rule.basis_without_consent}) {
      if (!code) continue;
      SCOPED_TRACE(rule.id + " " + std::string(referrals::ToString(*code)));
      const auto* basis = bases->Find(*code, Kind::kNationalUnit, kToday);
      ASSERT_NE(basis, nullptr);
      EXPECT_TRUE(referrals::AllowsRecipient(*basis, rule.recommends));
      if (basis->child_only) {
        ASSERT_FALSE(rule.age_groups.empty());
        for (auto age : rule.age_groups) {
          if (age == AgeGroup::kUnknown) {
            EXPECT_EQ(rule.topics, std::vector<Topic>{Topic::kChild});
          } else {
            EXPECT_EQ(age, AgeGroup::kChild);
          }
        }
      }
      if (basis->immediate_danger_only) {
        EXPECT_NE(std::find(rule.required_facts.begin(), rule.required_facts.end(),
                            Fact::kImmediateDanger),
                  rule.required_facts.end());
      }
    }
  }
}

// Every service a rule asks for is in the shipped service list.
TEST(ShippedRoutingRules, EveryServiceIsInTheServiceList) {
  auto files = ReadReferenceFiles(DataDir());
  ASSERT_TRUE(files) << files.error().message;
  std::set<std::string> known;
  for (const auto& service : files->data.services.services) known.insert(service.code);
  ASSERT_FALSE(known.empty());
  for (const auto& rule : Shipped().rules()) {
    for (const auto& service : rule.services) {
      EXPECT_TRUE(known.count(service)) << rule.id << ": " << service;
    }
  }
}

TEST(ShippedRoutingRules, BasesFollowConsentAndTheChildTrack) {
  const auto situations = SituationPerRule();
  auto child = situations.at("social_services_child");
  auto r = Route(child, kToday, Geo(), Seeded(), Shipped());
  ASSERT_TRUE(r);
  ASSERT_NE(Find(*r, "social_services_child"), nullptr);
  EXPECT_EQ(Find(*r, "social_services_child")->basis, BasisCode::kDutyToReportChild);
  EXPECT_EQ(Find(*r, "social_services_child")->organisation_id, "municipal_social_services:2584");
  EXPECT_EQ(Find(*r, "regional_coordinator")->organisation_id, "regional_coordinator:nord");
  EXPECT_EQ(Find(*r, "regional_coordinator")->basis, std::nullopt);  // anonymous

  auto danger = situations.at("police_immediate_danger");
  r = Route(danger, kToday, Geo(), Seeded(), Shipped());
  ASSERT_TRUE(r);
  EXPECT_EQ(Find(*r, "police_immediate_danger")->basis, BasisCode::kCrimeSuspicion);

  auto adult = situations.at("social_services_adult");
  r = Route(adult, kToday, Geo(), Seeded(), Shipped());
  ASSERT_TRUE(r);
  EXPECT_EQ(Find(*r, "social_services_adult")->basis, BasisCode::kConsent);
  EXPECT_EQ(Find(*r, "regional_coordinator")->basis, BasisCode::kConsent);
}

TEST(ShippedRoutingRules, ReflectionPeriodOnlyFromTheApplicantChangeIn2022) {
  const auto foreign = SituationPerRule().at("reflection_period");
  auto before = Route(foreign, {2022, 7, 31}, Geo(), Seeded(), Shipped());
  ASSERT_TRUE(before);
  EXPECT_EQ(Find(*before, "reflection_period"), nullptr);
  auto after = Route(foreign, {2022, 8, 1}, Geo(), Seeded(), Shipped());
  ASSERT_TRUE(after);
  EXPECT_NE(Find(*after, "reflection_period"), nullptr);
}

// Issue 6: for every municipality, topic, age group and citizenship group,
// each recommendation names a real active organisation covering the place,
// and never the police for an adult not in danger who does not want to report.
TEST(ShippedRoutingRules, EveryMunicipalityRoutesToActiveCoveringOrganisations) {
  std::map<std::string, const orgs::Organisation*> by_id;
  for (const auto& o : Seeded()) by_id[o.id] = &o;
  ASSERT_EQ(Geo().municipalities().size(), 290u);
  long long checked = 0;
  for (const auto& m : Geo().municipalities()) {
    const auto place = Geo().Locate(m.code);
    ASSERT_TRUE(place);
    for (auto topic : AllTopics()) {
      for (auto age : AllAgeGroups()) {
        for (auto citizenship : AllCitizenshipGroups()) {
          for (bool consent : {false, true}) {
            Situation s;
            s.municipality_code = m.code;
            s.topic = topic;
            s.age_group = age;
            s.citizenship = citizenship;
            s.consents_to_sharing = consent;
            s.forms = {cases::ExploitationForm::kLabour};
            s.wish_to_return = true;
            auto r = Route(s, kToday, Geo(), Seeded(), Shipped());
            ASSERT_TRUE(r) << m.code << ": " << r.error().message;
            EXPECT_FALSE(r->recommendations.empty());
            for (const auto& rec : r->recommendations) {
              const auto it = by_id.find(rec.organisation_id);
              ASSERT_NE(it, by_id.end()) << rec.organisation_id;
              EXPECT_TRUE(it->second->data.active);
              EXPECT_TRUE(orgs::Covers(it->second->data.coverage, *place))
                  << rec.organisation_id << " in " << m.code;
              EXPECT_EQ(rec.kind, it->second->data.kind);
              if (age != AgeGroup::kChild) {
                EXPECT_NE(rec.kind, Kind::kPoliceRegion) << m.code << " " << rec.rule_id;
              }
              ++checked;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 290 * 7 * 3 * 4);
}

Error Refused(const std::string& text) {
  auto r = ParseRoutingRules(text, "routing.toml");
  EXPECT_FALSE(r);
  return r ? Error{} : r.error();
}

const char* kGood = R"(format = 1
[[rules]]
id = "iom_return"
recommends = "iom"
reason = "return"
reason_sv = "sv"
reason_en = "en"
requires = ["wish_to_return"]
basis_with_consent = "consent"
needs_check = false
valid_from = 2018-01-01
)";

TEST(RoutingRulesFile, ReadsAMinimalFile) {
  auto r = ParseRoutingRules(kGood, "routing.toml");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->rules().size(), 1u);
  EXPECT_EQ(r->rules()[0].recommends, Kind::kIom);
  EXPECT_EQ(r->rules()[0].required_facts, std::vector<Fact>{Fact::kWishToReturn});
  EXPECT_EQ(r->rules()[0].basis_without_consent, std::nullopt);
}

TEST(RoutingRulesFile, RefusesUnknownWordsNamingTheRuleAndLine) {
  std::string text = kGood;
  text.replace(text.find("wish_to_return"), 14, "wish_to_leave");
  const Error e = Refused(text);
  EXPECT_EQ(e.fields.front().field, "rules[0].requires[0]");
  EXPECT_EQ(e.fields.front().rule, "unknown_value");
  EXPECT_NE(e.message.find("routing.toml:8:"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("rules[0] (iom_return)"), std::string::npos) << e.message;
}

TEST(RoutingRulesFile, RefusesUnknownKeysKindsAndBases) {
  std::string typo = kGood;
  typo += "colour = \"red\"\n";
  EXPECT_EQ(Refused(typo).fields.front().rule, "unknown_key");
  std::string kind = kGood;
  kind.replace(kind.find("\"iom\""), 5, "\"bank\"");
  EXPECT_EQ(Refused(kind).fields.front().field, "rules[0].recommends");
  std::string basis = kGood;
  basis.replace(basis.find("\"consent\""), 9, "\"trust\"");
  EXPECT_EQ(Refused(basis).fields.front().field, "rules[0].basis_with_consent");
  std::string format = kGood;
  format.replace(0, 10, "format = 2");
  EXPECT_EQ(Refused(format).fields.front().rule, "unsupported");
  EXPECT_EQ(Refused("format = 1\n").fields.front().field, "rules");
}

TEST(RoutingRulesFile, RefusesAPoliceRuleWithoutATriggerNamingIt) {
  std::string text = kGood;
  text.replace(text.find("\"iom\""), 5, "\"police_region\"");
  text.replace(text.find("wish_to_return"), 14, "consents_to_sharing");
  const Error e = Refused(text);
  EXPECT_EQ(e.fields.front().rule, "police_without_trigger");
  EXPECT_NE(e.message.find("routing.toml:2:"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("iom_return"), std::string::npos) << e.message;
}

TEST(RoutingRulesFile, RefusesDuplicateIds) {
  std::string text = kGood;
  text += std::string(kGood).substr(std::string(kGood).find("[[rules]]"));
  EXPECT_EQ(Refused(text).fields.front().rule, "duplicate");
}

TEST(RoutingRulesFile, ReadsTheOrganisationsARuleNames) {
  std::string text = kGood;
  text += "organisations = [\"org-1\", \"org-2\"]\n";
  auto r = ParseRoutingRules(text, "routing.toml");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->rules()[0].organisations, (std::vector<std::string>{"org-1", "org-2"}));
  EXPECT_TRUE(Shipped().rules()[0].organisations.empty());  // the shipped rules name none
  std::string twice = kGood;
  twice += "organisations = [\"org-1\", \"org-1\"]\n";
  const Error e = Refused(twice);
  EXPECT_EQ(e.fields.front().field, "rules[0].organisations[1]");
  EXPECT_NE(e.message.find("routing.toml:2:"), std::string::npos) << e.message;
  std::string typed = kGood;
  typed += "organisations = [1]\n";
  EXPECT_EQ(Refused(typed).fields.front().field, "rules[0].organisations[0]");
}

TEST(RoutingRulesFile, MissingFileIsAnError) {
  EXPECT_FALSE(ReadRoutingRules("data/rules/no_such_routing.toml"));
}

}  // namespace
}  // namespace opennrm::cli
