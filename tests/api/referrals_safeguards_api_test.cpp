// The safeguards of referrals through the API (issue 5, points 2, 4, 9 and
// "Bad input"): a referral without consent or basis, a section the sender
// may not disclose, support records of an NGO to the police without
// consent, an inactive recipient, suspect data to an organisation that is
// not an authority, a consent taken through a family member, acceptance by
// another organisation: each is refused naming the rule and changes
// nothing. A revoked consent discloses nothing more and its recipients are
// told; every disclosure is in the audit log with its basis; a child is
// always referred to social services on the report-of-concern basis.
#include <gtest/gtest.h>

#include <string>

#include "audit_events_support.hpp"
#include "referral_world.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class ReferralSafeguards : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new ReferralWorld();
    ASSERT_TRUE(world_->ok());
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static inline ReferralWorld* world_ = nullptr;
};

// Whether `events` hold one with `action` whose objects include {type, id}.
bool HasObject(const std::vector<json>& events, const std::string& action, const std::string& type,
               const std::string& id) {
  for (const auto& e : events) {
    if (e["action"] != action) continue;
    for (const auto& o : e["objects"]) {
      if (o["type"] == type && o["id"] == id) return true;
    }
  }
  return false;
}

TEST_F(ReferralSafeguards, EveryBadReferralIsNamedAndNothingIsWrittenOrDisclosed) {
  SessionClient& social = *world_->social;
  auto m = ReferralWorld::CaseWith(social, ReferralWorld::Adult("Berit Felaktig"));
  const std::string consent =
      ReferralWorld::Consent(social, m, world_->coordinator, "support", {"identity"});
  auto valid = [&] {
    return ReferralWorld::Referral(m, world_->coordinator, "support", {"identity"}, "consent",
                                   consent);
  };
  const std::string before = world_->Written(social, m);
  struct Bad {
    const char* field;
    json value;  // replaces the field (null: removes it)
    const char* error_field;
    const char* rule;
  };
  const std::vector<Bad> bad = {
      {"basis", nullptr, "basis", "no_basis"},
      {"basis", "gut_feeling", "basis", "unknown_code"},
      {"basis", "vital_interests", "basis", "basis_not_for_sender_kind"},
      {"basis", "own_task_necessity", "justification", "justification_required"},
      {"consent_id", nullptr, "consent_id", "required"},
      {"consent_id", "no-such-consent", "consent_id", "unknown_consent"},
      {"sections", {"identity", "contact"}, "consent_id", "consent_not_covering"},
      {"purpose", "shelter", "consent_id", "consent_not_covering"},
      {"recipient_organisation_id", world_->inactive, "recipient_organisation_id",
       "recipient_inactive"},
      {"recipient_organisation_id", world_->municipality, "recipient_organisation_id",
       "same_organisation"},
      {"recipient_organisation_id", "no-such-organisation", "recipient_organisation_id",
       "unknown_organisation"},
      {"person_id", "no-such-person", "person_id", "not_in_case"},
      {"sections", {"identity", "secrets"}, "sections[1]", "unknown_code"},
      {"delivery", "pigeon", "delivery", "unknown_code"},
      {"extra", 1, "extra", "unknown_field"},
  };
  for (const auto& b : bad) {
    json body = valid();
    if (b.value.is_null()) {
      body.erase(b.field);
    } else {
      body[b.field] = b.value;
    }
    auto r = ReferralWorld::Send(social, m, body);
    EXPECT_TRUE(Refused(r, b.error_field, b.rule))
        << b.field << " -> " << b.error_field << "/" << b.rule << ": " << r.body;
  }
  // A basis in law, to an inactive recipient: refused for the recipient.
  json inactive =
      ReferralWorld::Referral(m, world_->inactive, "support", {"identity"}, "own_task_necessity");
  inactive["justification"] = "Nödvändigt för att hon ska få stöd.";
  EXPECT_TRUE(Refused(ReferralWorld::Send(social, m, inactive), "recipient_organisation_id",
                      "recipient_inactive"));
  EXPECT_EQ(world_->Written(social, m), before) << "nothing written or disclosed";
  EXPECT_EQ(ReferralWorld::Send(*world_->social2, m, valid()).status, 404)
      << "another organisation's case";
  EXPECT_EQ(world_->Written(social, m), before) << "nothing written or disclosed";

  // The one disclosure made afterwards is the only one in the audit log.
  ASSERT_EQ(ReferralWorld::Send(social, m, valid()).status, 201);
  int disclosures = 0;
  for (const auto& e :
       AuditEventsOnObject(*world_->auditor, m.case_id, "referral.sent", "allowed")) {
    if (e["action"] == "referral.sent" && e["outcome"] == "allowed") ++disclosures;
  }
  EXPECT_EQ(disclosures, 1) << "a refused referral discloses nothing";
}

