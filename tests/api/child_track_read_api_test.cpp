// Reading the child track back (GET /api/v1/cases/{id}/child-track): each
// record carries the clocks it started, as GET .../clocks shows them — the
// case page's child-track table shows "clock started" from them. A record
// that starts no clock carries none, and two reports of concern on the same
// day each carry their own clock.
#include <gtest/gtest.h>

#include <set>

#include "case_fixture.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class ChildTrackRead : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer();
    ASSERT_TRUE(world_->ok());
    const std::string org =
        world_->NewOrganisation("Läskommunens socialtjänst", "municipal_social_services");
    auto* admin = world_->NewUser(world_->admin(), org, "las-admin", "organisation_administrator");
    owner_ = world_->NewUser(*admin, org, "las-agare", "social_worker");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static inline CaseServer* world_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
};

TEST_F(ChildTrackRead, EachRecordCarriesTheClocksItStarted) {
  const std::string case_id = CaseServer::NewCase(*owner_);
  const std::string child =
      CaseServer::NewPerson(*owner_, case_id,
                            json{{"role", "presumed_victim"},
                                 {"names", {{{"kind", "name"}, {"latin", "Syntet Läsbarn"}}}},
                                 {"date_of_birth", {{"date", "2013-05-01"}}}});
  const std::string path = "/api/v1/cases/" + case_id + "/persons/" + child + "/child-track";
  const json report{{"kind", "report_of_concern"}, {"on", "2026-03-02"}, {"municipality", "0180"}};
  ASSERT_EQ(owner_->Post(path, report.dump()).status, 201);
  ASSERT_EQ(owner_->Post(path, report.dump()).status, 201);  // a second report the same day
  ASSERT_EQ(owner_
                ->Post(path, json{{"kind", "guardian_appointed"},
                                  {"on", "2026-03-02"},
                                  {"municipality", "0180"}}
                                 .dump())
                .status,
            201);

  auto read = owner_->Get("/api/v1/cases/" + case_id + "/child-track");
  ASSERT_EQ(read.status, 200) << read.body;
  const json records = read.Json()["records"];
  ASSERT_EQ(records.size(), 3u) << read.body;
  std::set<std::string> clock_ids;
  for (const auto& r : records) {
    if (r["kind"] == "guardian_appointed") {
      EXPECT_TRUE(r["clocks"].empty()) << r.dump();
      continue;
    }
    ASSERT_EQ(r["clocks"].size(), 1u) << r.dump();
    const json c = r["clocks"][0];
    EXPECT_EQ(c["rule_id"], "protection_assessment");
    EXPECT_EQ(c["person_id"], child);
    EXPECT_EQ(c["starts_on"], "2026-03-02");
    EXPECT_EQ(c["ends_on"], "2026-03-03");
    clock_ids.insert(c["id"].get<std::string>());
  }
  EXPECT_EQ(clock_ids.size(), 2u) << "each report carries its own clock";

  // The same clocks as the case's clock list.
  std::set<std::string> listed;
  const json clocks = owner_->Get("/api/v1/cases/" + case_id + "/clocks").Json()["items"];
  for (const auto& c : clocks) listed.insert(c["id"].get<std::string>());
  EXPECT_EQ(listed, clock_ids);
}

}  // namespace
}  // namespace opennrm::testing
