// Consultations through the API (issue 6 points 1 and 5): an anonymous
// consultation is recorded with a code and a response target; identity
// fields without consent, a personal identity number in the situation,
// unknown places, organisations and indicators are refused naming the field
// and rule and nothing is stored; changes carry the version (409 when
// stale, 409 "closed" when closed); only the national unit's hotline
// operators see their own organisation's consultations (others 403 or
// 404); every read and write is in the audit log without the text.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "audit_events_support.hpp"
#include "consultation_world.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class Consultations : public ::testing::Test {
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

  static long long Total(SessionClient& by) {
    auto r = by.Get("/api/v1/consultations?view=all&limit=1");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json()["total"].get<long long>() : -1;
  }

  static inline ConsultationWorld* world_ = nullptr;
};

TEST_F(Consultations, AnAnonymousConsultationIsRecordedWithACodeAndATarget) {
  SessionClient& op = *world_->operator1;
  json c = ConsultationWorld::Create(op, world_->Anonymous());
  ASSERT_TRUE(c.contains("id"));
  EXPECT_TRUE(std::regex_match(c["code"].get<std::string>(), std::regex("KON-[0-9]{4}-[0-9]{6}")))
      << c["code"];
  EXPECT_EQ(c["status"], "new");
  EXPECT_TRUE(c["assigned_to"].is_null());
  EXPECT_TRUE(c["first_response_at_us"].is_null());
  EXPECT_FALSE(c.contains("identity")) << "no identity without a basis";
  EXPECT_EQ(c["identity_basis"], "none");
  EXPECT_EQ(c["version"], 1);
  EXPECT_EQ(c["urgency"], "normal");
  EXPECT_GT(c["respond_by_us"].get<long long>(), c["received_at_us"].get<long long>());
  EXPECT_EQ(c["created_by"]["id"], world_->operator1_id);
  EXPECT_EQ(c["caller_organisation"]["id"], world_->municipality);
  EXPECT_EQ(c["caller_organisation"]["name"], "Rådgivningskommunens socialtjänst");
  EXPECT_EQ(c["person"]["indicators"][0], "recruitment.deceived_about_work");
  EXPECT_TRUE(c["follow_ups"].empty());
  EXPECT_TRUE(c["danger_steps"].empty());

  auto read = op.Get("/api/v1/consultations/" + c["id"].get<std::string>());
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["situation"], "En man arbetar utan lön.");
  EXPECT_EQ(read.Json()["caller"]["name"], "Testa Ringare");
  EXPECT_EQ(read.Json()["advice"], "Kontakta regionkoordinatorn.");

  // A second one takes the next number.
  json next = ConsultationWorld::Create(op, world_->Anonymous());
  EXPECT_NE(next["code"], c["code"]);

  auto events = AuditEventsOnObject(*world_->auditor, c["id"], "consultation.read");
  bool created = false, read_event = false;
  for (const auto& e : events) {
    created = created || e["action"] == "consultation.created";
    read_event = read_event || e["action"] == "consultation.read";
    EXPECT_EQ(e.dump().find("utan lön"), std::string::npos) << "no text in the audit log";
    EXPECT_EQ(e.dump().find("Testa Ringare"), std::string::npos);
  }
  EXPECT_TRUE(created);
  EXPECT_TRUE(read_event);
}

TEST_F(Consultations, AssignToMeTakesItAtOnce) {
  json body = world_->Anonymous();
  body["assign_to_me"] = true;
  json c = ConsultationWorld::Create(*world_->operator1, body);
  EXPECT_EQ(c["status"], "assigned");
  EXPECT_EQ(c["assigned_to"]["id"], world_->operator1_id);
  EXPECT_EQ(c["assigned_to"]["name"], "Test kon-operator1");
  EXPECT_FALSE(c["first_response_at_us"].is_null());
  EXPECT_FALSE(c["overdue"].get<bool>());
}

TEST_F(Consultations, IdentityFieldsNeedABasisAndAreKeptWithOne) {
  SessionClient& op = *world_->operator1;
  const long long before = Total(op);
  json body = world_->Anonymous();
  body["identity"]["name"] = "Anna Testperson";
  auto refused = op.Post("/api/v1/consultations", body.dump());
  EXPECT_TRUE(Refused(refused, "identity.name", "consent_required")) << refused.body;
  EXPECT_EQ(Total(op), before) << "nothing stored";

  body["identity_basis"] = "consent";
  body["identity"]["date_of_birth"] = "1990-04-05";
  json c = ConsultationWorld::Create(op, body);
  ASSERT_TRUE(c.contains("identity")) << c.dump();
  EXPECT_EQ(c["identity"]["name"], "Anna Testperson");
  EXPECT_EQ(c["identity"]["date_of_birth"], "1990-04-05");
  EXPECT_EQ(Total(op), before + 1);
}

