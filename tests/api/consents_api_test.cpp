// The consent ledger through the API (issue 5, point 2): the case's team
// records a person's consent to share chosen sections with another
// organisation for one purpose, lists the case's consents and records a
// revocation, which notifies the recipients of the referrals that relied on
// the consent. Bad input gets a 422 naming the field and rule, and nothing is
// written; another organisation's user gets 404, a colleague not on the team
// 403 and an audited denial.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "case_fixture.hpp"
#include "raw_database.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class Consents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer();
    ASSERT_TRUE(world_->ok());
    municipality_ =
        world_->NewOrganisation("Samtyckeskommunens socialtjänst", "municipal_social_services");
    shelter_ = world_->NewOrganisation("Samtyckesboendet", "ngo_shelter");
    auto* m_admin =
        world_->NewUser(world_->admin(), municipality_, "sam-admin", "organisation_administrator");
    owner_ = world_->NewUser(*m_admin, municipality_, "sam-agare", "social_worker", &owner_id_);
    colleague_ = world_->NewUser(*m_admin, municipality_, "sam-kollega", "social_worker");
    auditor_ = world_->NewUser(*m_admin, municipality_, "sam-revisor", "auditor");
    auto* s_admin =
        world_->NewUser(world_->admin(), shelter_, "sam-boendeadmin", "organisation_administrator");
    ngo_ = world_->NewUser(*s_admin, shelter_, "sam-ngo", "ngo_worker");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  // A case of the owner's with one Romanian-speaking presumed victim.
  struct Made {
    std::string case_id, person_id;
  };
  static Made NewCaseWithPerson() {
    Made m;
    m.case_id = CaseServer::NewCase(*owner_, "human_exploitation");
    m.person_id =
        CaseServer::NewPerson(*owner_, m.case_id,
                              json{{"role", "presumed_victim"},
                                   {"names", {{{"kind", "name"}, {"latin", "Samtycke Person"}}}},
                                   {"languages", {"ron"}}});
    return m;
  }
  static json ValidBody(const Made& m) {
    return json{{"person_id", m.person_id},
                {"recipient_organisation_id", shelter_},
                {"purpose", "shelter"},
                {"sections", {"identity", "needs_safety"}},
                {"given_on", UtcDay(-1)},
                {"form", "spoken"},
                {"language", "ron"},
                {"interpreter",
                 {{"language", "ron"}, {"mode", "remote"}, {"relationship", "professional"}}},
                {"note", "Hon samtyckte efter att tolken läst upp vad som delas."}};
  }
  // What a refusal must leave unchanged: the ledger and the timeline.
  static std::string Written(const std::string& case_id) {
    std::string base = "/api/v1/cases/" + case_id;
    return owner_->Get(base + "/consents").body + owner_->Get(base + "/timeline?limit=500").body;
  }
  // The audit events naming `object_id`, as "action/outcome", once `want` is there.
  static std::set<std::string> Events(const std::string& object_id, const std::string& want) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
      auto events = auditor_->Get("/api/v1/audit/events?object_id=" + object_id + "&limit=50");
      EXPECT_EQ(events.status, 200) << events.body;
      seen.clear();
      const json items = events.Json()["items"];
      for (const auto& ev : items) {
        std::string action = ev["action"].is_string() ? ev["action"].get<std::string>() : "";
        std::string outcome = ev["outcome"].is_string() ? ev["outcome"].get<std::string>() : "";
        seen.insert(action + "/" + outcome);
      }
      if (seen.count(want)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return seen;
  }

  static inline CaseServer* world_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
  static inline SessionClient* colleague_ = nullptr;
  static inline SessionClient* auditor_ = nullptr;
  static inline SessionClient* ngo_ = nullptr;
  static inline std::string owner_id_, municipality_, shelter_;
};

