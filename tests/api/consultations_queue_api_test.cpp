// The operators' queue through the API (issue 6 points 2 and 5): the views
// and their counts, assignment and reassignment among the unit's operators,
// follow-ups that hold a consultation until done, closing and reopening,
// and immediate danger: the regional coordinator covering the municipality
// is told without personal data and the step is recorded by the system.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "audit_events_support.hpp"
#include "consultation_world.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class ConsultationQueue : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new ConsultationWorld();
    ASSERT_TRUE(world_->ok());
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static json List(SessionClient& by, const std::string& query) {
    auto r = by.Get("/api/v1/consultations?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : json{{"items", json::array()}, {"counts", json::object()}};
  }
  static bool Holds(const json& list, const json& c) {
    const json& items = list["items"];
    return std::any_of(items.begin(), items.end(),
                       [&](const json& i) { return i["id"] == c["id"]; });
  }
  static std::string PathOf(const json& c) {
    return "/api/v1/consultations/" + c["id"].get<std::string>();
  }

  static inline ConsultationWorld* world_ = nullptr;
};

TEST_F(ConsultationQueue, ViewsShowWhatTheyNameAndCountIt) {
  SessionClient& op = *world_->operator1;
  const json counts = List(op, "view=all")["counts"];
  const long long theirs_before =
      List(*world_->operator2, "view=all")["counts"]["mine"].get<long long>();
  json fresh = ConsultationWorld::Create(op, world_->Anonymous());
  json body = world_->Anonymous();
  body["assign_to_me"] = true;
  body["topic"] = "method_advice";
  json mine = ConsultationWorld::Create(op, body);
  json theirs = ConsultationWorld::Create(*world_->operator2, body);
  json closed = ConsultationWorld::Create(op, world_->Anonymous());
  ASSERT_EQ(op.Post(PathOf(closed) + "/close", json{{"version", 1}}.dump()).status, 200);

  json all = List(op, "view=all&limit=200");
  for (const json* c : {&fresh, &mine, &theirs, &closed}) EXPECT_TRUE(Holds(all, *c));
  json fresh_view = List(op, "view=new&limit=200");
  EXPECT_TRUE(Holds(fresh_view, fresh));
  EXPECT_FALSE(Holds(fresh_view, mine));
  json mine_view = List(op, "view=mine&limit=200");
  EXPECT_TRUE(Holds(mine_view, mine));
  EXPECT_FALSE(Holds(mine_view, theirs));
  EXPECT_TRUE(Holds(List(op, "view=assigned&limit=200"), theirs));
  json closed_view = List(op, "view=closed&limit=200");
  EXPECT_TRUE(Holds(closed_view, closed));
  EXPECT_FALSE(Holds(closed_view, fresh));
  EXPECT_TRUE(Holds(List(op, "view=all&topic=method_advice&limit=200"), mine));
  EXPECT_FALSE(Holds(List(op, "view=all&topic=method_advice&limit=200"), fresh));
  EXPECT_TRUE(Holds(List(op, "view=all&channel=phone&municipality=0180&limit=200"), fresh));
  EXPECT_FALSE(Holds(List(op, "view=all&municipality=2480&limit=200"), fresh));
  EXPECT_TRUE(Holds(List(op, "view=all&from=" + UtcDay(-1) + "&to=" + UtcDay(1)), fresh));
  EXPECT_FALSE(Holds(List(op, "view=all&to=" + UtcDay(-3)), fresh));

  const json after = List(op, "view=all")["counts"];
  EXPECT_EQ(after["new"].get<long long>(), counts["new"].get<long long>() + 1);
  EXPECT_EQ(after["mine"].get<long long>(), counts["mine"].get<long long>() + 1);
  EXPECT_EQ(List(*world_->operator2, "view=all")["counts"]["mine"].get<long long>(),
            theirs_before + 1);

  json page = List(op, "view=all&limit=1&offset=1");
  EXPECT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["limit"], 1);
  EXPECT_EQ(page["offset"], 1);
  EXPECT_FALSE(page["total_capped"].get<bool>());
  // A line carries nothing of what was said.
  EXPECT_EQ(all.dump().find("utan lön"), std::string::npos);
  EXPECT_EQ(all.dump().find("Testa Ringare"), std::string::npos);

  for (const char* bad : {"view=bogus", "topic=gossip", "channel=pigeon", "from=2026-13-01",
                          "limit=0", "from=2026-05-02&to=2026-05-01", "colour=red"}) {
    auto r = op.Get(std::string("/api/v1/consultations?") + bad);
    EXPECT_EQ(r.status, 422) << bad << ": " << r.body;
  }
}

