// The child track through the API (case management): a child's report of
// concern starts the protection assessment, due the next day — across a
// month end —, and immediate custody under LVU §6 starts the clocks to the
// administrative court (one week) and for the care application (four
// weeks), from the decision date. An adult has no child track (422, nothing
// written). A missing-child alert tells the team and the regional
// coordination at once and puts its case at the top of case lists until it
// is resolved. Dates in requests are fixed; the server's clock is real.
#include <gtest/gtest.h>

#include "case_fixture.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class ChildTrack : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer();
    ASSERT_TRUE(world_->ok());
    org_id_ = world_->NewOrganisation("Barnkommunens socialtjänst", "municipal_social_services");
    // The regional coordination for Stockholm county (0180 lies in county 01).
    coordination_id_ =
        world_->NewOrganisation("Regionkoordinatorer Stockholm", "regional_coordinator",
                                json{{"scope", "counties"}, {"codes", {"01"}}});
    org_admin_ =
        world_->NewUser(world_->admin(), org_id_, "barn-admin", "organisation_administrator");
    owner_ = world_->NewUser(*org_admin_, org_id_, "barn-agare", "social_worker", &owner_id_);
    colleague_ =
        world_->NewUser(*org_admin_, org_id_, "barn-kollega", "social_worker", &colleague_id_);
    auto* coord_admin = world_->NewUser(world_->admin(), coordination_id_, "rk-admin",
                                        "organisation_administrator");
    coordinator_ =
        world_->NewUser(*coord_admin, coordination_id_, "rk-samordnare", "regional_coordinator");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static std::string NewCase() { return CaseServer::NewCase(*owner_); }
  static std::string AddPerson(const std::string& case_id, const std::string& born) {
    return CaseServer::NewPerson(*owner_, case_id,
                                 json{{"role", "presumed_victim"},
                                      {"names", {{{"kind", "name"}, {"latin", "Syntet Person"}}}},
                                      {"date_of_birth", {{"date", born}}}});
  }
  static int Unread(SessionClient& c) {
    return c.Get("/api/v1/me/notifications/unread-count").Json()["unread"].get<int>();
  }
  static json Track(const std::string& case_id) {
    auto r = owner_->Get("/api/v1/cases/" + case_id + "/child-track");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }

  static inline CaseServer* world_ = nullptr;
  static inline SessionClient* org_admin_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
  static inline SessionClient* colleague_ = nullptr;
  static inline SessionClient* coordinator_ = nullptr;
  static inline std::string org_id_, coordination_id_, owner_id_, colleague_id_;
};

TEST_F(ChildTrack, AReportOfConcernAndImmediateCustodyStartTheirClocksAcrossAMonthEnd) {
  const std::string case_id = NewCase();
  const std::string child = AddPerson(case_id, "2012-03-01");
  const std::string path = "/api/v1/cases/" + case_id + "/persons/" + child + "/child-track";
  auto report = owner_->Post(path, json{{"kind", "report_of_concern"},
                                        {"on", "2026-01-31"},
                                        {"municipality", "0180"},
                                        {"note", "Anmälan lämnad per telefon till mottagningen."}}
                                       .dump());
  ASSERT_EQ(report.status, 201) << report.body;
  json r = report.Json();
  EXPECT_EQ(r["kind"], "report_of_concern");
  EXPECT_EQ(r["note"], "Anmälan lämnad per telefon till mottagningen.");
  ASSERT_EQ(r["clocks"].size(), 1u);
  EXPECT_EQ(r["clocks"][0]["rule_id"], "protection_assessment");
  EXPECT_EQ(r["clocks"][0]["section"], "child_protection");
  EXPECT_EQ(r["clocks"][0]["starts_on"], "2026-01-31");
  EXPECT_EQ(r["clocks"][0]["ends_on"], "2026-02-01");  // the same or next day
  EXPECT_EQ(r["clocks"][0]["overdue"], true);          // long past: nobody ended it

  auto custody =
      owner_->Post(path, json{{"kind", "immediate_custody"}, {"on", "2026-01-29"}}.dump());
  ASSERT_EQ(custody.status, 201) << custody.body;
  std::map<std::string, std::string> ends;
  const json started = custody.Json()["clocks"];
  for (const auto& c : started) ends[c["rule_id"]] = c["ends_on"];
  EXPECT_EQ(ends["custody_court_submission"], "2026-02-05");  // one week
  EXPECT_EQ(ends["custody_care_application"], "2026-02-26");  // four weeks

  auto clocks = owner_->Get("/api/v1/cases/" + case_id + "/clocks").Json()["items"];
  EXPECT_EQ(clocks.size(), 3u);
  auto tasks = owner_->Get("/api/v1/cases/" + case_id + "/tasks").Json()["items"];
  std::map<std::string, std::string> due;
  for (const auto& t : tasks) due[t["kind"]] = t["due_on"];
  EXPECT_EQ(due["protection_assessment_due"], "2026-02-01");
  EXPECT_EQ(due["custody_decision_to_court"], "2026-02-05");
  EXPECT_EQ(due["care_application_due"], "2026-02-26");

  // A guardian for the unaccompanied child, and an age assessment.
  EXPECT_EQ(owner_
                ->Post(path, json{{"kind", "guardian_appointed"},
                                  {"on", "2026-02-03"},
                                  {"municipality", "0180"}}
                                 .dump())
                .status,
            201);
  auto bad = owner_->Post(
      path, json{{"kind", "age_assessment"}, {"on", "2026-02-10"}, {"outcome", "maybe"}}.dump());
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Track(case_id)["records"].size(), 3u);
}