TEST_F(Consents, AConsentIsRecordedListedAndRevoked) {
  Made m = NewCaseWithPerson();
  std::string base = "/api/v1/cases/" + m.case_id;
  auto made = owner_->Post(base + "/consents", ValidBody(m).dump());
  ASSERT_EQ(made.status, 201) << made.body;
  json c = made.Json();
  EXPECT_EQ(c["person_id"], m.person_id);
  EXPECT_EQ(c["person_code"].get<std::string>().rfind("P-", 0), 0u) << c;
  EXPECT_EQ(c["recipient_organisation_id"], shelter_);
  EXPECT_EQ(c["recipient_name"], "Samtyckesboendet");
  EXPECT_EQ(c["purpose"], "shelter");
  EXPECT_EQ(c["sections"], json::array({"identity", "needs_safety"}));
  EXPECT_EQ(c["given_on"], UtcDay(-1));
  EXPECT_EQ(c["form"], "spoken");
  EXPECT_EQ(c["language"], "ron");
  EXPECT_EQ(c["interpreter"]["relationship"], "professional");
  EXPECT_EQ(c["taken_by"], owner_id_);
  EXPECT_EQ(c["status"], "given");
  EXPECT_TRUE(c["revoked_on"].is_null());

  auto list = owner_->Get(base + "/consents");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  json listed = list.Json()["items"][0];
  EXPECT_EQ(listed["id"], c["id"]);
  EXPECT_EQ(listed["note"], ValidBody(m)["note"]) << "the sealed note opens again";
  EXPECT_EQ(listed["interpreter"]["mode"], "remote");
  EXPECT_EQ(listed["person_code"], c["person_code"]);

  auto timeline = owner_->Get(base + "/timeline?limit=500");
  EXPECT_NE(timeline.body.find("consent.recorded"), std::string::npos) << timeline.body;
  EXPECT_EQ(timeline.body.find("tolken"), std::string::npos) << "no free text in the log";

  const std::string consent_id = c["id"];
  auto revoked =
      owner_->Post("/api/v1/consents/" + consent_id + "/revoke",
                   json{{"revoked_on", UtcDay(0)}, {"reason", "Vill inte längre."}}.dump());
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.Json()["status"], "revoked");
  EXPECT_EQ(revoked.Json()["revoked_on"], UtcDay(0));
  EXPECT_EQ(revoked.Json()["revoked_by"], owner_id_);
  auto after = owner_->Get(base + "/consents").Json()["items"][0];
  EXPECT_EQ(after["status"], "revoked");
  EXPECT_EQ(after["revocation_reason"], "Vill inte längre.");

  // Revoking twice: 422 naming revocation/already_revoked, nothing changed.
  std::string before = Written(m.case_id);
  auto again = owner_->Post("/api/v1/consents/" + consent_id + "/revoke",
                            json{{"revoked_on", UtcDay(0)}}.dump());
  EXPECT_TRUE(Refused(again, "revocation", "already_revoked")) << again.body;
  EXPECT_EQ(Written(m.case_id), before);

  auto seen = Events(consent_id, "consent.revoked/allowed");
  EXPECT_TRUE(seen.count("consent.recorded/allowed")) << ::testing::PrintToString(seen);
  EXPECT_TRUE(seen.count("consent.revoked/allowed")) << ::testing::PrintToString(seen);
}

TEST_F(Consents, EveryBadInputIsNamedAndNothingIsWritten) {
  Made m = NewCaseWithPerson();
  std::string base = "/api/v1/cases/" + m.case_id;
  std::string other_case_person =
      CaseServer::NewPerson(*owner_, CaseServer::NewCase(*owner_, "human_exploitation"),
                            json{{"role", "presumed_victim"},
                                 {"names", {{{"kind", "name"}, {"latin", "Annan Person"}}}}});
  std::string before = Written(m.case_id);
  struct Bad {
    const char* field;
    json value;  // replaces the field (null: removes it)
    const char* error_field;
    const char* rule;
  };
  const std::vector<Bad> bad = {
      {"person_id", nullptr, "person_id", "required"},
      {"person_id", other_case_person, "person_id", "not_in_case"},
      {"recipient_organisation_id", "no-such-organisation", "recipient_organisation_id",
       "unknown_organisation"},
      {"recipient_organisation_id", municipality_, "recipient_organisation_id", "own_organisation"},
      {"purpose", "gossip", "purpose", "unknown_code"},
      {"sections", json::array(), "sections", "required"},
      {"sections", {"identity", "secrets"}, "sections[1]", "unknown_code"},
      {"sections", {"identity", "identity"}, "sections[1]", "duplicate"},
      {"given_on", UtcDay(3), "given_on", "not_future"},
      {"given_on", "5 mars", "given_on", "format"},
      {"form", "telepathy", "form", "unknown_code"},
      {"language", "xx1", "language", "unknown_language"},
      {"interpreter",
       {{"language", "ron"}, {"mode", "in_person"}, {"relationship", "family_member"}},
       "interpreter.relationship",
       "interpreter_family_or_companion"},
      {"interpreter",
       {{"language", "ron"}, {"mode", "in_person"}, {"relationship", "companion"}},
       "interpreter.relationship",
       "interpreter_family_or_companion"},
      {"note", std::string(5000, 'x'), "note", "max_length"},
  };
  for (const auto& b : bad) {
    json body = ValidBody(m);
    if (b.value.is_null()) {
      body.erase(b.field);
    } else {
      body[b.field] = b.value;
    }
    auto r = owner_->Post(base + "/consents", body.dump());
    EXPECT_TRUE(Refused(r, b.error_field, b.rule))
        << b.field << " -> " << b.error_field << "/" << b.rule << ": " << r.body;
  }
  EXPECT_EQ(Written(m.case_id), before) << "nothing written";

  // Revocation rules.
  auto made = owner_->Post(base + "/consents", ValidBody(m).dump());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string revoke = "/api/v1/consents/" + made.Json()["id"].get<std::string>() + "/revoke";
  before = Written(m.case_id);
  EXPECT_TRUE(Refused(owner_->Post(revoke, json{{"revoked_on", UtcDay(-5)}}.dump()), "revoked_on",
                      "before_given"));
  EXPECT_TRUE(Refused(owner_->Post(revoke, json{{"revoked_on", UtcDay(3)}}.dump()), "revoked_on",
                      "not_future"));
  EXPECT_TRUE(Refused(owner_->Post(revoke, json::object().dump()), "revoked_on", "required"));
  EXPECT_TRUE(Refused(
      owner_->Post(revoke,
                   json{{"revoked_on", UtcDay(0)}, {"reason", std::string(5000, 'x')}}.dump()),
      "reason", "max_length"));
  EXPECT_EQ(Written(m.case_id), before) << "nothing written";
}

