// A hotline consultation as the source of a referral (issue 6 point 3): with
// the person's consent the operator refers what was recorded to the regional
// coordinator, who reads the package and accepts it into a case of its own;
// for a child, on the report-of-concern basis, to the municipal social
// services; an anonymous consultation is never referred. A revoked consent
// tells the recipient. Only the unit's hotline operators act (others 403 or
// 404), and every step is audited with its basis. Synthetic data only.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "audit_events_support.hpp"
#include "consultation_world.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class ConsultationReferrals : public ::testing::Test {
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

  // A consultation in which the person consented to being identified.
  static json Identified(const std::string& name) {
    json body = world_->Anonymous("Hon städar utan lön och har inte sitt pass.");
    body["identity_basis"] = "consent";
    body["identity"] = {{"name", name},
                        {"date_of_birth", "1993-02-03"},
                        {"phone", "070-555 12 34"},
                        {"email", "samtycke@example.invalid"}};
    body["person"]["gender"] = "female";
    return body;
  }

  static std::string Path(const json& consultation, const std::string& tail) {
    return "/api/v1/consultations/" + consultation.value("id", std::string("none")) + tail;
  }

  // A consent recorded on `consultation` for `recipient`; the answer.
  static HttpResponse RecordConsent(SessionClient& by, const json& consultation,
                                    const std::string& recipient, const std::string& purpose,
                                    const std::vector<std::string>& sections) {
    return by.Post(Path(consultation, "/consents"), json{{"recipient_organisation_id", recipient},
                                                         {"purpose", purpose},
                                                         {"sections", sections},
                                                         {"given_on", UtcDay(0)},
                                                         {"form", "spoken"},
                                                         {"language", "swe"},
                                                         {"note", "Sagt i telefon."}}
                                                        .dump());
  }

  static json Referral(const std::string& recipient, const std::string& purpose,
                       const std::vector<std::string>& sections, const std::string& basis,
                       const std::string& consent_id = "") {
    json body{{"recipient_organisation_id", recipient},
              {"purpose", purpose},
              {"sections", sections},
              {"basis", basis}};
    if (!consent_id.empty()) body["consent_id"] = consent_id;
    return body;
  }

  // Sends `consultation` to the coordinator on a fresh consent; the referral.
  static json ReferWithConsent(const json& consultation, std::string* consent_id = nullptr) {
    const std::vector<std::string> sections{"identity", "contact", "assessment", "notes"};
    auto consent =
        RecordConsent(*world_->operator1, consultation, world_->coordinator, "support", sections);
    EXPECT_EQ(consent.status, 201) << consent.body;
    if (consent.status != 201) return json::object();
    const std::string id = consent.Json()["id"];
    if (consent_id) *consent_id = id;
    auto sent = world_->operator1->Post(
        Path(consultation, "/referrals"),
        Referral(world_->coordinator, "support", sections, "consent", id).dump());
    EXPECT_EQ(sent.status, 201) << sent.body;
    return sent.status == 201 ? sent.Json() : json::object();
  }

  static int Count(SessionClient& who, const std::string& kind, const std::string& subject) {
    return static_cast<int>(ConsultationWorld::Notices(who, kind, subject).size());
  }

  static bool HasObject(const std::vector<json>& events, const std::string& action,
                        const std::string& type, const std::string& id) {
    for (const auto& e : events) {
      if (e["action"] != action) continue;
      for (const auto& o : e["objects"]) {
        if (o["type"] == type && o["id"] == id) return true;
      }
    }
    return false;
  }

  static inline ConsultationWorld* world_ = nullptr;
};

