// The hotline's routing through the API (issue 6 point 4): a routing call for
// a small municipality names the regional coordinator of its police region
// with a reason and the legal basis; never the police for an adult without
// danger or a wish to report; bad input is a 422 naming the field; who may
// ask; the setup; and reloading the rules file: a good file goes into force
// (a rule naming an organisation), a bad one is refused naming the rule
// while the rules in force stay.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "case_fixture.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class HotlineRoutingApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = TempDir("opennrm-routing");
    shipped_ = ReadText(SourceDir() + "/data/rules/routing.toml");
    ASSERT_FALSE(shipped_.empty());
    WriteRules(shipped_);
    server_ = new CaseServer("[hotline]\nrouting_rules_file = \"" + RulesPath() + "\"\n");
    ASSERT_TRUE(server_->ok());
    SessionClient& admin = server_->admin();
    auto units = admin.Get("/api/v1/organisations?kind=national_unit");
    ASSERT_EQ(units.status, 200) << units.body;
    const std::string unit = units.Json()["items"][0]["id"];
    const std::string rk =
        server_->NewOrganisation("Routingtestets regionkoordinator", "regional_coordinator",
                                 json{{"scope", "police_regions"}, {"codes", {"syd"}}});
    coordinator_id_ = rk;
    const std::string soc =
        server_->NewOrganisation("Routingtestets socialtjänst", "municipal_social_services");
    const std::string police =
        server_->NewOrganisation("Routingtestets polis", "police_region",
                                 json{{"scope", "police_regions"}, {"codes", {"syd"}}});
    auto user = [&](const std::string& org, const std::string& name, const std::string& role) {
      auto* org_admin = server_->NewUser(admin, org, name + "-admin", "organisation_administrator");
      return org_admin ? server_->NewUser(*org_admin, org, name, role) : nullptr;
    };
    operator_ = user(unit, "rt-hot", "hotline_operator");
    regional_ = user(rk, "rt-reg", "regional_coordinator");
    social_ = user(soc, "rt-soc", "social_worker");
    police_ = user(police, "rt-pol", "police_investigator");
    ASSERT_TRUE(operator_ && regional_ && social_ && police_);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    std::filesystem::remove_all(dir_);
  }
  void SetUp() override { ASSERT_TRUE(server_ && server_->ok()); }

  static std::string RulesPath() { return dir_ + "/routing.toml"; }
  static void WriteRules(const std::string& text) {
    std::ofstream(RulesPath(), std::ios::binary | std::ios::trunc) << text;
  }
  // The shipped rules with `line` added after the regional coordinator rule's id.
  static std::string ShippedWith(const std::string& line) {
    std::string text = shipped_;
    const std::string id = "id = \"regional_coordinator\"\n";
    text.insert(text.find(id) + id.size(), line + "\n");
    return text;
  }

  // A labour-exploitation situation of an adult from outside the EU.
  static json BerryPicker(const std::string& municipality = "2506") {
    return json{{"municipality_code", municipality},
                {"topic", "suspected_trafficking"},
                {"forms", {"labour"}},
                {"age_group", "adult"},
                {"citizenship", "outside_eu"},
                {"holds_residence_permit", false},
                {"wants_to_report_to_police", false},
                {"wish_to_return", false},
                {"gender", "male"},
                {"needs_shelter", false},
                {"immediate_danger", false},
                {"consents_to_sharing", true},
                {"social_services_involve_police", nullptr}};
  }
  static HttpResponse Route(SessionClient& who, const json& situation) {
    return who.Post("/api/v1/hotline/routing", situation.dump());
  }
  static std::vector<json> OfKind(const json& routing, const std::string& kind) {
    std::vector<json> out;
    for (const auto& r : routing["recommendations"]) {
      if (r["organisation"]["kind"] == kind) out.push_back(r);
    }
    return out;
  }

  static inline std::string dir_;
  static inline std::string shipped_;
  static inline std::string coordinator_id_;
  static inline CaseServer* server_ = nullptr;
  static inline SessionClient* operator_ = nullptr;
  static inline SessionClient* regional_ = nullptr;
  static inline SessionClient* social_ = nullptr;
  static inline SessionClient* police_ = nullptr;
};