TEST_F(ReferralSafeguards, AnNgoSendsNoProceedingsAndNoSupportRecordsToThePoliceWithoutConsent) {
  SessionClient& ngo = *world_->ngo;
  auto m = ReferralWorld::CaseWith(ngo, ReferralWorld::Adult("Nora Stödd"));
  const std::string before = world_->Written(ngo, m);
  json body = ReferralWorld::Referral(m, world_->police, "report_to_police",
                                      {"identity", "support"}, "vital_interests");
  body["justification"] = "Hon vill anmäla.";
  auto r = ReferralWorld::Send(ngo, m, body);
  EXPECT_TRUE(Refused(r, "basis", "support_records_to_police_need_consent")) << r.body;
  body["sections"] = {"identity", "proceedings"};
  body["immediate_danger"] = true;
  r = ReferralWorld::Send(ngo, m, body);
  EXPECT_TRUE(Refused(r, "sections[1]", "section_not_in_case")) << r.body;
  body.erase("basis");
  body["sections"] = {"identity", "needs_safety"};
  r = ReferralWorld::Send(ngo, m, body);
  EXPECT_TRUE(Refused(r, "basis", "no_basis")) << r.body;
  EXPECT_TRUE(Refused(r, "basis", "support_records_to_police_need_consent")) << r.body;
  EXPECT_EQ(world_->Written(ngo, m), before) << "nothing written or disclosed";

  // In immediate danger, on vital interests, it may.
  body["basis"] = "vital_interests";
  r = ReferralWorld::Send(ngo, m, body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["basis"]["code"], "vital_interests");
  // With the person's consent it may too.
  json with_consent = ReferralWorld::SendWithConsent(ngo, m, world_->police, "report_to_police",
                                                     {"identity", "support"});
  EXPECT_EQ(with_consent.value("status", ""), "sent");
}

TEST_F(ReferralSafeguards, SuspectDataGoesOnlyToAnAuthority) {
  SessionClient& officer = *world_->officer;
  auto m = ReferralWorld::CaseWith(
      officer,
      json{{"role", "suspect"}, {"names", {{{"kind", "name"}, {"latin", "Sven Misstänkt"}}}}},
      "trafficking_in_human_beings");
  ASSERT_FALSE(m.person_id.empty());
  const std::string before = world_->Written(officer, m);
  json body =
      ReferralWorld::Referral(m, world_->shelter, "other", {"identity"}, "own_task_necessity");
  body["justification"] = "Nödvändigt för utredningen.";
  auto r = ReferralWorld::Send(officer, m, body);
  EXPECT_TRUE(Refused(r, "recipient_organisation_id", "suspect_data_only_to_authority")) << r.body;
  EXPECT_EQ(world_->Written(officer, m), before) << "nothing written or disclosed";
  EXPECT_EQ(world_->ngo->Get("/api/v1/me/notifications").body.find("referral_received"),
            std::string::npos);
}

TEST_F(ReferralSafeguards, AConsentThroughAFamilyMemberIsRefused) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Fia Familj"));
  const std::string ledger = "/api/v1/cases/" + m.case_id + "/consents";
  auto r = world_->social->Post(
      ledger,
      json{{"person_id", m.person_id},
           {"recipient_organisation_id", world_->coordinator},
           {"purpose", "support"},
           {"sections", {"identity"}},
           {"given_on", UtcDay(-1)},
           {"form", "spoken"},
           {"language", "ron"},
           {"interpreter",
            {{"language", "ron"}, {"mode", "in_person"}, {"relationship", "family_member"}}}}
          .dump());
  EXPECT_TRUE(Refused(r, "interpreter.relationship", "interpreter_family_or_companion")) << r.body;
  EXPECT_EQ(world_->social->Get(ledger).Json()["items"].size(), 0u) << "nothing recorded";
}

TEST_F(ReferralSafeguards, AnotherOrganisationCannotAcceptAndNothingChanges) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Olga Obehörig"));
  json sent = ReferralWorld::SendWithConsent(*world_->social, m, world_->coordinator, "support");
  ASSERT_TRUE(sent.contains("id"));
  const std::string id = sent["id"];
  for (SessionClient* other : {world_->social2, world_->ngo, world_->officer}) {
    EXPECT_EQ(ReferralWorld::Step(*other, sent, "accept").status, 404);
    EXPECT_EQ(ReferralWorld::Step(*other, sent, "decline", {{"reason", "Nej."}}).status, 404);
    EXPECT_EQ(other->Get("/api/v1/referrals/" + id + "/package").status, 404);
  }
  // The sender's own colleague off the team is no recipient either.
  EXPECT_EQ(ReferralWorld::Step(*world_->colleague, sent, "accept").status, 404);
  auto now = world_->regional->Get("/api/v1/referrals/" + id);
  ASSERT_EQ(now.status, 200) << now.body;
  EXPECT_EQ(now.Json()["status"], "sent");
  EXPECT_EQ(now.Json()["version"], 1);
  EXPECT_EQ(world_->regional->Get("/api/v1/referrals/" + id + "/package").status, 200);
}

