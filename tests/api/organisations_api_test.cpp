// The organisation directory through the API: the first-run seed, create,
// read, update, deactivate, filters and "who covers municipality X".
#include "shared_server.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class OrganisationsApi : public ApiTest {
 protected:
  static json Shelter(const std::string& name) {
    return json{{"name", name},
                {"kind", "ngo_shelter"},
                {"contact", {{"email", "Kontakt@Exempel.SE"}, {"phone", "08-123 456 78"}}},
                {"coverage", {{"scope", "counties"}, {"codes", {"25", "24"}}}},
                {"services", {"shelter_women", "interpretation"}},
                {"languages", {"swe", "ron", "tha"}},
                {"capacity", {{{"gender", "women"}, {"age_group", "adults"}, {"places", 6}}}},
                {"occupancy", {{"occupied", 4}, {"reported_on", "2026-01-15"}}},
                {"protected_address", "Hemliga gatan 1, 981 00 Kiruna"}};
  }
  static long long Total(const std::string& query) {
    return Get("/api/v1/organisations?active=all" + query).Json()["total"].get<long long>();
  }
};

TEST_F(OrganisationsApi, FirstRunSeedsTheSwedishDirectoryWithSwedishNames) {
  EXPECT_EQ(Total("&kind=county_board"), 21);
  EXPECT_EQ(Total("&kind=municipal_social_services"), 290);
  EXPECT_EQ(Total("&kind=police_region"), 7);
  EXPECT_EQ(Total("&kind=regional_coordinator"), 7);
  EXPECT_EQ(Total("&kind=national_unit"), 1);
  for (const char* kind : {"prosecution_authority", "migration_agency",
                           "work_environment_authority", "tax_agency", "iom"}) {
    EXPECT_EQ(Total(std::string("&kind=") + kind), 1) << kind;
  }
  auto names = [](const std::string& q) {
    std::set<std::string> out;
    auto page = Get("/api/v1/organisations?limit=200&q=" + q).Json();
    for (const auto& o : page["items"]) out.insert(o["name"].get<std::string>());
    return out;
  };
  EXPECT_TRUE(names("kiruna").count("Socialtjänsten, Kiruna kommun"));
  EXPECT_TRUE(names("norrbottens").count("Länsstyrelsen i Norrbottens län"));
  EXPECT_TRUE(names("nord").count("Polisregion Nord"));
  EXPECT_TRUE(names("nord").count("Regionkoordinator, polisregion Nord"));
  EXPECT_TRUE(names("gotland").count("Socialtjänsten, Region Gotland"));
  // Accent- and case-insensitive text search.
  EXPECT_TRUE(names("AKLAGARMYNDIGHETEN").count("Åklagarmyndigheten"));
}

TEST_F(OrganisationsApi, CreateReadUpdateDeactivate) {
  auto created = Post("/api/v1/organisations", Shelter("Skyddat boende Norr").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  auto org = created.Json();
  std::string id = org["id"];
  EXPECT_EQ(created.Header("location"), "/api/v1/organisations/" + id);
  EXPECT_EQ(org["contact"]["email"], "Kontakt@exempel.se");
  EXPECT_EQ(org["contact"]["phone"], "+46812345678");
  EXPECT_EQ(org["coverage"]["codes"], json({"24", "25"}));
  EXPECT_EQ(org["free_places"], 2);
  EXPECT_FALSE(org["public_authority"].get<bool>());
  EXPECT_TRUE(org["has_protected_address"].get<bool>());
  EXPECT_EQ(org["version"], 1);

  auto read = Get("/api/v1/organisations/" + id);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.Json()["name"], "Skyddat boende Norr");

  json change = Shelter("Skyddat boende Nord");
  change.erase("protected_address");
  change["version"] = 1;
  change["occupancy"] = {{"occupied", 6}, {"reported_on", "2026-02-01"}};
  auto updated = Put("/api/v1/organisations/" + id, change.dump());
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.Json()["version"], 2);
  EXPECT_EQ(updated.Json()["free_places"], 0);
  EXPECT_TRUE(updated.Json()["has_protected_address"].get<bool>()) << "kept when not sent";

  // A stale version is refused and changes nothing.
  change["name"] = "Stale";
  ExpectProblem(Put("/api/v1/organisations/" + id, change.dump()), 409);
  EXPECT_EQ(Get("/api/v1/organisations/" + id).Json()["name"], "Skyddat boende Nord");

  auto off = Post("/api/v1/organisations/" + id + "/deactivate", R"({"version":2})");
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_FALSE(off.Json()["active"].get<bool>());
  auto actives = Get("/api/v1/organisations?q=skyddat%20boende%20nord").Json();
  EXPECT_EQ(actives["total"], 0);
  EXPECT_EQ(Get("/api/v1/organisations?active=false&q=skyddat%20boende%20nord").Json()["total"], 1);
  auto on = Post("/api/v1/organisations/" + id + "/activate", R"({"version":3})");
  EXPECT_TRUE(on.Json()["active"].get<bool>());
}

