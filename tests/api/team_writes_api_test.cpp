// Break-glass readers read a case but change nothing in it: every change
// that only the case's team makes (and the export) is refused to them with
// 403 "not-on-team", nothing is written, and each refusal is in the audit
// log as a denied event on the case, by them, under the change's own action
// (every read and write is audited, refusals too).
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "case_fixture.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class TeamWrites : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer();
    ASSERT_TRUE(world_->ok());
    std::string municipality =
        world_->NewOrganisation("Teamkommunens socialtjänst", "municipal_social_services");
    auto* admin =
        world_->NewUser(world_->admin(), municipality, "tw-admin", "organisation_administrator");
    owner_ = world_->NewUser(*admin, municipality, "tw-agare", "social_worker", &owner_id_);
    reader_ = world_->NewUser(*admin, municipality, "tw-lasare", "social_worker", &reader_id_);
    auditor_ = world_->NewUser(*admin, municipality, "tw-revisor", "auditor");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  // The actions of the reader's denied events on `case_id`, once at least
  // `expected` of them are placed by the audit sequencer (or after ~10 s).
  static std::set<std::string> DeniedActions(const std::string& case_id, size_t expected) {
    std::set<std::string> denied;
    for (int i = 0; i < 50; ++i) {
      auto events = auditor_->Get("/api/v1/audit/events?object_id=" + case_id + "&limit=1000");
      EXPECT_EQ(events.status, 200) << events.body;
      denied.clear();
      const json items = events.Json()["items"];
      for (const auto& e : items) {
        if (e["outcome"] == "denied" && e["actor_user_id"] == reader_id_) {
          denied.insert(e["action"].get<std::string>());
        }
      }
      if (denied.size() >= expected) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return denied;
  }

  static inline CaseServer* world_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
  static inline SessionClient* reader_ = nullptr;
  static inline SessionClient* auditor_ = nullptr;
  static inline std::string owner_id_;
  static inline std::string reader_id_;
};

struct Attempt {
  std::string method, path, body, action;
  std::vector<std::pair<std::string, std::string>> headers = {};
  std::string content_type = "application/json";
};

TEST_F(TeamWrites, ABreakGlassReadersChangesAreRefusedNotOnTeamAndAudited) {
  std::string id = CaseServer::NewCase(*owner_);
  ASSERT_FALSE(id.empty());
  std::string base = "/api/v1/cases/" + id;
  std::string adult = CaseServer::NewPerson(
      *owner_, id,
      json{{"role", "presumed_victim"}, {"names", {{{"kind", "name"}, {"latin", "Test Vuxen"}}}}});
  std::string child = CaseServer::NewPerson(
      *owner_, id, json{{"role", "presumed_victim"}, {"claimed_minor", true}});
  ASSERT_FALSE(adult.empty());
  ASSERT_FALSE(child.empty());
  auto glass =
      reader_->Post(base + "/break-glass",
                    json{{"reason", "Handläggaren är sjuk och beslutet behövs i kväll."}}.dump());
  ASSERT_EQ(glass.status, 200) << glass.body;
  const std::string before =
      owner_->Get(base + "/timeline?limit=500").body + owner_->Get(base + "/persons").body;

  const std::string person = base + "/persons/" + adult;
  const json conditions = {"needed_for_proceedings", "clearly_wants_to_cooperate",
                           "broke_contact_with_suspects", "public_order_and_security_allow"};
  const std::vector<Attempt> attempts = {
      {"POST", base + "/notes", json{{"text", "Från sidan."}}.dump(), "case.note_added"},
      {"POST",
       base + "/attachments",
       "Från sidan.\n",
       "case.attachment_added",
       {{"X-Attachment-Name", "sidan.txt"}},
       "text/plain"},
      {"GET", base + "/export?format=json", "", "case.exported"},
      {"POST", base + "/persons",
       json{{"role", "witness"}, {"names", {{{"kind", "name"}, {"latin", "Test Vittne"}}}}}.dump(),
       "case.person_added"},
      {"PUT", person,
       json{{"names", {{{"kind", "name"}, {"latin", "Test Vuxen"}}}}, {"expected_version", 1}}
           .dump(),
       "case.person_updated"},
      {"POST", person + "/merge",
       json{{"duplicate_person_id", child},
            {"expected_version", 1},
            {"duplicate_expected_version", 1}}
           .dump(),
       "case.persons_merged"},
      {"PUT", person + "/safety-plan",
       json{{"who_to_call", {{{"name", "Polisen"}, {"phone", "112"}}}}, {"made_on", "2026-01-02"}}
           .dump(),
       "case.safety_plan_recorded"},
      {"POST", person + "/wishes",
       json{{"step", "identification"}, {"wish", "Bo nära."}, {"recorded_on", "2026-01-02"}}.dump(),
       "case.wish_recorded"},
      {"PUT", base + "/exploitation",
       json{{"forms", {{{"form", "sexual"}}}}, {"places", {{"exploitation_countries", {"SE"}}}}}
           .dump(),
       "case.exploitation_recorded"},
      {"PUT", base + "/proceedings", json{{"police_report_numbers", {"5000-K123456-26"}}}.dump(),
       "case.proceedings_recorded"},
      {"POST", base + "/team", json{{"user_id", reader_id_}}.dump(), "case.team_added"},
      {"DELETE", base + "/team/" + owner_id_, "", "case.team_removed"},
      {"POST", base + "/tracks/support/moves", json{{"to", "identification"}}.dump(),
       "case.track_moved"},
      {"POST", base + "/facts", json{{"fact", "basic_information_given"}}.dump(),
       "case.fact_recorded"},
      {"POST", base + "/close", json{{"reason", "integrated"}}.dump(), "case.closed"},
      {"POST", base + "/clocks",
       json{{"rule_id", "reflection_period"},
            {"person_id", adult},
            {"applicant", "social_welfare_board"},
            {"applied_on", "2026-01-02"}}
           .dump(),
       "case.clock_applied"},
      {"POST", base + "/clocks/tw-no-clock/revocation", json{{"revoked_on", "2026-02-01"}}.dump(),
       "case.clock_revoked"},
      {"POST", base + "/tasks",
       json{{"title", "Från sidan"}, {"assignee_user_id", reader_id_}, {"due_on", "2026-01-09"}}
           .dump(),
       "case.task_added"},
      {"POST", base + "/persons/" + child + "/child-track",
       json{{"kind", "report_of_concern"}, {"on", "2026-01-31"}, {"municipality", "0180"}}.dump(),
       "case.child_track_recorded"},
      {"POST", base + "/persons/" + child + "/missing", "{}", "case.missing_child_alert"},
  };
  std::set<std::string> expected;
  for (const auto& a : attempts) {
    auto r = reader_->Call(a.method, a.path, a.body, a.headers, a.content_type);
    EXPECT_EQ(r.status, 403) << a.method << " " << a.path << ": " << r.body;
    if (r.status == 403) {
      EXPECT_EQ(r.Json()["type"], "https://opennrm.org/problems/not-on-team")
          << a.method << " " << a.path << ": " << r.body;
    }
    expected.insert(a.action);
  }
  // Reading still works, and nothing was written.
  EXPECT_EQ(reader_->Get(base).status, 200);
  EXPECT_EQ(owner_->Get(base + "/timeline?limit=500").body + owner_->Get(base + "/persons").body,
            before);

  std::set<std::string> denied = DeniedActions(id, expected.size());
  for (const auto& action : expected) {
    EXPECT_TRUE(denied.count(action))
        << action << " not audited as denied; denied: " << ::testing::PrintToString(denied);
  }
}

}  // namespace
}  // namespace opennrm::testing