TEST_F(HotlineRoutingApi, ASmallMunicipalityGoesToTheRegionalCoordinatorOfItsPoliceRegion) {
  auto r = Route(*social_, BerryPicker("2506"));  // Arjeplog, Norrbotten, police region Nord
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  EXPECT_EQ(j["place"]["municipality"], (json{{"code", "2506"}, {"name", "Arjeplog"}}));
  EXPECT_EQ(j["place"]["county"]["code"], "25");
  EXPECT_EQ(j["place"]["police_region"]["code"], "nord");
  EXPECT_EQ(j["place"]["police_region"]["name"], "Polisregion Nord");
  const auto rc = OfKind(j, "regional_coordinator");
  ASSERT_EQ(rc.size(), 1u) << j.dump(2);
  EXPECT_EQ(rc[0]["organisation"]["name"], "Regionkoordinator, polisregion Nord");
  EXPECT_EQ(rc[0]["reason"], "regional_coordination");
  EXPECT_FALSE(rc[0]["reason_sv"].get<std::string>().empty());
  EXPECT_EQ(rc[0]["rule_id"], "regional_coordinator");
  ASSERT_TRUE(rc[0]["basis"].is_object()) << rc[0].dump();
  EXPECT_EQ(rc[0]["basis"]["code"], "consent");
  EXPECT_FALSE(rc[0]["basis"]["title_en"].get<std::string>().empty());
  EXPECT_FALSE(rc[0]["basis"]["legal_reference_sv"].get<std::string>().empty());
  // A knowledge-base article linked from the reason, when the base holds one.
  const json& article = rc[0]["article"];
  EXPECT_TRUE(article.is_null() || (article["id"].is_string() && article["title_sv"].is_string()))
      << article.dump();
  EXPECT_TRUE(rc[0]["free_places"].is_null());
  // The municipality's social services for the reflection period; the labour authorities.
  bool reflection = false;
  for (const auto& s : OfKind(j, "municipal_social_services")) {
    reflection = reflection || s["reason"] == "reflection_period";
  }
  EXPECT_TRUE(reflection) << j.dump(2);
  EXPECT_EQ(OfKind(j, "work_environment_authority").size(), 1u);
  EXPECT_EQ(OfKind(j, "tax_agency").size(), 1u);
  EXPECT_TRUE(OfKind(j, "police_region").empty());
  // Without consent: the coordinator is still named, with nothing identifying shared.
  auto anonymous = BerryPicker("2506");
  anonymous["consents_to_sharing"] = false;
  auto a = Route(*operator_, anonymous);
  ASSERT_EQ(a.status, 200) << a.body;
  const auto rc2 = OfKind(a.Json(), "regional_coordinator");
  ASSERT_EQ(rc2.size(), 1u);
  EXPECT_TRUE(rc2[0]["basis"].is_null());
}

TEST_F(HotlineRoutingApi, NeverThePoliceForAnAdultWithoutDangerOrAWishToReport) {
  for (const char* municipality : {"2506", "0180", "1280", "2418"}) {
    auto s = BerryPicker(municipality);
    s["forms"] = {"sexual", "labour"};
    s["citizenship"] = "swedish";
    for (bool consent : {true, false}) {
      s["consents_to_sharing"] = consent;
      s["social_services_involve_police"] = true;  // for an adult it decides nothing
      auto r = Route(*regional_, s);
      ASSERT_EQ(r.status, 200) << r.body;
      EXPECT_TRUE(OfKind(r.Json(), "police_region").empty()) << municipality << r.body;
    }
  }
  auto danger = BerryPicker("2506");
  danger["immediate_danger"] = true;
  auto r = Route(*operator_, danger);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto police = OfKind(r.Json(), "police_region");
  ASSERT_EQ(police.size(), 1u) << r.body;
  EXPECT_EQ(police[0]["organisation"]["name"], "Polisregion Nord");
  EXPECT_EQ(police[0]["reason"], "immediate_danger");
}

TEST_F(HotlineRoutingApi, BadInputIsA422NamingTheField) {
  auto unknown = BerryPicker("9999");
  EXPECT_TRUE(Refused(Route(*social_, unknown), "municipality_code", "unknown_code"));
  auto topic = BerryPicker();
  topic["topic"] = "gossip";
  EXPECT_TRUE(Refused(Route(*social_, topic), "topic", "unknown_code"));
  auto form = BerryPicker();
  form["forms"] = {"labour", "berries"};
  EXPECT_TRUE(Refused(Route(*social_, form), "forms[1]", "unknown_code"));
  auto typed = BerryPicker();
  typed["immediate_danger"] = "yes";
  EXPECT_TRUE(Refused(Route(*social_, typed), "immediate_danger", "type"));
  auto age = BerryPicker();
  age["age_group"] = 17;
  EXPECT_TRUE(Refused(Route(*social_, age), "age_group", "type"));
  auto extra = BerryPicker();
  extra["name"] = "Anna";  // the situation names nobody
  EXPECT_TRUE(Refused(Route(*social_, extra), "name", "unknown_field"));
  auto missing = BerryPicker();
  missing.erase("municipality_code");
  EXPECT_TRUE(Refused(Route(*social_, missing), "municipality_code", "required"));
}

TEST_F(HotlineRoutingApi, OnlyTheRolesThatTalkToTheHotlineMayAsk) {
  for (SessionClient* allowed : {operator_, regional_, social_}) {
    EXPECT_EQ(Route(*allowed, BerryPicker()).status, 200);
    EXPECT_EQ(allowed->Get("/api/v1/hotline/setup").status, 200);
    EXPECT_EQ(allowed->Post("/api/v1/admin/hotline/routing-rules/reload", "{}").status, 403);
  }
  for (SessionClient* denied : {police_, &server_->admin()}) {
    EXPECT_EQ(Route(*denied, BerryPicker()).status, 403);
    EXPECT_EQ(denied->Get("/api/v1/hotline/setup").status, 403);
  }
  EXPECT_EQ(
      Request(server_->server().port(), "POST", "/api/v1/hotline/routing", BerryPicker().dump())
          .status,
      401);
}