TEST_F(OrganisationsApi, ProtectedAddressIsNeverReturned) {
  auto created = Post("/api/v1/organisations", Shelter("Hemligt boende").dump());
  ASSERT_EQ(created.status, 201);
  std::string id = created.Json()["id"];
  for (const auto& r :
       {created, Get("/api/v1/organisations/" + id), Get("/api/v1/organisations?q=hemligt"),
        Get("/api/v1/organisations/coverage?municipality=2584&service=shelter_women")}) {
    EXPECT_EQ(r.body.find("Hemliga gatan"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("\"protected_address\""), std::string::npos);
  }
}

TEST_F(OrganisationsApi, WhoCoversAMunicipalityForAService) {
  ASSERT_EQ(Post("/api/v1/organisations", Shelter("Boende Västerbotten").dump()).status, 201);
  auto kiruna = Get("/api/v1/organisations/coverage?municipality=2584").Json();
  EXPECT_EQ(kiruna["municipality"]["name"], "Kiruna");
  EXPECT_EQ(kiruna["police_region"]["id"], "nord");
  std::set<std::string> names;
  for (const auto& o : kiruna["items"]) names.insert(o["name"]);
  for (const char* expected :
       {"Socialtjänsten, Kiruna kommun", "Länsstyrelsen i Norrbottens län", "Polisregion Nord",
        "Regionkoordinator, polisregion Nord", "Åklagarmyndigheten", "Migrationsverket"}) {
    EXPECT_TRUE(names.count(expected)) << expected;
  }
  EXPECT_FALSE(names.count("Socialtjänsten, Stockholms stad"));
  EXPECT_FALSE(names.count("Polisregion Syd"));
  auto shelters =
      Get("/api/v1/organisations/coverage?municipality=2584&service=shelter_women").Json();
  for (const auto& o : shelters["items"]) {
    EXPECT_NE(std::find(o["services"].begin(), o["services"].end(), "shelter_women"),
              o["services"].end());
  }
  EXPECT_GE(shelters["items"].size(), 1u);
  EXPECT_EQ(Get("/api/v1/organisations/coverage?municipality=0180&service=shelter_women")
                .Json()["items"]
                .size(),
            0u);
  ExpectProblem(Get("/api/v1/organisations/coverage?municipality=9999"), 422, "municipality",
                "unknown_code");
  ExpectProblem(Get("/api/v1/organisations/coverage"), 422, "municipality", "required");
  ExpectProblem(Get("/api/v1/organisations/coverage?municipality=0180&service=spa"), 422,
                "service");
}

TEST_F(OrganisationsApi, ListFiltersAndPaginates) {
  auto page1 = Get("/api/v1/organisations?kind=municipal_social_services&limit=100").Json();
  auto page3 =
      Get("/api/v1/organisations?kind=municipal_social_services&limit=100&offset=200").Json();
  EXPECT_EQ(page1["total"], 290);
  EXPECT_EQ(page1["items"].size(), 100u);
  EXPECT_EQ(page3["items"].size(), 90u);
  EXPECT_NE(page1["items"][0]["id"], page3["items"][0]["id"]);
  auto stockholm =
      Get("/api/v1/organisations?municipality=0180&kind=municipal_social_services").Json();
  ASSERT_EQ(stockholm["total"], 1);
  EXPECT_EQ(stockholm["items"][0]["name"], "Socialtjänsten, Stockholms stad");
  ExpectProblem(Get("/api/v1/organisations?kind=bank"), 422, "kind", "unknown_code");
  ExpectProblem(Get("/api/v1/organisations?limit=500"), 422, "limit", "range");
  ExpectProblem(Get("/api/v1/organisations?active=maybe"), 422, "active");
  ExpectProblem(Get("/api/v1/organisations?municipality=12"), 422, "municipality");
  // A LIKE wildcard is searched as text.
  EXPECT_EQ(Get("/api/v1/organisations?q=%25").Json()["total"], 0);
}

TEST_F(OrganisationsApi, UnknownOrMalformedIdsAreNotFound) {
  ExpectProblem(Get("/api/v1/organisations/00000000000000000000000000000000"), 404);
  ExpectProblem(Get("/api/v1/organisations/not-an-id"), 404);
  ExpectProblem(
      Post("/api/v1/organisations/00000000000000000000000000000000/deactivate", R"({"version":1})"),
      404);
}

}  // namespace
}  // namespace opennrm::testing
