// The referral JSON: bodies are read for presence and type only (a missing
// basis is left to the use case to refuse by name), nulls mean absent, and a
// recipient's view carries no sender-side record ids.
#include "http/referral_dto.hpp"

#include <gtest/gtest.h>

namespace opennrm::http {
namespace {

bool Names(const Problems& p, const std::string& field, const std::string& rule) {
  for (const auto& f : p.items()) {
    if (f.field == field && f.rule == rule) return true;
  }
  return false;
}

TEST(ReadNewReferral, ReadsEveryFieldAndLeavesTheBasisToTheUseCase) {
  Problems p;
  auto in = ReadNewReferral(Json::parse(R"({"person_id":"p1","recipient_organisation_id":"o2",
      "purpose":"shelter","sections":["identity","needs_safety"],"basis":"consent",
      "consent_id":"c1","justification":"j","immediate_danger":true,"delivery":"other_means"})"),
                            p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(in.person_id, "p1");
  EXPECT_EQ(in.recipient_organisation_id, "o2");
  EXPECT_EQ(in.purpose, "shelter");
  EXPECT_EQ(in.sections, (std::vector<std::string>{"identity", "needs_safety"}));
  EXPECT_EQ(in.basis, "consent");
  EXPECT_EQ(in.consent_id, std::optional<std::string>("c1"));
  EXPECT_EQ(in.justification, "j");
  EXPECT_TRUE(in.immediate_danger);
  EXPECT_EQ(in.delivery, "other_means");

  Problems q;
  auto none = ReadNewReferral(Json::parse(R"({"person_id":"p1","recipient_organisation_id":"o2",
      "purpose":"shelter","sections":["identity"],"basis":null,"consent_id":null})"),
                              q);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(none.basis, "");
  EXPECT_FALSE(none.consent_id);
  EXPECT_FALSE(none.immediate_danger);
  EXPECT_EQ(none.delivery, "");
}

TEST(ReadNewReferral, NamesMissingAndMistypedFieldsAndUnknownOnes) {
  Problems p;
  ReadNewReferral(Json::parse(R"({"sections":"identity","immediate_danger":"yes","x":1})"), p);
  EXPECT_TRUE(Names(p, "person_id", "required"));
  EXPECT_TRUE(Names(p, "recipient_organisation_id", "required"));
  EXPECT_TRUE(Names(p, "purpose", "required"));
  EXPECT_TRUE(Names(p, "sections", "type"));
  EXPECT_TRUE(Names(p, "immediate_danger", "type"));
  EXPECT_TRUE(Names(p, "x", "unknown_field"));
}

TEST(ReadNewConsultationReferral, TakesNoPersonId) {
  Problems p;
  auto in = ReadNewConsultationReferral(Json::parse(R"({"recipient_organisation_id":"o2",
      "purpose":"support","sections":["identity","notes"],"basis":"consent","consent_id":"c1"})"),
                                        p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(in.person_id, "");
  EXPECT_EQ(in.sections, (std::vector<std::string>{"identity", "notes"}));
  Problems q;
  ReadNewConsultationReferral(Json::parse(R"({"person_id":"p1","recipient_organisation_id":"o2",
      "purpose":"support","sections":["identity"]})"),
                              q);
  EXPECT_TRUE(Names(q, "person_id", "unknown_field"));
  EXPECT_FALSE(Names(q, "recipient_organisation_id", "required"));
}

TEST(ReadSteps, RequireTheVersion) {
  Problems p;
  ReadWithdrawal(Json::parse("{}"), p);
  EXPECT_TRUE(Names(p, "version", "required"));
  Problems q;
  auto d = ReadDecline(Json::parse(R"({"version":3,"reason":"Fullt."})"), q);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(d.version, 3);
  EXPECT_EQ(d.reason, "Fullt.");
  Problems r;
  auto c = ReadCompletion(Json::parse(R"({"version":2,"completed_on":"5 mars","outcome":"x"})"), r);
  EXPECT_TRUE(Names(r, "completed_on", "format"));
  EXPECT_EQ(c.version, 2);
  Problems s;
  auto a = ReadAcceptance(Json::parse(R"({"version":1,"case_id":null,"case_type":"child"})"), s);
  EXPECT_TRUE(s.empty());
  EXPECT_FALSE(a.case_id);
  EXPECT_FALSE(a.person_id);
  EXPECT_EQ(a.case_type, "child");
  EXPECT_EQ(a.expected_version, 1);
}