TEST_F(ReferralSafeguards, ARevokedConsentDisclosesNothingMoreAndItsRecipientsAreTold) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Rut Återkallad"));
  const std::string consent =
      ReferralWorld::Consent(*world_->social, m, world_->coordinator, "support", {"identity"});
  json body =
      ReferralWorld::Referral(m, world_->coordinator, "support", {"identity"}, "consent", consent);
  auto first = ReferralWorld::Send(*world_->social, m, body);
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string id = first.Json()["id"];
  auto revoked = world_->social->Post("/api/v1/consents/" + consent + "/revoke",
                                      json{{"revoked_on", first.Json()["sent_on"]}}.dump());
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(ReferralWorld::Notices(*world_->regional, "consent_revoked", id), 1);

  const std::string before = world_->Written(*world_->social, m);
  auto again = ReferralWorld::Send(*world_->social, m, body);
  EXPECT_TRUE(Refused(again, "consent_id", "consent_revoked")) << again.body;
  EXPECT_EQ(world_->Written(*world_->social, m), before) << "nothing written or disclosed";
}

TEST_F(ReferralSafeguards, EveryDisclosureIsAuditedWithItsBasis) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Astrid Granskad"));
  json sent = ReferralWorld::SendWithConsent(*world_->social, m, world_->coordinator, "support");
  ASSERT_TRUE(sent.contains("id"));
  const std::string id = sent["id"];
  ASSERT_EQ(world_->regional->Get("/api/v1/referrals/" + id + "/package").status, 200);
  ASSERT_EQ(ReferralWorld::Step(*world_->regional, sent, "accept").status, 200);
  const std::string basis = "consent@" + sent["basis"]["valid_from"].get<std::string>();

  auto events = AuditEventsOnObject(*world_->auditor, id, "referral.accepted");
  for (const char* action : {"referral.sent", "referral.accepted"}) {
    EXPECT_TRUE(HasObject(events, action, "legal_basis", basis)) << action << " " << basis;
    EXPECT_TRUE(HasObject(events, action, "consent", sent["consent_id"])) << action;
    EXPECT_TRUE(HasObject(events, action, "organisation", world_->coordinator)) << action;
    EXPECT_TRUE(HasObject(events, action, "person", m.person_id)) << action;
  }
  bool package_read = false;
  for (const auto& e : events)
    package_read = package_read || e["action"] == "referral.package_read";
  EXPECT_TRUE(package_read) << "the recipient's read of the package is in the log";
  bool sections_named = false;
  for (const auto& e : events) {
    if (e["action"] != "referral.sent") continue;
    EXPECT_EQ(e["purpose"], "disclosure");
    for (const auto& o : e["objects"]) {
      if (o["type"] == "case" && o["id"] == m.case_id) {
        sections_named = o["sections"] == json({"identity", "needs_safety"});
      }
    }
  }
  EXPECT_TRUE(sections_named) << "the disclosed sections are on the source case's object";
}

TEST_F(ReferralSafeguards, AChildIsReferredToSocialServicesWithoutConsentOnTheDutyToReport) {
  json child = ReferralWorld::Adult("Kim Barn");
  child["date_of_birth"] = {{"date", "2012-03-04"}};
  auto m = ReferralWorld::CaseWith(*world_->social, child);
  json body = ReferralWorld::Referral(m, world_->municipality2, "child_protection",
                                      {"identity", "needs_safety"}, "duty_to_report_child");
  body["justification"] = "Orosanmälan: barnet kan fara illa.";
  auto r = ReferralWorld::Send(*world_->social, m, body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["basis"]["code"], "duty_to_report_child");
  EXPECT_TRUE(r.Json()["consent_id"].is_null());
  EXPECT_EQ(r.Json()["justification"], "Orosanmälan: barnet kan fara illa.");
  const std::string id = r.Json()["id"];
  EXPECT_EQ(ReferralWorld::Notices(*world_->social2, "referral_received", id), 1);
  EXPECT_EQ(world_->social2->Get("/api/v1/referrals/" + id + "/package").status, 200);

  // The same basis for an adult, or to another kind of recipient, is refused.
  auto adult = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Vuxen Person"));
  json for_adult = body;
  for_adult["person_id"] = adult.person_id;
  EXPECT_TRUE(Refused(ReferralWorld::Send(*world_->social, adult, for_adult), "basis",
                      "basis_only_for_child"));
  json to_shelter = body;
  to_shelter["recipient_organisation_id"] = world_->shelter;
  EXPECT_EQ(ReferralWorld::Send(*world_->social, m, to_shelter).status, 422);
}

}  // namespace
}  // namespace opennrm::testing
