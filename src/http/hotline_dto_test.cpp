// The JSON of the hotline's routing (http/hotline_dto.hpp): a situation is
// read strictly (words, types, nulls, unknown fields named), and a routing
// and the setup are written in the contract's shape.
#include "http/hotline_dto.hpp"

#include <gtest/gtest.h>

namespace opennrm::http {
namespace {

bool Names(const Problems& p, const std::string& field, const std::string& rule) {
  for (const auto& item : p.items()) {
    if (item.field == field && item.rule == rule) return true;
  }
  return false;
}

TEST(HotlineDto, ReadsASituation) {
  Problems p;
  const auto s = ReadSituation(Json::parse(R"({"municipality_code":"2480",
      "topic":"suspected_trafficking","forms":["labour","sexual"],"age_group":"child",
      "citizenship":"eu_eea","holds_residence_permit":null,"wants_to_report_to_police":true,
      "wish_to_return":true,"gender":"female","needs_shelter":true,"immediate_danger":true,
      "consents_to_sharing":true,"social_services_involve_police":false})"),
                               p);
  ASSERT_TRUE(p.empty()) << p.items()[0].field;
  EXPECT_EQ(s.municipality_code, "2480");
  EXPECT_EQ(s.topic, hotline::Topic::kSuspectedTrafficking);
  EXPECT_EQ(s.forms.size(), 2u);
  EXPECT_EQ(s.age_group, hotline::AgeGroup::kChild);
  EXPECT_EQ(s.citizenship, hotline::CitizenshipGroup::kEuEea);
  EXPECT_EQ(s.holds_residence_permit, std::nullopt);
  EXPECT_TRUE(s.wants_to_report_to_police && s.wish_to_return && s.needs_shelter);
  EXPECT_TRUE(s.immediate_danger && s.consents_to_sharing);
  EXPECT_EQ(s.gender, hotline::Gender::kFemale);
  EXPECT_EQ(s.social_services_involve_police, false);
}

TEST(HotlineDto, MissingOptionalFactsAreUnknownOrFalse) {
  Problems p;
  const auto s = ReadSituation(Json::parse(R"({"municipality_code":"0180","topic":"other"})"), p);
  ASSERT_TRUE(p.empty());
  EXPECT_EQ(s.age_group, hotline::AgeGroup::kUnknown);
  EXPECT_EQ(s.citizenship, hotline::CitizenshipGroup::kUnknown);
  EXPECT_EQ(s.gender, hotline::Gender::kUnknown);
  EXPECT_FALSE(s.immediate_danger);
  EXPECT_EQ(s.holds_residence_permit, std::nullopt);
}

TEST(HotlineDto, NamesEveryBadField) {
  Problems p;
  ReadSituation(Json::parse(R"({"topic":"gossip","forms":["labour","berries"],
      "age_group":17,"citizenship":"martian","gender":"x","immediate_danger":"yes",
      "holds_residence_permit":"no","name":"Anna"})"),
                p);
  EXPECT_TRUE(Names(p, "municipality_code", "required"));
  EXPECT_TRUE(Names(p, "topic", "unknown_code"));
  EXPECT_TRUE(Names(p, "forms[1]", "unknown_code"));
  EXPECT_FALSE(Names(p, "forms[0]", "unknown_code"));
  EXPECT_TRUE(Names(p, "age_group", "type"));
  EXPECT_TRUE(Names(p, "citizenship", "unknown_code"));
  EXPECT_TRUE(Names(p, "gender", "unknown_code"));
  EXPECT_TRUE(Names(p, "immediate_danger", "type"));
  EXPECT_TRUE(Names(p, "holds_residence_permit", "type"));
  EXPECT_TRUE(Names(p, "name", "unknown_field"));
}

TEST(HotlineDto, WritesARouting) {
  app::RoutingView v;
  v.place = {"2506", "Arjeplog", "25", "Norrbottens län", "nord", "Polisregion Nord"};
  app::RecommendationView rec;
  rec.recommendation.organisation_id = "org-1";
  rec.recommendation.kind = orgs::Kind::kRegionalCoordinator;
  rec.recommendation.reason = "regional_coordination";
  rec.recommendation.rule_id = "regional_coordinator";
  rec.organisation_name = "Regionkoordinator, polisregion Nord";
  referrals::BasisRule basis;
  basis.code = referrals::BasisCode::kConsent;
  basis.title_en = "Consent";
  rec.basis = basis;
  v.recommendations.push_back(rec);
  rec.basis = std::nullopt;
  rec.recommendation.free_places = 3;
  v.recommendations.push_back(rec);
  v.rules_without_organisation = {"shelter_men"};
  const Json j = RoutingJson(v);
  EXPECT_EQ(j["place"]["municipality"]["name"], "Arjeplog");
  EXPECT_EQ(j["place"]["police_region"]["code"], "nord");
  EXPECT_EQ(j["recommendations"][0]["organisation"]["kind"], "regional_coordinator");
  EXPECT_EQ(j["recommendations"][0]["basis"]["code"], "consent");
  EXPECT_TRUE(j["recommendations"][0]["free_places"].is_null());
  EXPECT_TRUE(j["recommendations"][0]["article"].is_null());
  EXPECT_TRUE(j["recommendations"][1]["basis"].is_null());
  EXPECT_EQ(j["recommendations"][1]["free_places"], 3);
  EXPECT_EQ(j["rules_without_organisation"], Json::array({"shelter_men"}));
}

TEST(HotlineDto, WritesTheSetup) {
  app::HotlineSetupView v;
  v.weekdays = {1, 2, 3, 4, 5};
  v.opens_minute = 9 * 60;
  v.closes_minute = 24 * 60;
  v.open_now = false;
  v.next_opening_at_us = 1234;
  v.routing_rules = 16;
  const Json j = HotlineSetupJson(v);
  EXPECT_EQ(j["office_hours"]["opens"], "09:00");
  EXPECT_EQ(j["office_hours"]["closes"], "24:00");
  EXPECT_EQ(j["office_hours"]["next_opening_at_us"], 1234);
  EXPECT_EQ(j["numbers"]["victim_support"], "116 006");
  EXPECT_EQ(j["topics"][0], "suspected_trafficking");
  EXPECT_EQ(j["routing_rules"]["rules"], 16);
  v.open_now = true;
  v.next_opening_at_us.reset();
  EXPECT_TRUE(HotlineSetupJson(v)["office_hours"]["next_opening_at_us"].is_null());
}

}  // namespace
}  // namespace opennrm::http
