#include "consultation_world.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace opennrm::testing {

using nlohmann::json;

ConsultationWorld::ConsultationWorld() {
  if (!server_.ok()) return;
  SessionClient& admin = server_.admin();
  auto seeded = admin.Get("/api/v1/organisations?limit=5&kind=national_unit");
  EXPECT_EQ(seeded.status, 200) << seeded.body;
  if (seeded.status == 200 && !seeded.Json()["items"].empty()) {
    unit = seeded.Json()["items"][0]["id"];
  }
  EXPECT_FALSE(unit.empty()) << "the seed has a national unit";
  if (unit.empty()) return;
  unit2 = server_.NewOrganisation("Andra nationella enheten", "national_unit",
                                  json{{"scope", "national"}, {"codes", json::array()}});
  coordinator = server_.NewOrganisation("Samordnare för Stockholm", "regional_coordinator");
  municipality =
      server_.NewOrganisation("Rådgivningskommunens socialtjänst", "municipal_social_services");

  auto* u_admin = server_.NewUser(admin, unit, "kon-admin", "organisation_administrator");
  operator1 = server_.NewUser(*u_admin, unit, "kon-operator1", "hotline_operator", &operator1_id);
  operator2 = server_.NewUser(*u_admin, unit, "kon-operator2", "hotline_operator", &operator2_id);
  statistician =
      server_.NewUser(*u_admin, unit, "kon-statistiker", "statistician", &statistician_id);
  auditor = server_.NewUser(*u_admin, unit, "kon-revisor", "auditor");
  auto* u2_admin = server_.NewUser(admin, unit2, "kon-admin2", "organisation_administrator");
  other_unit = server_.NewUser(*u2_admin, unit2, "kon-operator-b", "hotline_operator");
  auto* rc_admin =
      server_.NewUser(admin, coordinator, "kon-rc-admin", "organisation_administrator");
  regional = server_.NewUser(*rc_admin, coordinator, "kon-samordnare", "regional_coordinator");
  auto* m_admin = server_.NewUser(admin, municipality, "kon-m-admin", "organisation_administrator");
  social = server_.NewUser(*m_admin, municipality, "kon-social", "social_worker");
  ok_ = !::testing::Test::HasFailure();
}

json ConsultationWorld::Anonymous(const std::string& situation) const {
  return json{
      {"channel", "phone"},
      {"received_at_us", nullptr},
      {"duration_seconds", 600},
      {"time_spent_minutes", 20},
      {"caller",
       {{"organisation_id", municipality},
        {"organisation_name", ""},
        {"role", "socialsekreterare"},
        {"name", "Testa Ringare"},
        {"phone", "08-555 000 11"},
        {"email", ""}}},
      {"language", "swe"},
      {"interpreter", false},
      {"topic", "suspected_trafficking"},
      {"municipality_code", "0180"},
      {"abroad_country", ""},
      {"situation", situation},
      {"person",
       {{"age_group", "adult"},
        {"approximate_age", 30},
        {"gender", "male"},
        {"citizenship", "outside_eu"},
        {"holds_residence_permit", nullptr},
        {"forms", {"labour"}},
        {"indicators", {"recruitment.deceived_about_work"}},
        {"wants_to_report_to_police", false},
        {"wish_to_return", false},
        {"needs_shelter", false},
        {"social_services_involve_police", nullptr}}},
      {"immediate_danger", false},
      {"urgency", "normal"},
      {"identity_basis", "none"},
      {"identity", {{"name", ""}, {"date_of_birth", nullptr}, {"phone", ""}, {"email", ""}}},
      {"advice", "Kontakta regionkoordinatorn."},
      {"overrides", json::array()},
      {"assign_to_me", false}};
}

json ConsultationWorld::Create(SessionClient& by, const json& body) {
  auto r = by.Post("/api/v1/consultations", body.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.Json() : json::object();
}

json ConsultationWorld::AsUpdate(const json& c) {
  json body = json::object();
  for (const char* k :
       {"channel", "received_at_us", "duration_seconds", "time_spent_minutes", "caller", "language",
        "interpreter", "topic", "municipality_code", "abroad_country", "situation", "person",
        "immediate_danger", "urgency", "identity_basis", "advice", "overrides", "version"}) {
    body[k] = c.at(k);
  }
  if (c.contains("identity")) body["identity"] = c["identity"];
  return body;
}

std::vector<json> ConsultationWorld::Notices(SessionClient& who, const std::string& kind,
                                             const std::string& subject_id) {
  auto r = who.Get("/api/v1/me/notifications");
  EXPECT_EQ(r.status, 200) << r.body;
  std::vector<json> out;
  const json items = r.Json()["items"];
  for (const auto& n : items) {
    if (n["kind"] == kind && n["subject_id"] == subject_id) out.push_back(n);
  }
  return out;
}

}  // namespace opennrm::testing