TEST_F(Consents, OtherOrganisationsGet404AndColleaguesOffTheTeam403Audited) {
  Made m = NewCaseWithPerson();
  std::string base = "/api/v1/cases/" + m.case_id;
  auto made = owner_->Post(base + "/consents", ValidBody(m).dump());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string revoke = "/api/v1/consents/" + made.Json()["id"].get<std::string>() + "/revoke";
  const std::string revocation = json{{"revoked_on", UtcDay(0)}}.dump();
  std::string before = Written(m.case_id);
  const std::string ledger = owner_->Get(base + "/consents").body;

  EXPECT_EQ(ngo_->Post(base + "/consents", ValidBody(m).dump()).status, 404);
  EXPECT_EQ(ngo_->Get(base + "/consents").status, 404);
  EXPECT_EQ(ngo_->Post(revoke, revocation).status, 404);
  EXPECT_EQ(ngo_->Post("/api/v1/consents/no-such-consent/revoke", revocation).status, 404);
  EXPECT_EQ(Written(m.case_id), before) << "nothing written";

  // A colleague off the team may not know the case; once they open it by
  // break-glass they read the ledger but neither record nor revoke.
  EXPECT_EQ(colleague_->Post(base + "/consents", ValidBody(m).dump()).status, 404);
  EXPECT_EQ(colleague_->Get(base + "/consents").status, 404);
  auto glass =
      colleague_->Post(base + "/break-glass",
                       json{{"reason", "Samtycket behövs i kväll och teamet nås inte."}}.dump());
  ASSERT_LT(glass.status, 300) << glass.body;
  EXPECT_EQ(colleague_->Get(base + "/consents").status, 200);
  auto refused = colleague_->Post(base + "/consents", ValidBody(m).dump());
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(colleague_->Post(revoke, revocation).status, 403);
  EXPECT_EQ(owner_->Get(base + "/consents").body, ledger) << "nothing written";

  // The refused revocation came last: once it is in the log, so is the refused recording.
  auto seen = Events(m.case_id, "consent.revoked/denied");
  EXPECT_TRUE(seen.count("consent.recorded/denied")) << ::testing::PrintToString(seen);
  EXPECT_TRUE(seen.count("consent.revoked/denied")) << ::testing::PrintToString(seen);
}

TEST_F(Consents, ARevocationNotifiesTheRecipientsOfReferralsThatReliedOnIt) {
  Made m = NewCaseWithPerson();
  auto made = owner_->Post("/api/v1/cases/" + m.case_id + "/consents", ValidBody(m).dump());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string consent_id = made.Json()["id"];
  // Referrals cannot be sent through the API yet: one sent on the consent's
  // basis, written straight to the database.
  const std::string referral_id = "sam-referral-1";
  {
    RawDatabase db(world_->server());
    ASSERT_TRUE(db.ok()) << db.error();
    ASSERT_TRUE(db.Exec(
        "INSERT INTO referrals (id, code, sender_organisation_id, source_kind, source_id,"
        " person_id, recipient_organisation_id, purpose, sections, basis_code, basis_valid_from,"
        " consent_id, status, sent_on, respond_by, sent_by, delivery, created_at_us,"
        " updated_at_us, version) VALUES (" +
        SqlQuote(referral_id) + ", 'REF-2026-990001', " + SqlQuote(municipality_) + ", 'case', " +
        SqlQuote(m.case_id) + ", " + SqlQuote(m.person_id) + ", " + SqlQuote(shelter_) +
        ", 'shelter', 'identity', 'osl_10_1_consent', '2026-01-01', " + SqlQuote(consent_id) +
        ", 'sent', " + SqlQuote(UtcDay(0)) + ", " + SqlQuote(UtcDay(2)) + ", " +
        SqlQuote(owner_id_) + ", 'in_app', 1780000000000000, 1780000000000000, 1)"))
        << db.error();
  }
  auto revoked = owner_->Post("/api/v1/consents/" + consent_id + "/revoke",
                              json{{"revoked_on", UtcDay(0)}}.dump());
  ASSERT_EQ(revoked.status, 200) << revoked.body;

  auto notices = ngo_->Get("/api/v1/me/notifications");
  ASSERT_EQ(notices.status, 200) << notices.body;
  int found = 0;
  const json items = notices.Json()["items"];
  for (const auto& n : items) {
    if (n["kind"] == "consent_revoked" && n["subject_id"] == referral_id) ++found;
  }
  EXPECT_EQ(found, 1) << notices.body;
  EXPECT_EQ(notices.body.find("Samtycke Person"), std::string::npos) << "no personal data";
  // The case's own team is not the recipient.
  EXPECT_EQ(owner_->Get("/api/v1/me/notifications").body.find("consent_revoked"),
            std::string::npos);
}

}  // namespace
}  // namespace opennrm::testing