TEST_F(ChildTrack, AnAdultHasNoChildTrackAndNothingIsWritten) {
  const std::string case_id = NewCase();
  const std::string adult = AddPerson(case_id, "1990-01-15");
  const std::string path = "/api/v1/cases/" + case_id + "/persons/" + adult + "/child-track";
  auto r = owner_->Post(
      path,
      json{{"kind", "report_of_concern"}, {"on", "2026-01-31"}, {"municipality", "0180"}}.dump());
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.Json()["errors"][0]["field"], "person_id");
  EXPECT_EQ(r.Json()["errors"][0]["rule"], "not_child_track");
  auto missing = owner_->Post("/api/v1/cases/" + case_id + "/persons/" + adult + "/missing");
  EXPECT_EQ(missing.status, 422) << missing.body;
  // A child-track clock for an adult through the clocks route: the same rule.
  auto clock = owner_->Post(
      "/api/v1/cases/" + case_id + "/clocks",
      json{{"rule_id", "protection_assessment"}, {"person_id", adult}, {"starts_on", "2026-01-31"}}
          .dump());
  EXPECT_EQ(clock.status, 422) << clock.body;
  json track = Track(case_id);
  EXPECT_TRUE(track["records"].empty());
  EXPECT_TRUE(track["alerts"].empty());
  EXPECT_TRUE(owner_->Get("/api/v1/cases/" + case_id + "/clocks").Json()["items"].empty());
  // A report with no recipient names the field.
  const std::string child = AddPerson(case_id, "2011-06-30");
  auto no_recipient =
      owner_->Post("/api/v1/cases/" + case_id + "/persons/" + child + "/child-track",
                   json{{"kind", "report_of_concern"}, {"on", "2026-01-31"}}.dump());
  ASSERT_EQ(no_recipient.status, 422) << no_recipient.body;
  EXPECT_EQ(no_recipient.Json()["errors"][0]["field"], "recipient");
  EXPECT_TRUE(Track(case_id)["records"].empty());
}

TEST_F(ChildTrack, AMissingChildAlertNotifiesAtOnceAndHeadsTheListsUntilResolved) {
  const std::string alert_case = NewCase();
  ASSERT_EQ(
      owner_->Post("/api/v1/cases/" + alert_case + "/team", json{{"user_id", colleague_id_}}.dump())
          .status,
      200);
  const std::string child = AddPerson(alert_case, "2010-09-09");
  const std::string newer_case = NewCase();  // changed later: first in a plain list
  auto first_listed = [&](SessionClient& c) {
    auto r = c.Get("/api/v1/cases?limit=200");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["items"][0]["id"].get<std::string>();
  };
  EXPECT_EQ(first_listed(*owner_), newer_case);

  const int colleague_before = Unread(*colleague_);
  const int coordinator_before = Unread(*coordinator_);
  const std::string missing = "/api/v1/cases/" + alert_case + "/persons/" + child + "/missing";
  auto opened = owner_->Post(missing);
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.Json()["open"], true);
  EXPECT_EQ(opened.Json()["regional_coordination"], "regional_coordinators");
  EXPECT_EQ(Unread(*colleague_), colleague_before + 1);
  EXPECT_EQ(Unread(*coordinator_), coordinator_before + 1);
  auto notices = coordinator_->Get("/api/v1/me/notifications?unread=true").Json()["items"];
  ASSERT_FALSE(notices.empty());
  EXPECT_EQ(notices[0]["kind"], "missing_child_alert");
  EXPECT_EQ(owner_->Post(missing).status, 409);  // one open alert per child

  // At the top of the team's lists, however recently other cases changed.
  EXPECT_EQ(
      owner_->Post("/api/v1/cases/" + newer_case + "/team", json{{"user_id", colleague_id_}}.dump())
          .status,
      200);
  EXPECT_EQ(first_listed(*owner_), alert_case);
  EXPECT_EQ(first_listed(*colleague_), alert_case);
  {
    auto listed = owner_->Get("/api/v1/cases?limit=200").Json()["items"];
    for (const auto& item : listed) {
      EXPECT_EQ(item["missing_alert_open"], item["id"] == alert_case) << item.dump();
    }
  }
  EXPECT_EQ(Track(alert_case)["missing_alert_open"], true);

  auto resolved = owner_->Post(missing + "/resolved");
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.Json()["open"], false);
  EXPECT_EQ(Unread(*coordinator_), coordinator_before + 2);
  EXPECT_EQ(owner_->Post(missing + "/resolved").status, 404);
  EXPECT_EQ(Track(alert_case)["missing_alert_open"], false);
  // Resolving changed the alert's case last; once another case changes, the
  // plain order (latest change first) is back.
  EXPECT_EQ(
      owner_
          ->Post(
              "/api/v1/cases/" + newer_case + "/tasks",
              json{{"title", "Följ upp"}, {"assignee_user_id", owner_id_}, {"due_on", "2026-12-01"}}
                  .dump())
          .status,
      201);
  EXPECT_EQ(first_listed(*owner_), newer_case);
}

}  // namespace
}  // namespace opennrm::testing
