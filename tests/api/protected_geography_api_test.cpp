// Protected identity and the geography of a case (case management, issue 4
// item 1): a protected person is left out of the geography of statistics and
// of the case lists' place filters, also when they join a case whose
// exploitation places are already recorded. In the same transaction as the
// person is added, the case's municipalities leave the plaintext index and no
// statistics row of the case keeps a police region or county; the sealed
// exploitation record keeps the municipalities for the team, and the team
// still lists the case (without a place filter). Saving the exploitation again
// while the person is protected brings nothing back.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "case_fixture.hpp"
#include "raw_database.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class ProtectedGeography : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer();
    ASSERT_TRUE(world_->ok());
    std::string org =
        world_->NewOrganisation("Skyddskommunens socialtjänst", "municipal_social_services",
                                CaseServer::MunicipalityCoverage("2584"));
    ASSERT_FALSE(org.empty());
    auto* org_admin =
        world_->NewUser(world_->admin(), org, "skydd-admin", "organisation_administrator");
    owner_ = world_->NewUser(*org_admin, org, "skydd-agare", "social_worker");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static json Person(const std::string& role, const std::string& protection) {
    return json{{"role", role},
                {"names", {{{"kind", "name"}, {"latin", "Skydda Testperson"}}}},
                {"gender", "female"},
                {"date_of_birth", {{"date", "1995-04-02"}}},
                {"citizenship", {{"status", "known"}, {"countries", {"RO"}}}},
                {"protection", protection}};
  }
  // A case with one unprotected presumed victim and its exploitation in
  // Kiruna (municipality 2584, county 25, police region nord).
  static std::string CaseInKiruna() {
    std::string id = CaseServer::NewCase(*owner_, "human_exploitation");
    CaseServer::NewPerson(*owner_, id, Person("presumed_victim", "none"));
    auto saved = owner_->Put("/api/v1/cases/" + id + "/exploitation", kExploitation.dump());
    EXPECT_EQ(saved.status, 200) << saved.body;
    return id;
  }
  // The case ids a filtered list of the owner holds.
  static std::set<std::string> Listed(const std::string& query) {
    auto r = owner_->Get("/api/v1/cases?limit=200&" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    std::set<std::string> ids;
    const json items = r.Json()["items"];
    for (const auto& item : items) ids.insert(item["id"].get<std::string>());
    return ids;
  }
  // Each statistics row of the case as "region|county|protected|country".
  static std::vector<std::string> Geography(const std::string& case_id) {
    RawDatabase db(world_->server());
    EXPECT_TRUE(db.ok()) << db.error();
    auto rows = db.Query(
        "SELECT police_region, county, protected, citizenship_country FROM statistics_facts"
        " WHERE case_id = " +
        SqlQuote(case_id) + " ORDER BY protected, person_id");
    std::vector<std::string> out;
    for (const auto& r : rows.value_or(std::vector<std::vector<std::string>>{})) {
      out.push_back(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3]);
    }
    return out;
  }
  static std::string Municipalities(const std::string& case_id) {
    RawDatabase db(world_->server());
    return db
        .Scalar("SELECT COUNT(*) FROM case_places WHERE kind = 'municipality' AND case_id = " +
                SqlQuote(case_id))
        .value_or("?");
  }

  static inline const json kExploitation{
      {"forms", {{{"form", "labour"}, {"sector", "berry_picking"}}}},
      {"places", {{"municipalities", {"2584"}}, {"recruitment_countries", {"RO"}}}},
      {"period", {{"from", "2025-06"}, {"to", "2025-09"}}}};
  static inline CaseServer* world_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
};

TEST_F(ProtectedGeography, AProtectedPersonJoiningLaterTakesTheCaseOutOfPlaceFilters) {
  std::string id = CaseInKiruna();
  EXPECT_TRUE(Listed("municipality=2584").count(id));
  EXPECT_TRUE(Listed("county=25").count(id));
  EXPECT_TRUE(Listed("police_region=nord").count(id));
  EXPECT_EQ(Geography(id), (std::vector<std::string>{"nord|25|0|RO"}));

  // A witness under secrecy marking joins the case: no statistics row of
  // their own, but the case's geography goes at once.
  CaseServer::NewPerson(*owner_, id, Person("witness", "secrecy_marking"));
  EXPECT_EQ(Municipalities(id), "0");
  for (const char* filter : {"municipality=2584", "county=25", "police_region=nord"}) {
    EXPECT_FALSE(Listed(filter).count(id)) << filter << ": not even for the owning team";
  }
  EXPECT_TRUE(Listed("").count(id)) << "the team still lists the case";
  EXPECT_TRUE(Listed("form=labour").count(id)) << "forms are no place";
  EXPECT_EQ(Geography(id), (std::vector<std::string>{"||0|RO"}))
      << "the other victim keeps their own country, never the case's region or county";
  // The sealed record keeps the municipality for the team.
  auto record = owner_->Get("/api/v1/cases/" + id + "/exploitation");
  ASSERT_EQ(record.status, 200) << record.body;
  EXPECT_EQ(record.Json()["current"]["places"]["municipalities"], json({"2584"}));

  // Saving the exploitation again while the person is protected brings nothing back.
  ASSERT_EQ(owner_->Put("/api/v1/cases/" + id + "/exploitation", kExploitation.dump()).status, 200);
  EXPECT_EQ(Municipalities(id), "0");
  EXPECT_FALSE(Listed("municipality=2584").count(id));
  EXPECT_EQ(Geography(id), (std::vector<std::string>{"||0|RO"}));
}

TEST_F(ProtectedGeography, AProtectedPresumedVictimIsCountedWithoutCountryOrPlace) {
  std::string id = CaseInKiruna();
  std::string untouched = CaseInKiruna();
  CaseServer::NewPerson(*owner_, id, Person("presumed_victim", "protected_registration"));
  EXPECT_EQ(Municipalities(id), "0");
  EXPECT_FALSE(Listed("county=25").count(id));
  EXPECT_EQ(Geography(id), (std::vector<std::string>{"||0|RO", "||1|"}));
  // Another case of the same organisation keeps its geography.
  EXPECT_EQ(Municipalities(untouched), "1");
  EXPECT_TRUE(Listed("county=25").count(untouched));
  EXPECT_EQ(Geography(untouched), (std::vector<std::string>{"nord|25|0|RO"}));
}

}  // namespace
}  // namespace opennrm::testing