TEST_F(ConsultationQueue, AssignAndReassignAmongTheUnitsOperators) {
  SessionClient& op = *world_->operator1;
  json c = ConsultationWorld::Create(op, world_->Anonymous());
  const std::string path = PathOf(c) + "/assign";
  auto to2 = op.Post(path, json{{"version", 1}, {"user_id", world_->operator2_id}}.dump());
  ASSERT_EQ(to2.status, 200) << to2.body;
  EXPECT_EQ(to2.Json()["status"], "assigned");
  EXPECT_EQ(to2.Json()["assigned_to"]["id"], world_->operator2_id);
  EXPECT_FALSE(to2.Json()["first_response_at_us"].is_null());
  EXPECT_TRUE(Holds(List(*world_->operator2, "view=mine"), c));

  auto stale = op.Post(path, json{{"version", 1}, {"user_id", world_->operator1_id}}.dump());
  EXPECT_EQ(stale.status, 409) << stale.body;

  auto to1 = op.Post(path, json{{"version", 2}, {"user_id", world_->operator1_id}}.dump());
  ASSERT_EQ(to1.status, 200) << to1.body;
  EXPECT_EQ(to1.Json()["assigned_to"]["id"], world_->operator1_id);

  auto back = op.Post(path, json{{"version", 3}, {"user_id", nullptr}}.dump());
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.Json()["status"], "new");
  EXPECT_TRUE(back.Json()["assigned_to"].is_null());

  // Only an active hotline operator of the unit.
  const std::string stat_id = world_->statistician_id;
  for (const std::string& who : {stat_id, std::string("no-such-user")}) {
    auto r = op.Post(path, json{{"version", 4}, {"user_id", who}}.dump());
    EXPECT_TRUE(Refused(r, "user_id", "unknown_operator")) << r.body;
  }

  auto operators = op.Get("/api/v1/hotline/operators");
  ASSERT_EQ(operators.status, 200) << operators.body;
  std::vector<std::string> ids;
  const json items = operators.Json()["items"];
  for (const auto& o : items) ids.push_back(o["id"]);
  EXPECT_NE(std::find(ids.begin(), ids.end(), world_->operator1_id), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), world_->operator2_id), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), stat_id), ids.end());

  auto events = AuditEventsOnObject(*world_->auditor, c["id"], "consultation.assigned");
  EXPECT_FALSE(events.empty());
}

TEST_F(ConsultationQueue, FollowUpsHoldAConsultationUntilDone) {
  SessionClient& op = *world_->operator1;
  json body = world_->Anonymous();
  body["assign_to_me"] = true;
  json c = ConsultationWorld::Create(op, body);
  const std::string path = PathOf(c);
  EXPECT_TRUE(
      Refused(op.Post(path + "/follow-ups", json{{"text", ""}}.dump()), "text", "required"));
  EXPECT_TRUE(Refused(op.Post(path + "/follow-ups",
                              json{{"text", "Ring tillbaka"}, {"due_on", "2000-01-01"}}.dump()),
                      "due_on", "in_past"));
  auto added =
      op.Post(path + "/follow-ups", json{{"text", "Ring tillbaka"}, {"due_on", UtcDay(3)}}.dump());
  ASSERT_EQ(added.status, 201) << added.body;
  const json f = added.Json();
  EXPECT_EQ(f["text"], "Ring tillbaka");
  EXPECT_EQ(f["created_by"]["id"], world_->operator1_id);
  EXPECT_TRUE(f["done_at_us"].is_null());
  EXPECT_TRUE(f["done_by"].is_null());

  json read = op.Get(path).Json();
  EXPECT_EQ(read["status"], "waiting_follow_up");
  ASSERT_EQ(read["follow_ups"].size(), 1u);
  EXPECT_EQ(read["follow_ups"][0]["due_on"], UtcDay(3));
  json waiting = List(op, "view=waiting_follow_up&limit=200");
  ASSERT_TRUE(Holds(waiting, c));
  for (const auto& i : waiting["items"]) {
    if (i["id"] == c["id"]) {
      EXPECT_EQ(i["open_follow_ups"], 1);
    }
  }

  const std::string done = path + "/follow-ups/" + f["id"].get<std::string>() + "/done";
  auto marked = op.Post(done, "{}");
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_FALSE(marked.Json()["done_at_us"].is_null());
  EXPECT_EQ(marked.Json()["done_by"]["id"], world_->operator1_id);
  EXPECT_EQ(op.Get(path).Json()["status"], "assigned");
  EXPECT_EQ(op.Post(done, "{}").status, 409);
  EXPECT_EQ(op.Post(path + "/follow-ups/nope/done", "{}").status, 404);
}

