// The notices of a missing-child alert (case management, item 5) store
// stable parameters, never a sentence: the case code and the Stockholm day
// (`case=NRM-2026-000045&date=2026-11-29`), which the web app words in the
// reader's language. Nothing about the child: no name, no person code.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "case_fixture.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class MissingAlertNotice : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer();
    ASSERT_TRUE(world_->ok());
    std::string org =
        world_->NewOrganisation("Larmkommunens socialtjänst", "municipal_social_services");
    ASSERT_FALSE(org.empty());
    auto* org_admin =
        world_->NewUser(world_->admin(), org, "larm-admin", "organisation_administrator");
    owner_ = world_->NewUser(*org_admin, org, "larm-agare", "social_worker");
    colleague_ = world_->NewUser(*org_admin, org, "larm-kollega", "social_worker", &colleague_id_);
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  // The colleague's newest notice of `kind`.
  static json Newest(const std::string& kind) {
    auto r = colleague_->Get("/api/v1/me/notifications?limit=50");
    EXPECT_EQ(r.status, 200) << r.body;
    const json items = r.Json()["items"];
    for (const auto& n : items) {
      if (n["kind"] == kind) return n;
    }
    return json();
  }

  static inline CaseServer* world_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
  static inline SessionClient* colleague_ = nullptr;
  static inline std::string colleague_id_;
};

TEST_F(MissingAlertNotice, TheDetailIsTheCaseCodeAndTheDayAsParameters) {
  std::string id = CaseServer::NewCase(*owner_);
  auto c = owner_->Get("/api/v1/cases/" + id);
  ASSERT_EQ(c.status, 200) << c.body;
  const std::string code = c.Json()["code"];
  ASSERT_EQ(
      owner_->Post("/api/v1/cases/" + id + "/team", json{{"user_id", colleague_id_}}.dump()).status,
      200);
  std::string child =
      CaseServer::NewPerson(*owner_, id,
                            {{"role", "presumed_victim"},
                             {"names", {{{"kind", "name"}, {"latin", "Larmbarn Testsson"}}}},
                             {"date_of_birth", {{"date", "2012-03-01"}}}});
  const std::string missing = "/api/v1/cases/" + id + "/persons/" + child + "/missing";
  ASSERT_EQ(owner_->Post(missing).status, 201);
  ASSERT_EQ(owner_->Post(missing + "/resolved").status, 200);

  const std::regex form("case=" + code + "&date=[0-9]{4}-[0-9]{2}-[0-9]{2}");
  for (const char* kind : {"missing_child_alert", "missing_child_resolved"}) {
    json notice = Newest(kind);
    ASSERT_FALSE(notice.is_null()) << kind;
    EXPECT_EQ(notice["subject_id"], id);
    const std::string detail = notice["detail"];
    EXPECT_TRUE(std::regex_match(detail, form)) << kind << ": " << detail;
    EXPECT_EQ(detail.find("Larmbarn"), std::string::npos);
    EXPECT_EQ(detail.find("P-"), std::string::npos) << "no person code";
  }
}

}  // namespace
}  // namespace opennrm::testing