TEST_F(Consultations, EveryBadInputIsNamedAndNothingIsStored) {
  SessionClient& op = *world_->operator1;
  const long long before = Total(op);
  struct Bad {
    const char* pointer;
    json value;
    const char* field;
    const char* rule;
  };
  const std::vector<Bad> bad = {
      {"/situation", "Han heter 19811218-9876 och bor här.", "situation", "looks_identifying"},
      {"/municipality_code", "9999", "municipality_code", "unknown_municipality"},
      {"/caller/organisation_id", "no-such-organisation", "caller.organisation_id",
       "unknown_organisation"},
      {"/person/indicators/0", "no_such_indicator", "person.indicators[0]", "unknown_indicator"},
      {"/topic", "gossip", "topic", "unknown_code"},
      {"/channel", "pigeon", "channel", "unknown_code"},
      {"/person/forms/0", "piracy", "person.forms[0]", "unknown_code"},
      {"/person/approximate_age", 300, "person.approximate_age", "out_of_range"},
      {"/abroad_country", "RO", "place", "both_places"},
      {"/identity_basis", "report_of_concern", "identity_basis", "child_only"},
      {"/caller/name", std::string(201, 'x'), "caller.name", "max_length"},
      {"/received_at_us", 4000000000000000LL, "received_at_us", "in_future"},
      {"/mystery", 1, "mystery", "unknown_field"},
      {"/interpreter", "yes", "interpreter", "type"},
  };
  for (const auto& b : bad) {
    json body = world_->Anonymous();
    body[json::json_pointer(b.pointer)] = b.value;
    auto r = op.Post("/api/v1/consultations", body.dump());
    EXPECT_TRUE(Refused(r, b.field, b.rule)) << b.pointer << ": " << r.status << " " << r.body;
  }
  EXPECT_EQ(Total(op), before) << "nothing stored";
  auto too_big =
      op.Post("/api/v1/consultations",
              json{{"topic", "other"}, {"situation", std::string(300 * 1024, 'a')}}.dump());
  EXPECT_EQ(too_big.status, 413);
}

TEST_F(Consultations, AnUpdateCarriesTheVersionAndAClosedOneIsNotChanged) {
  SessionClient& op = *world_->operator1;
  json c = ConsultationWorld::Create(op, world_->Anonymous());
  const std::string path = "/api/v1/consultations/" + c["id"].get<std::string>();
  json body = ConsultationWorld::AsUpdate(c);
  body["advice"] = "Ny rådgivning.";
  auto updated = op.Put(path, body.dump());
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.Json()["advice"], "Ny rådgivning.");
  EXPECT_EQ(updated.Json()["version"], 2);
  EXPECT_EQ(updated.Json()["code"], c["code"]);

  auto stale = op.Put(path, body.dump());  // still version 1
  EXPECT_EQ(stale.status, 409) << stale.body;

  auto bad = op.Put(path, json{{"topic", "other"}}.dump());
  EXPECT_TRUE(Refused(bad, "version", "required")) << bad.body;

  auto closed = op.Post(path + "/close", json{{"version", 2}}.dump());
  ASSERT_EQ(closed.status, 200) << closed.body;
  body["version"] = closed.Json()["version"];
  auto refused = op.Put(path, body.dump());
  EXPECT_EQ(refused.status, 409) << refused.body;
  bool names_closed = false;
  const json errors = refused.Json()["errors"];
  for (const auto& e : errors) {
    names_closed = names_closed || (e["field"] == "status" && e["rule"] == "closed");
  }
  EXPECT_TRUE(names_closed) << refused.body;
  EXPECT_EQ(op.Get(path).Json()["advice"], "Ny rådgivning.");

  auto events = AuditEventsOnObject(*world_->auditor, c["id"], "consultation.closed");
  bool updated_event = false;
  for (const auto& e : events)
    updated_event = updated_event || e["action"] == "consultation.updated";
  EXPECT_TRUE(updated_event);
}

TEST_F(Consultations, OnlyTheUnitsHotlineOperatorsWorkWithItsConsultations) {
  json c = ConsultationWorld::Create(*world_->operator1, world_->Anonymous());
  const std::string path = "/api/v1/consultations/" + c["id"].get<std::string>();
  const std::string body = world_->Anonymous().dump();
  // The unit's own users without the role: 403.
  SessionClient& stat = *world_->statistician;
  EXPECT_EQ(stat.Get("/api/v1/consultations").status, 403);
  EXPECT_EQ(stat.Post("/api/v1/consultations", body).status, 403);
  EXPECT_EQ(stat.Get(path).status, 403);
  EXPECT_EQ(stat.Get("/api/v1/hotline/operators").status, 403);
  // Other organisations' users: the collection 403, the consultation 404.
  for (SessionClient* s : {world_->social, world_->regional, world_->other_unit}) {
    EXPECT_EQ(s->Get(path).status, 404);
    EXPECT_EQ(s->Post(path + "/close", json{{"version", 1}}.dump()).status, 404);
    EXPECT_EQ(s->Post(path + "/follow-ups", json{{"text", "x"}}.dump()).status, 404);
  }
  EXPECT_EQ(world_->social->Get("/api/v1/consultations").status, 403);
  EXPECT_EQ(world_->regional->Post("/api/v1/consultations", body).status, 403);
  // The other national unit's operator works, with its own consultations only.
  auto theirs = world_->other_unit->Get("/api/v1/consultations?view=all");
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  EXPECT_EQ(theirs.Json()["total"], 0);
  EXPECT_EQ(world_->operator1->Get("/api/v1/consultations/nope").status, 404);
  EXPECT_EQ(world_->operator1->Get(path).Json()["version"], 1) << "nothing changed";

  auto events = AuditEventsOnObject(*world_->auditor, c["id"], "consultation.read", "denied");
  bool denied = false;
  for (const auto& e : events) denied = denied || e["outcome"] == "denied";
  EXPECT_TRUE(denied) << "the refusals are audited";
}

}  // namespace
}  // namespace opennrm::testing
