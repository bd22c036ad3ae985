// The consultation JSON: bodies are read for presence and type only (codes
// are the use case's), nulls mean absent, nested fields are named by their
// path, and the identity is written only where there is a basis for it.
#include "http/consultation_dto.hpp"

#include <gtest/gtest.h>

namespace opennrm::http {
namespace {

bool Names(const Problems& p, const std::string& field, const std::string& rule) {
  for (const auto& f : p.items()) {
    if (f.field == field && f.rule == rule) return true;
  }
  return false;
}

TEST(ReadConsultationInput, ReadsEveryField) {
  Problems p;
  auto in = ReadConsultationInput(Json::parse(R"({"channel":"email","received_at_us":1000,
      "duration_seconds":60,"time_spent_minutes":12,
      "caller":{"organisation_id":"o1","organisation_name":"","role":"kurator","name":"Kim",
                "phone":"08-123","email":"k@example.org"},
      "language":"eng","interpreter":true,"topic":"child","municipality_code":"2480",
      "abroad_country":"","situation":"text",
      "person":{"age_group":"child","approximate_age":15,"gender":"female",
                "citizenship":"eu_eea","holds_residence_permit":null,"forms":["labour"],
                "indicators":["i1"],"wants_to_report_to_police":true,"wish_to_return":true,
                "needs_shelter":true,"social_services_involve_police":false},
      "immediate_danger":true,"urgency":"urgent","identity_basis":"report_of_concern",
      "identity":{"name":"A B","date_of_birth":"2011-02-03","phone":"","email":""},
      "advice":"advice","overrides":[{"organisation_id":"o2","added":false,"reason":"r"}],
      "assign_to_me":true})"),
                                  false, p);
  EXPECT_TRUE(p.empty()) << p.items().size();
  EXPECT_EQ(in.channel, "email");
  EXPECT_EQ(in.received_at_us, std::optional<long long>(1000));
  EXPECT_EQ(in.duration_seconds, 60);
  EXPECT_EQ(in.time_spent_minutes, 12);
  EXPECT_EQ(in.caller.organisation_id, "o1");
  EXPECT_EQ(in.caller.email, "k@example.org");
  EXPECT_EQ(in.language, "eng");
  EXPECT_TRUE(in.interpreter);
  EXPECT_EQ(in.topic, "child");
  EXPECT_EQ(in.municipality_code, "2480");
  EXPECT_EQ(in.person.age_group, "child");
  EXPECT_EQ(in.person.approximate_age, std::optional<long long>(15));
  EXPECT_FALSE(in.person.holds_residence_permit);
  EXPECT_EQ(in.person.forms, std::vector<std::string>{"labour"});
  EXPECT_EQ(in.person.indicators, std::vector<std::string>{"i1"});
  EXPECT_EQ(in.person.social_services_involve_police, std::optional<bool>(false));
  EXPECT_TRUE(in.immediate_danger);
  EXPECT_EQ(in.urgency, "urgent");
  EXPECT_EQ(in.identity_basis, "report_of_concern");
  EXPECT_EQ(in.identity.name, "A B");
  ASSERT_TRUE(in.identity.date_of_birth);
  EXPECT_EQ(FormatIsoDate(*in.identity.date_of_birth), "2011-02-03");
  ASSERT_EQ(in.overrides.size(), 1u);
  EXPECT_FALSE(in.overrides[0].added);
  EXPECT_EQ(in.overrides[0].reason, "r");
  EXPECT_TRUE(in.assign_to_me);
}

TEST(ReadConsultationInput, DefaultsAndNulls) {
  Problems p;
  auto in = ReadConsultationInput(
      Json::parse(R"({"topic":"other","received_at_us":null,"identity":null})"), false, p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(in.channel, "phone");
  EXPECT_FALSE(in.received_at_us);
  EXPECT_EQ(in.language, "swe");
  EXPECT_EQ(in.urgency, "normal");
  EXPECT_EQ(in.identity_basis, "none");
  EXPECT_TRUE(in.identity.Empty());
  EXPECT_FALSE(in.assign_to_me);
}

TEST(ReadConsultationInput, NamesNestedMistypedAndUnknownFields) {
  Problems p;
  ReadConsultationInput(Json::parse(R"({"caller":{"name":3,"x":1},"person":{"forms":"labour"},
      "identity":{"date_of_birth":"3 May"},"overrides":[{"added":true},7],"mystery":1})"),
                        true, p);
  EXPECT_TRUE(Names(p, "topic", "required"));
  EXPECT_TRUE(Names(p, "version", "required"));
  EXPECT_TRUE(Names(p, "caller.name", "type"));
  EXPECT_TRUE(Names(p, "caller.x", "unknown_field"));
  EXPECT_TRUE(Names(p, "person.forms", "type"));
  EXPECT_TRUE(Names(p, "identity.date_of_birth", "format"));
  EXPECT_TRUE(Names(p, "overrides[0].organisation_id", "required"));
  EXPECT_TRUE(Names(p, "overrides[0].reason", "required"));
  EXPECT_TRUE(Names(p, "overrides[1]", "type"));
  EXPECT_TRUE(Names(p, "mystery", "unknown_field"));
}

TEST(ReadAssign, NullSendsBackToTheQueue) {
  Problems p;
  auto back = ReadAssign(Json::parse(R"({"version":3,"user_id":null})"), p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(back.version, 3);
  EXPECT_FALSE(back.user_id);
  auto to = ReadAssign(Json::parse(R"({"version":3,"user_id":"u9"})"), p);
  EXPECT_EQ(to.user_id, std::optional<std::string>("u9"));
  Problems q;
  ReadAssign(Json::parse(R"({"user_id":5})"), q);
  EXPECT_TRUE(Names(q, "version", "required"));
  EXPECT_TRUE(Names(q, "user_id", "type"));
}

TEST(ReadFollowUpAndDangerStep, ReadPresenceAndTypes) {
  Problems p;
  auto f = ReadFollowUp(Json::parse(R"({"text":"ring upp","due_on":"2026-12-01"})"), p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(f.text, "ring upp");
  ASSERT_TRUE(f.due_on);
  auto open = ReadFollowUp(Json::parse(R"({"text":"x","due_on":null})"), p);
  EXPECT_FALSE(open.due_on);
  auto d = ReadDangerStep(Json::parse(R"({"step":"called_112","done_at_us":null})"), p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(d.step, "called_112");
  EXPECT_FALSE(d.done_at_us);
  Problems q;
  ReadDangerStep(Json::parse(R"({"done_at_us":"now"})"), q);
  EXPECT_TRUE(Names(q, "step", "required"));
  EXPECT_TRUE(Names(q, "done_at_us", "type"));
}

app::ConsultationView View(hotline::IdentityBasis basis) {
  app::ConsultationView v;
  v.consultation.id = "c1";
  v.consultation.code = "KON-2026-000001";
  v.consultation.identity_basis = basis;
  v.consultation.identity.name = "Namn";
  v.assigned_to = app::NamedRef{"u1", "Operatör"};
  v.danger_steps.push_back(
      app::DangerStepView{1, "notified_regional_coordinator", 5, std::nullopt, 6});
  return v;
}

TEST(ConsultationJson, WritesTheIdentityOnlyWithABasis) {
  Json anonymous = ConsultationJson(View(hotline::IdentityBasis::kNone));
  EXPECT_FALSE(anonymous.contains("identity"));
  EXPECT_EQ(anonymous["identity_basis"], "none");
  EXPECT_EQ(anonymous["assigned_to"]["name"], "Operatör");
  EXPECT_TRUE(anonymous["created_by"].is_null());
  EXPECT_TRUE(anonymous["first_response_at_us"].is_null());
  EXPECT_TRUE(anonymous["danger_steps"][0]["recorded_by"].is_null());
  EXPECT_EQ(anonymous["danger_steps"][0]["n"], 1);
  Json consented = ConsultationJson(View(hotline::IdentityBasis::kConsent));
  EXPECT_EQ(consented["identity"]["name"], "Namn");
  EXPECT_TRUE(consented["identity"]["date_of_birth"].is_null());
}

TEST(ConsultationListJson, CarriesTheCounts) {
  app::ConsultationList list;
  list.total = 3;
  list.counts = app::QueueCounts{1, 2, 3, 4};
  app::ConsultationSummary s;
  s.id = "c1";
  s.open_follow_ups = 2;
  list.items.push_back(s);
  Json j = ConsultationListJson(list);
  EXPECT_EQ(j["total"], 3);
  EXPECT_EQ(j["counts"]["new"], 1);
  EXPECT_EQ(j["counts"]["mine"], 2);
  EXPECT_EQ(j["counts"]["overdue"], 3);
  EXPECT_EQ(j["counts"]["waiting_follow_up"], 4);
  EXPECT_EQ(j["items"][0]["open_follow_ups"], 2);
  EXPECT_TRUE(j["items"][0]["assigned_to"].is_null());
}

}  // namespace
}  // namespace opennrm::http