TEST_F(ConsultationReferrals, WithConsentTheCoordinatorReadsThePackageAndTakesItIn) {
  json c = ConsultationWorld::Create(*world_->operator1, Identified("Saga Samtyckesdotter"));
  ASSERT_TRUE(c.contains("id"));
  std::string consent_id;
  json sent = ReferWithConsent(c, &consent_id);
  ASSERT_TRUE(sent.contains("id")) << sent;
  const std::string id = sent["id"];
  EXPECT_EQ(sent["source"], json({{"kind", "consultation"}, {"id", c["id"]}, {"code", c["code"]}}));
  EXPECT_TRUE(sent["person"].is_null()) << "the person has no record at the national unit";
  EXPECT_EQ(sent["sender"]["id"], world_->unit);
  EXPECT_EQ(sent["recipient"]["id"], world_->coordinator);
  EXPECT_EQ(sent["basis"]["code"], "consent");
  EXPECT_EQ(sent["consent_id"], consent_id);
  EXPECT_EQ(sent["delivery"], "in_app");
  EXPECT_EQ(sent["sections"], json({"identity", "contact", "assessment", "notes"}));

  // The consultation's ledger and sent list.
  auto consents = world_->operator2->Get(Path(c, "/consents"));
  ASSERT_EQ(consents.status, 200) << consents.body;
  ASSERT_EQ(consents.Json()["items"].size(), 1u);
  json consent = consents.Json()["items"][0];
  EXPECT_EQ(consent["id"], consent_id);
  EXPECT_EQ(consent["consultation_id"], c["id"]);
  EXPECT_EQ(consent["status"], "given");
  EXPECT_EQ(consent["note"], "Sagt i telefon.");
  EXPECT_FALSE(consent.contains("person_id"));
  auto list = world_->operator2->Get(Path(c, "/referrals"));
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  EXPECT_EQ(list.Json()["items"][0]["id"], id);

  // The recipient: a notice, its inbox, the package with what was recorded.
  EXPECT_EQ(Count(*world_->regional, "referral_received", id), 1);
  auto read = world_->regional->Get("/api/v1/referrals/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["source"], json({{"kind", "consultation"}})) << "not the sender's records";
  auto package = world_->regional->Get("/api/v1/referrals/" + id + "/package");
  ASSERT_EQ(package.status, 200) << package.body;
  json doc = package.Json()["package"];
  EXPECT_EQ(doc["case"]["code"], c["code"]);
  EXPECT_EQ(doc["sender"]["id"], world_->unit);
  const json& sections = doc["sections"];
  EXPECT_EQ(sections["identity"]["identity"]["names"][0]["l"], "Saga Samtyckesdotter");
  EXPECT_NE(sections["contact"].dump().find("070-555 12 34"), std::string::npos) << sections;
  EXPECT_NE(sections["contact"].dump().find("samtycke@example.invalid"), std::string::npos);
  EXPECT_NE(sections["assessment"].dump().find("labour"), std::string::npos) << sections;
  ASSERT_EQ(sections["notes"].size(), 2u) << sections;
  EXPECT_NE(sections["notes"][0]["text"].get<std::string>().find("städar utan lön"),
            std::string::npos);
  EXPECT_NE(sections["notes"][1]["text"].get<std::string>().find("Kontakta regionkoordinatorn."),
            std::string::npos);

  // Accepted into a new case of the coordinator's, the person from the identity.
  auto accepted =
      world_->regional->Post("/api/v1/referrals/" + id + "/accept", json{{"version", 1}}.dump());
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  ASSERT_TRUE(accepted.Json()["recipient_case_id"].is_string()) << accepted.body;
  const std::string new_case = accepted.Json()["recipient_case_id"];
  auto held = world_->regional->Get("/api/v1/cases/" + new_case + "/persons");
  ASSERT_EQ(held.status, 200) << held.body;
  ASSERT_EQ(held.Json()["items"].size(), 1u) << held.body;
  EXPECT_NE(held.body.find("Saga Samtyckesdotter"), std::string::npos);
  auto kase = world_->regional->Get("/api/v1/cases/" + new_case);
  ASSERT_EQ(kase.status, 200) << kase.body;
  EXPECT_EQ(kase.Json()["type"], "trafficking_in_human_beings") << "from the topic";

  // Nobody is assigned: every operator of the unit is told of the answer.
  EXPECT_EQ(Count(*world_->operator1, "referral_accepted", id), 1);
  EXPECT_EQ(Count(*world_->operator2, "referral_accepted", id), 1);
  auto after = world_->operator1->Get("/api/v1/referrals/" + id);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.Json()["status"], "accepted");
  EXPECT_TRUE(after.Json()["recipient_case_id"].is_null()) << "the recipient's own record";

  // Audited as a disclosure with its basis; the consent names the consultation.
  const std::string basis = "consent@" + sent["basis"]["valid_from"].get<std::string>();
  auto events = AuditEventsOnObject(*world_->auditor, id, "referral.accepted");
  for (const char* action : {"referral.sent", "referral.accepted"}) {
    EXPECT_TRUE(HasObject(events, action, "legal_basis", basis)) << action;
    EXPECT_TRUE(HasObject(events, action, "consultation", c["id"])) << action;
    EXPECT_TRUE(HasObject(events, action, "consent", consent_id)) << action;
    EXPECT_TRUE(HasObject(events, action, "organisation", world_->coordinator)) << action;
  }
  auto on_consultation = AuditEventsOnObject(*world_->auditor, c["id"], "consent.recorded");
  bool recorded = false;
  for (const auto& e : on_consultation) {
    if (e["action"] == "consent.recorded") recorded = e["purpose"] == "hotline";
  }
  EXPECT_TRUE(recorded);
  for (const auto& e : on_consultation) {
    EXPECT_EQ(e.dump().find("Saga"), std::string::npos) << "no text in the audit log";
  }
}