TEST_F(ConsultationQueue, CloseAndReopen) {
  SessionClient& op = *world_->operator1;
  json c = ConsultationWorld::Create(op, world_->Anonymous());
  const std::string path = PathOf(c);
  auto closed = op.Post(path + "/close", json{{"version", 1}}.dump());
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["status"], "closed");
  EXPECT_FALSE(closed.Json()["closed_at_us"].is_null());
  EXPECT_EQ(op.Post(path + "/close", json{{"version", 2}}.dump()).status, 409);
  EXPECT_EQ(op.Post(path + "/follow-ups", json{{"text", "x"}}.dump()).status, 409);
  EXPECT_EQ(op.Post(path + "/danger-steps", json{{"step", "called_112"}}.dump()).status, 409);
  auto reopened = op.Post(path + "/reopen", json{{"version", 2}}.dump());
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(reopened.Json()["status"], "new");
  EXPECT_TRUE(reopened.Json()["closed_at_us"].is_null());
  EXPECT_EQ(op.Post(path + "/reopen", json{{"version", 3}}.dump()).status, 409);
}

TEST_F(ConsultationQueue, ImmediateDangerTellsTheRegionalCoordinatorWithoutPersonalData) {
  SessionClient& op = *world_->operator1;
  json body = world_->Anonymous("Mannen hotas av arbetsgivaren ikväll.");
  body["immediate_danger"] = true;
  body["received_at_us"] = 1780000000000000LL;  // a moment in the past
  json c = ConsultationWorld::Create(op, body);
  ASSERT_TRUE(c.contains("id"));
  EXPECT_EQ(c["urgency"], "immediate_danger");
  EXPECT_EQ(c["respond_by_us"], c["received_at_us"]);
  ASSERT_EQ(c["danger_steps"].size(), 1u);
  EXPECT_EQ(c["danger_steps"][0]["step"], "notified_regional_coordinator");
  EXPECT_TRUE(c["danger_steps"][0]["recorded_by"].is_null()) << "recorded by the system";

  auto notices =
      ConsultationWorld::Notices(*world_->regional, "consultation_immediate_danger", c["id"]);
  ASSERT_EQ(notices.size(), 1u);
  const std::string detail = notices[0]["detail"];
  EXPECT_NE(detail.find(c["code"].get<std::string>()), std::string::npos) << detail;
  EXPECT_NE(detail.find("Stockholm"), std::string::npos) << detail;
  for (const char* personal : {"hotas", "Testa Ringare", "08-555", "socialsekreterare"}) {
    EXPECT_EQ(notices[0].dump().find(personal), std::string::npos) << personal;
  }
  // Nobody else is told.
  EXPECT_TRUE(ConsultationWorld::Notices(*world_->social, "consultation_immediate_danger", c["id"])
                  .empty());

  auto step = op.Post(PathOf(c) + "/danger-steps", json{{"step", "called_112"}}.dump());
  ASSERT_EQ(step.status, 201) << step.body;
  EXPECT_EQ(step.Json()["n"], 2);
  EXPECT_EQ(step.Json()["recorded_by"]["id"], world_->operator1_id);
  EXPECT_TRUE(Refused(
      op.Post(PathOf(c) + "/danger-steps", json{{"step", "notified_regional_coordinator"}}.dump()),
      "step", "system_only"));
  EXPECT_TRUE(Refused(op.Post(PathOf(c) + "/danger-steps", json{{"step", "prayed"}}.dump()), "step",
                      "unknown_code"));
  EXPECT_EQ(op.Get(PathOf(c)).Json()["danger_steps"].size(), 2u);

  // A consultation that becomes one of danger on an update tells them too, once.
  json later = ConsultationWorld::Create(op, world_->Anonymous());
  json update = ConsultationWorld::AsUpdate(later);
  update["immediate_danger"] = true;
  auto changed = op.Put(PathOf(later), update.dump());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json()["urgency"], "immediate_danger");
  update["version"] = changed.Json()["version"];
  update["advice"] = "Ring 112.";
  ASSERT_EQ(op.Put(PathOf(later), update.dump()).status, 200);
  EXPECT_EQ(
      ConsultationWorld::Notices(*world_->regional, "consultation_immediate_danger", later["id"])
          .size(),
      1u);
  EXPECT_EQ(op.Get(PathOf(later)).Json()["danger_steps"].size(), 1u);
}

}  // namespace
}  // namespace opennrm::testing