TEST_F(HotlineRoutingApi, TheSetupGivesOfficeHoursNumbersWordsAndTheRulesInForce) {
  auto r = operator_->Get("/api/v1/hotline/setup");
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  EXPECT_EQ(j["office_hours"]["weekdays"], (json{1, 2, 3, 4, 5}));
  EXPECT_EQ(j["office_hours"]["opens"], "09:00");
  EXPECT_EQ(j["office_hours"]["closes"], "16:00");
  ASSERT_TRUE(j["office_hours"]["open_now"].is_boolean());
  // Closed now: the next opening is ahead; open: none is given.
  if (j["office_hours"]["open_now"].get<bool>()) {
    EXPECT_TRUE(j["office_hours"]["next_opening_at_us"].is_null());
  } else {
    ASSERT_TRUE(j["office_hours"]["next_opening_at_us"].is_number_integer()) << r.body;
  }
  EXPECT_EQ(j["numbers"]["emergency"], "112");
  EXPECT_EQ(j["numbers"]["police"], "114 14");
  EXPECT_EQ(j["numbers"]["victim_support"], "116 006");
  EXPECT_EQ(j["numbers"]["hotline"], "020-390 000");
  EXPECT_NE(std::find(j["topics"].begin(), j["topics"].end(), "suspected_trafficking"),
            j["topics"].end());
  EXPECT_FALSE(j["channels"].empty());
  EXPECT_FALSE(j["urgencies"].empty());
  EXPECT_FALSE(j["danger_steps"].empty());
  EXPECT_EQ(j["routing_rules"]["rules"], 16);
  EXPECT_GT(j["routing_rules"]["loaded_at_us"].get<long long>(), 0);
}

TEST_F(HotlineRoutingApi, ReloadPutsAGoodFileInForceAndKeepsTheOldOnABadOne) {
  SessionClient& admin = server_->admin();
  const std::string reload = "/api/v1/admin/hotline/routing-rules/reload";
  // A rule naming one organisation: Malmö's coordinator is now only that one.
  WriteRules(ShippedWith("organisations = [\"" + coordinator_id_ + "\"]"));
  auto good = admin.Post(reload, "{}");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(good.Json()["rules"], 16);
  const long long loaded = good.Json()["loaded_at_us"];
  auto named = [&](const std::string& municipality) {
    auto r = Route(*social_, BerryPicker(municipality));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : json::object();
  };
  auto malmo = OfKind(named("1280"), "regional_coordinator");
  ASSERT_EQ(malmo.size(), 1u);
  EXPECT_EQ(malmo[0]["organisation"]["id"], coordinator_id_);
  // Outside the named organisation's region, nobody: the rule says so.
  const json north = named("2506");
  EXPECT_TRUE(OfKind(north, "regional_coordinator").empty());
  EXPECT_EQ(north["rules_without_organisation"], json{"regional_coordinator"});

  // An organisation the directory does not hold: refused naming the rule; the old rules stay.
  WriteRules(ShippedWith("organisations = [\"no-such-organisation\"]"));
  auto unknown = admin.Post(reload, "{}");
  EXPECT_TRUE(Refused(unknown, "rules[0].organisations[0]", "unknown_organisation"))
      << unknown.body;
  EXPECT_NE(unknown.body.find("regional_coordinator"), std::string::npos) << unknown.body;
  // A malformed rule: refused naming it and its key.
  std::string bad = shipped_;
  bad.replace(bad.find("recommends = \"iom\""), 18, "recommends = \"bank\"");
  WriteRules(bad);
  auto malformed = admin.Post(reload, "{}");
  EXPECT_TRUE(Refused(malformed, "rules[9].recommends", "unknown_value")) << malformed.body;
  EXPECT_NE(malformed.body.find("iom_return"), std::string::npos) << malformed.body;
  auto setup = operator_->Get("/api/v1/hotline/setup");
  ASSERT_EQ(setup.status, 200);
  EXPECT_EQ(setup.Json()["routing_rules"]["loaded_at_us"], loaded);
  malmo = OfKind(named("1280"), "regional_coordinator");
  ASSERT_EQ(malmo.size(), 1u);
  EXPECT_EQ(malmo[0]["organisation"]["id"], coordinator_id_);

  // Back to the shipped rules.
  WriteRules(shipped_);
  ASSERT_EQ(admin.Post(reload, "{}").status, 200);
  EXPECT_EQ(OfKind(named("2506"), "regional_coordinator").size(), 1u);
}

}  // namespace
}  // namespace opennrm::testing