TEST_F(ConsultationReferrals, AnAnonymousConsultationIsNeverReferred) {
  json c = ConsultationWorld::Create(*world_->operator1, world_->Anonymous());
  ASSERT_TRUE(c.contains("id"));
  auto consent = RecordConsent(*world_->operator1, c, world_->coordinator, "support", {"notes"});
  ASSERT_EQ(consent.status, 201) << consent.body;
  const std::string before = world_->regional->Get("/api/v1/referrals/inbox?limit=200").body;
  for (const json& body :
       {Referral(world_->coordinator, "support", {"notes"}, "consent", consent.Json()["id"]),
        Referral(world_->coordinator, "support", {"assessment"}, "own_task_necessity")}) {
    json with_reason = body;
    with_reason["justification"] = "Samordnaren behöver veta.";
    auto r = world_->operator1->Post(Path(c, "/referrals"), with_reason.dump());
    EXPECT_TRUE(Refused(r, "identity_basis", "anonymous_consultation")) << r.body;
  }
  auto list = world_->operator1->Get(Path(c, "/referrals"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(list.Json()["items"].empty());
  EXPECT_EQ(world_->regional->Get("/api/v1/referrals/inbox?limit=200").body, before)
      << "nothing disclosed";
}

TEST_F(ConsultationReferrals, OnlyTheFourSectionsAConsultationHolds) {
  json c = ConsultationWorld::Create(*world_->operator1, Identified("Sektion Saknadsson"));
  auto r = world_->operator1->Post(
      Path(c, "/referrals"),
      Referral(world_->coordinator, "support", {"identity", "needs_safety"}, "consent", "x")
          .dump());
  EXPECT_TRUE(Refused(r, "sections[1]", "not_in_source")) << r.body;
  auto body = Referral(world_->coordinator, "support", {"identity"}, "consent", "x");
  body["person_id"] = "anyone";
  auto person = world_->operator1->Post(Path(c, "/referrals"), body.dump());
  EXPECT_TRUE(Refused(person, "person_id", "unknown_field")) << person.body;
  // A consent of another consultation is not this one's.
  json other = ConsultationWorld::Create(*world_->operator1, Identified("Annan Person"));
  auto theirs =
      RecordConsent(*world_->operator1, other, world_->coordinator, "support", {"identity"});
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  auto r2 = world_->operator1->Post(
      Path(c, "/referrals"),
      Referral(world_->coordinator, "support", {"identity"}, "consent", theirs.Json()["id"])
          .dump());
  EXPECT_TRUE(Refused(r2, "consent_id", "unknown_consent")) << r2.body;
}

TEST_F(ConsultationReferrals, AChildOnTheReportOfConcernBasisGoesToSocialServices) {
  json body = world_->Anonymous("En flicka säljer sex åt en äldre man.");
  body["topic"] = "child";
  body["person"]["age_group"] = "child";
  body["person"]["approximate_age"] = 15;
  body["person"]["gender"] = "female";
  body["person"]["forms"] = {"sexual"};
  body["identity_basis"] = "report_of_concern";
  body["identity"]["name"] = "Lilla Orosdotter";
  json c = ConsultationWorld::Create(*world_->operator1, body);
  ASSERT_TRUE(c.contains("id"));
  json referral = Referral(world_->municipality, "child_protection", {"identity", "notes"},
                           "duty_to_report_child");
  referral["justification"] = "Orosanmälan: ett barn som kan utnyttjas sexuellt.";

  json to_coordinator = referral;
  to_coordinator["recipient_organisation_id"] = world_->coordinator;
  auto wrong = world_->operator1->Post(Path(c, "/referrals"), to_coordinator.dump());
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  bool names_recipient = false;
  for (const auto& [field, rule] : ProblemsOf(wrong)) {
    names_recipient = names_recipient || field == "recipient_organisation_id";
  }
  EXPECT_TRUE(names_recipient) << "a report of concern goes to social services only";

  auto sent = world_->operator1->Post(Path(c, "/referrals"), referral.dump());
  ASSERT_EQ(sent.status, 201) << sent.body;
  json s = sent.Json();
  EXPECT_EQ(s["basis"]["code"], "duty_to_report_child");
  EXPECT_TRUE(s["consent_id"].is_null());
  EXPECT_EQ(s["justification"], "Orosanmälan: ett barn som kan utnyttjas sexuellt.");
  const std::string id = s["id"];
  EXPECT_EQ(Count(*world_->social, "referral_received", id), 1);
  auto package = world_->social->Get("/api/v1/referrals/" + id + "/package");
  ASSERT_EQ(package.status, 200) << package.body;
  const json sections = package.Json()["package"]["sections"];
  ASSERT_TRUE(sections.contains("identity")) << sections;
  const json& identity = sections["identity"]["identity"];
  EXPECT_EQ(identity["names"][0]["l"], "Lilla Orosdotter");
  EXPECT_EQ(identity["minor"], true);
  EXPECT_FALSE(sections.contains("contact"));

  auto events = AuditEventsOnObject(*world_->auditor, id, "referral.sent", "allowed");
  EXPECT_TRUE(HasObject(events, "referral.sent", "legal_basis",
                        "duty_to_report_child@" + s["basis"]["valid_from"].get<std::string>()));
}

TEST_F(ConsultationReferrals, RevokingTheConsentTellsTheRecipient) {
  json c = ConsultationWorld::Create(*world_->operator1, Identified("Rut Återkallad"));
  std::string consent_id;
  json sent = ReferWithConsent(c, &consent_id);
  ASSERT_TRUE(sent.contains("id")) << sent;
  const std::string revoke = "/api/v1/consents/" + consent_id + "/revoke";
  const std::string body = json{{"revoked_on", UtcDay(0)}, {"reason", "Vill inte längre."}}.dump();
  // Not for another organisation's users, nor the unit's users without the role.
  EXPECT_EQ(world_->regional->Post(revoke, body).status, 404);
  EXPECT_EQ(world_->other_unit->Post(revoke, body).status, 404);
  EXPECT_EQ(world_->statistician->Post(revoke, body).status, 403);

  auto revoked = world_->operator2->Post(revoke, body);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.Json()["status"], "revoked");
  EXPECT_EQ(Count(*world_->regional, "consent_revoked", sent["id"]), 1);
  auto ledger = world_->operator1->Get(Path(c, "/consents"));
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  EXPECT_EQ(ledger.Json()["items"][0]["status"], "revoked");
  EXPECT_EQ(ledger.Json()["items"][0]["revocation_reason"], "Vill inte längre.");

  auto again = world_->operator1->Post(
      Path(c, "/referrals"),
      Referral(world_->coordinator, "support", {"identity"}, "consent", consent_id).dump());
  EXPECT_TRUE(Refused(again, "consent_id", "consent_revoked")) << again.body;
  auto events = AuditEventsOnObject(*world_->auditor, consent_id, "consent.revoked");
  EXPECT_TRUE(HasObject(events, "consent.revoked", "consultation", c["id"]));
  EXPECT_TRUE(HasObject(events, "consent.revoked", "referral", sent["id"]));
}

TEST_F(ConsultationReferrals, OtherOrganisationsSeeNothingAndOthersOfTheUnitAreRefused) {
  json c = ConsultationWorld::Create(*world_->operator1, Identified("Dold Person"));
  json consent = {{"recipient_organisation_id", world_->coordinator},
                  {"purpose", "support"},
                  {"sections", {"identity"}},
                  {"given_on", UtcDay(0)},
                  {"form", "spoken"},
                  {"language", "swe"}};
  json referral = Referral(world_->coordinator, "support", {"identity"}, "own_task_necessity");
  for (SessionClient* s : {world_->social, world_->regional, world_->other_unit}) {
    EXPECT_EQ(s->Get(Path(c, "/consents")).status, 404);
    EXPECT_EQ(s->Post(Path(c, "/consents"), consent.dump()).status, 404);
    EXPECT_EQ(s->Get(Path(c, "/referrals")).status, 404);
    EXPECT_EQ(s->Post(Path(c, "/referrals"), referral.dump()).status, 404);
  }
  SessionClient& stat = *world_->statistician;
  EXPECT_EQ(stat.Get(Path(c, "/consents")).status, 403);
  EXPECT_EQ(stat.Post(Path(c, "/consents"), consent.dump()).status, 403);
  EXPECT_EQ(stat.Get(Path(c, "/referrals")).status, 403);
  EXPECT_EQ(stat.Post(Path(c, "/referrals"), referral.dump()).status, 403);
  EXPECT_EQ(world_->operator1->Get("/api/v1/consultations/nope/referrals").status, 404);
  auto mine = world_->operator1->Get(Path(c, "/consents"));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_TRUE(mine.Json()["items"].empty()) << "nothing was recorded";

  auto events = AuditEventsOnObject(*world_->auditor, c["id"], "referral.sent", "denied");
  bool denied = false;
  for (const auto& e : events) denied = denied || (e["outcome"] == "denied");
  EXPECT_TRUE(denied) << "refusals are audited";
}

}  // namespace
}  // namespace opennrm::testing