app::ReferralView RecipientView() {
  app::ReferralView v;
  v.id = "r1";
  v.code = "REF-2026-000012";
  v.source_kind = "case";
  v.purpose = "shelter";
  v.sections = {"identity"};
  v.status = "sent";
  v.sent_on = CivilDate{2026, 3, 5};
  v.respond_by = CivilDate{2026, 3, 8};
  v.delivery = "in_app";
  v.version = 2;
  return v;
}

TEST(ReferralJson, LeavesTheSendersRecordsOutOfTheRecipientsView) {
  Json j = ReferralJson(RecipientView());
  EXPECT_EQ(j["source"], Json({{"kind", "case"}}));
  EXPECT_TRUE(j["person"].is_null());
  EXPECT_TRUE(j["consent_id"].is_null());
  EXPECT_TRUE(j["answered_on"].is_null());
  EXPECT_TRUE(j["completed_on"].is_null());
  EXPECT_TRUE(j["recipient_case_id"].is_null());
  EXPECT_EQ(j["sent_on"], "2026-03-05");
  EXPECT_EQ(j["respond_by"], "2026-03-08");
  EXPECT_EQ(j["steps"], Json::array());
  EXPECT_EQ(j["version"], 2);

  app::ReferralView sender = RecipientView();
  sender.source_id = "case1";
  sender.case_code = "NRM-2026-000045";
  sender.person_id = "p1";
  sender.person_code = "P-2026-000123";
  sender.answered_on = CivilDate{2026, 3, 6};
  sender.steps = {{"sent", 123, "u1", "Test", "o1"}};
  Json s = ReferralJson(sender);
  EXPECT_EQ(s["source"]["id"], "case1");
  EXPECT_EQ(s["source"]["case_code"], "NRM-2026-000045");
  EXPECT_EQ(s["source"]["code"], "NRM-2026-000045");
  EXPECT_EQ(s["person"], Json({{"id", "p1"}, {"code", "P-2026-000123"}}));
  EXPECT_EQ(s["answered_on"], "2026-03-06");
  EXPECT_EQ(s["steps"][0]["by"], Json({{"id", "u1"}, {"name", "Test"}}));
  EXPECT_EQ(s["steps"][0]["at_us"], 123);
}

TEST(ReferralJson, NamesAConsultationSourceByItsCodeAndNoPerson) {
  app::ReferralView sender = RecipientView();
  sender.source_kind = "consultation";
  sender.source_id = "k1";
  sender.case_code = "KON-2026-000007";
  sender.person_id = "k1";  // the consultation stands for its person
  Json s = ReferralJson(sender);
  EXPECT_EQ(s["source"],
            Json({{"kind", "consultation"}, {"id", "k1"}, {"code", "KON-2026-000007"}}));
  EXPECT_TRUE(s["person"].is_null());
  sender.source_id.clear();  // the recipient's side
  EXPECT_EQ(ReferralJson(sender)["source"], Json({{"kind", "consultation"}}));
}

TEST(PackageJson, EmbedsTheDocumentAsAnObjectAndRefusesAnythingElse) {
  app::PackageView v{RecipientView(), R"({"format":1,"sections":{}})"};
  auto j = PackageJson(v);
  ASSERT_TRUE(j);
  EXPECT_EQ((*j)["package"]["format"], 1);
  EXPECT_EQ((*j)["referral"]["id"], "r1");
  v.document = "not json";
  EXPECT_FALSE(PackageJson(v));
}

}  // namespace
}  // namespace opennrm::http
