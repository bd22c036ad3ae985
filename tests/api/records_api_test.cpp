// The records of a case through the API: the person's voice and safety
// (wishes, safety plan, conversations, consents), the assessment (the
// indicators checklist, the presumed-victim assessment) and the exploitation
// of the case. Every save is a new version that keeps the old one, writes
// one timeline entry and the fact the step definitions ask for; the team
// writes, colleagues off the team see nothing; records are not kept about
// suspects; a family member as interpreter, unknown codes and other bad
// input get a 422 naming the field and rule, and nothing is written.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "case_fixture.hpp"
#include "raw_database.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class Records : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer();
    ASSERT_TRUE(world_->ok());
    server_ = &world_->server();
    org_id_ = world_->NewOrganisation("Journalkommunens socialtjänst", "municipal_social_services",
                                      CaseServer::MunicipalityCoverage("2584"));
    ASSERT_FALSE(org_id_.empty());
    org_admin_ =
        world_->NewUser(world_->admin(), org_id_, "journal-admin", "organisation_administrator");
    owner_ = world_->NewUser(*org_admin_, org_id_, "journal-agare", "social_worker", &owner_id_);
    colleague_ =
        world_->NewUser(*org_admin_, org_id_, "journal-kollega", "social_worker", &colleague_id_);
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static std::string NewCase() { return CaseServer::NewCase(*owner_); }
  // A person speaking Romanian only, in `case_id`.
  static std::string NewPerson(const std::string& case_id,
                               const std::string& role = "presumed_victim",
                               const std::string& protection = "none") {
    return CaseServer::NewPerson(*owner_, case_id,
                                 json{{"role", role},
                                      {"names", {{{"kind", "name"}, {"latin", "Ioana Testescu"}}}},
                                      {"languages", {"ron"}},
                                      {"protection", protection}});
  }
  static std::string PersonPath(const std::string& case_id, const std::string& person_id) {
    return "/api/v1/cases/" + case_id + "/persons/" + person_id;
  }
  // The kinds of the case's timeline entries, oldest first.
  static std::vector<std::string> Timeline(const std::string& case_id) {
    auto r = owner_->Get("/api/v1/cases/" + case_id + "/timeline?limit=500");
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> kinds;
    const json items = r.Json()["items"];
    for (const auto& e : items) kinds.push_back(e["kind"].get<std::string>());
    return kinds;
  }
  static std::vector<std::string> Facts(const std::string& case_id) {
    RawDatabase db(*server_);
    EXPECT_TRUE(db.ok()) << db.error();
    auto rows = db.Query("SELECT fact FROM case_facts WHERE case_id = " + SqlQuote(case_id) +
                         " ORDER BY fact");
    std::vector<std::string> out;
    for (const auto& row : rows.value_or(std::vector<std::vector<std::string>>{})) {
      out.push_back(row[0]);
    }
    return out;
  }
  static json SafetyPlan(const std::string& risk) {
    return json{
        {"risks", {{{"description", risk}, {"level", "high"}}}},
        {"measures",
         {{{"description", "Skyddat boende i annan region."}, {"responsible", "Socialtjänsten"}}}},
        {"who_to_call", {{{"name", "Polisen"}, {"phone", "112"}}}},
        {"made_on", "2026-01-10"},
        {"review_on", "2026-02-10"}};
  }

  static inline CaseServer* world_ = nullptr;
  static inline ServerProcess* server_ = nullptr;
  static inline SessionClient* org_admin_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
  static inline SessionClient* colleague_ = nullptr;
  static inline std::string org_id_, owner_id_, colleague_id_;
};

TEST_F(Records, ANewSafetyPlanSupersedesTheOldOneWhichIsKept) {
  std::string id = NewCase();
  std::string path = PersonPath(id, NewPerson(id)) + "/safety-plan";
  auto empty = owner_->Get(path);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(empty.Json()["current"].is_null());
  EXPECT_TRUE(empty.Json()["history"].empty());

  auto first = owner_->Put(path, SafetyPlan("Rekryteraren vet var hon bor.").dump());
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Json()["recorded_by"], owner_id_);
  EXPECT_EQ(first.Json()["risks"][0]["level"], "high");
  auto second = owner_->Put(path, SafetyPlan("Rekryteraren har hittat boendet.").dump());
  ASSERT_EQ(second.status, 200) << second.body;

  auto got = owner_->Get(path);
  ASSERT_EQ(got.status, 200) << got.body;
  json j = got.Json();
  EXPECT_EQ(j["current"]["id"], second.Json()["id"]);
  EXPECT_EQ(j["current"]["risks"][0]["description"], "Rekryteraren har hittat boendet.");
  EXPECT_EQ(j["current"]["who_to_call"][0]["phone"], "112");
  EXPECT_EQ(j["current"]["review_on"], "2026-02-10");
  ASSERT_EQ(j["history"].size(), 2u);
  EXPECT_EQ(j["history"][0]["id"], first.Json()["id"]);
  EXPECT_EQ(j["history"][0]["recorded_by"], owner_id_);
  EXPECT_EQ(j["history"][1]["id"], second.Json()["id"]);

  auto kinds = Timeline(id);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "safety_plan.recorded"), 2);
  EXPECT_EQ(Facts(id), std::vector<std::string>{"safety_plan"});
  RawDatabase db(*server_);
  EXPECT_EQ(db.Scalar("SELECT COUNT(*) FROM case_records WHERE case_id = " + SqlQuote(id)), "2");
}

TEST_F(Records, IndicatorsAndTheAssessmentRecordTheirFacts) {
  auto list = owner_->Get("/api/v1/indicators");
  ASSERT_EQ(list.status, 200) << list.body;
  json checklist = list.Json();
  ASSERT_FALSE(checklist["groups"].empty());
  std::string version = checklist["version"];
  const json first_group = checklist["groups"][0];
  EXPECT_FALSE(first_group["name_sv"].get<std::string>().empty());
  std::string indicator = first_group["indicators"][0]["id"];
  EXPECT_FALSE(first_group["indicators"][0]["text_sv"].get<std::string>().empty());
  EXPECT_FALSE(first_group["indicators"][0]["text_en"].get<std::string>().empty());

  std::string id = NewCase();
  std::string person = PersonPath(id, NewPerson(id));
  ASSERT_EQ(
      owner_->Post("/api/v1/cases/" + id + "/team", json{{"user_id", colleague_id_}}.dump()).status,
      200);
  json answers{
      {"catalog_version", version},
      {"assessed_on", "2026-01-05"},
      {"answers",
       {{{"indicator_id", indicator}, {"answer", "yes"}, {"evidence", "Berättade själv."}}}}};
  auto saved = owner_->Put(person + "/indicators", answers.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json()["assessed_by"], owner_id_);

  json assessment{
      {"assessed_on", "2026-01-06"},
      {"conclusion", "presumed_victim"},
      {"grounds", "Indikatorerna och berättelsen ger skäl att anta."},
      {"review",
       {{"reviewed_by", colleague_id_}, {"reviewed_on", "2026-01-07"}, {"agrees", true}}}};
  auto assessed = owner_->Put(person + "/assessment", assessment.dump());
  ASSERT_EQ(assessed.status, 200) << assessed.body;
  auto read = colleague_->Get(person + "/assessment");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["current"]["review"]["reviewed_by"], colleague_id_);
  EXPECT_EQ(read.Json()["current"]["conclusion"], "presumed_victim");
  EXPECT_EQ(Facts(id),
            (std::vector<std::string>{"indicators_recorded", "presumed_victim_assessment"}));

  // The reviewer is never the assessor, and is a user of the organisation.
  assessment["review"]["reviewed_by"] = owner_id_;
  EXPECT_TRUE(Refused(owner_->Put(person + "/assessment", assessment.dump()), "review.reviewed_by",
                      "reviewer_is_assessor"));
  assessment["review"]["reviewed_by"] = "no-such-user";
  EXPECT_TRUE(Refused(owner_->Put(person + "/assessment", assessment.dump()), "review.reviewed_by",
                      "unknown_user"));
  answers["answers"][0]["evidence"] = "";
  EXPECT_TRUE(Refused(owner_->Put(person + "/indicators", answers.dump()), "answers[0].evidence",
                      "evidence_required"));
  answers["catalog_version"] = "1999-1";
  EXPECT_TRUE(Refused(owner_->Put(person + "/indicators", answers.dump()), "catalog_version",
                      "unknown_version"));
  auto history = owner_->Get(person + "/assessment");
  EXPECT_EQ(history.Json()["history"].size(), 1u) << "refused saves wrote nothing";
}

TEST_F(Records, WishesConversationsAndConsentsAreAddedTo) {
  std::string id = NewCase();
  std::string person = PersonPath(id, NewPerson(id));
  for (const char* wish : {"Bo nära systern.", "Börja arbeta snart."}) {
    auto r = owner_->Post(
        person + "/wishes",
        json{{"step", "initial_support"}, {"wish", wish}, {"recorded_on", "2026-01-08"}}.dump());
    ASSERT_EQ(r.status, 201) << r.body;
  }
  auto wishes = owner_->Get(person + "/wishes");
  ASSERT_EQ(wishes.status, 200) << wishes.body;
  ASSERT_EQ(wishes.Json()["items"].size(), 2u);
  EXPECT_EQ(wishes.Json()["items"][1]["wish"], "Börja arbeta snart.");
  EXPECT_EQ(wishes.Json()["items"][0]["recorded_by"], owner_id_);

  json talk{
      {"held_on", "2026-01-08"},
      {"language", "swe"},
      {"interpreter", {{"language", "ron"}, {"mode", "remote"}, {"relationship", "professional"}}},
      {"summary", "Samtal om boende."}};
  auto held = owner_->Post(person + "/conversations", talk.dump());
  ASSERT_EQ(held.status, 201) << held.body;
  EXPECT_EQ(held.Json()["interpreter"]["mode"], "remote");
  EXPECT_EQ(held.Json()["held_by"], owner_id_);

  json consent{{"purpose", "Kontakt med regionkoordinatorn"},
               {"taken_on", "2026-01-08"},
               {"language", "ron"},
               {"given", false}};
  ASSERT_EQ(owner_->Post(person + "/consents", consent.dump()).status, 201);
  EXPECT_EQ(Facts(id), std::vector<std::string>{"person_wishes_recorded"}) << "declined: no fact";
  consent["given"] = true;
  ASSERT_EQ(owner_->Post(person + "/consents", consent.dump()).status, 201);
  EXPECT_EQ(Facts(id), (std::vector<std::string>{"consent_recorded", "person_wishes_recorded"}));
  EXPECT_EQ(owner_->Get(person + "/consents").Json()["items"].size(), 2u);
  auto kinds = Timeline(id);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "wish.recorded"), 2);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "conversation.recorded"), 1);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "consent.recorded"), 2);
}

TEST_F(Records, AFamilyMemberAsInterpreterIsRefusedAndNothingIsWritten) {
  std::string id = NewCase();
  std::string person = PersonPath(id, NewPerson(id));
  auto before = Timeline(id);
  for (const char* relationship : {"family_member", "companion"}) {
    json talk{{"held_on", "2026-01-08"},
              {"language", "swe"},
              {"interpreter",
               {{"language", "ron"}, {"mode", "in_person"}, {"relationship", relationship}}}};
    auto r = owner_->Post(person + "/conversations", talk.dump());
    EXPECT_TRUE(Refused(r, "interpreter.relationship", "interpreter_family_or_companion"))
        << r.body;
    json consent{{"purpose", "Kontakt med regionkoordinatorn"},
                 {"taken_on", "2026-01-08"},
                 {"language", "swe"},
                 {"interpreter", talk["interpreter"]},
                 {"given", true}};
    auto c = owner_->Post(person + "/consents", consent.dump());
    EXPECT_TRUE(Refused(c, "interpreter.relationship", "interpreter_family_or_companion"))
        << c.body;
  }
  // Swedish without an interpreter: the person does not understand it.
  auto unheard = owner_->Post(person + "/conversations",
                              json{{"held_on", "2026-01-08"}, {"language", "swe"}}.dump());
  EXPECT_TRUE(Refused(unheard, "language", "language_not_understood")) << unheard.body;
  auto unknown = owner_->Post(person + "/conversations",
                              json{{"held_on", "2026-01-08"}, {"language", "xxq"}}.dump());
  EXPECT_TRUE(Refused(unknown, "language", "unknown_language")) << unknown.body;
  auto bad_step = owner_->Post(
      person + "/wishes",
      json{{"step", "paradise"}, {"wish", "Något."}, {"recorded_on", "2026-01-08"}}.dump());
  EXPECT_TRUE(Refused(bad_step, "step", "unknown_step")) << bad_step.body;
  auto bad_plan = owner_->Put(person + "/safety-plan",
                              json{{"risks", {{{"description", "Hot."}, {"level", "high"}}}},
                                   {"who_to_call", {{{"name", "Polisen"}, {"phone", "ring"}}}},
                                   {"made_on", "2026-01-08"}}
                                  .dump());
  EXPECT_TRUE(Refused(bad_plan, "measures", "measures_required")) << bad_plan.body;
  EXPECT_TRUE(Refused(bad_plan, "who_to_call[0].phone", "format")) << bad_plan.body;
  EXPECT_EQ(Timeline(id), before);
  EXPECT_TRUE(owner_->Get(person + "/conversations").Json()["items"].empty());
  EXPECT_TRUE(owner_->Get(person + "/consents").Json()["items"].empty());
  EXPECT_TRUE(owner_->Get(person + "/wishes").Json()["items"].empty());
  EXPECT_TRUE(owner_->Get(person + "/safety-plan").Json()["current"].is_null());
  EXPECT_TRUE(Facts(id).empty());
}

TEST_F(Records, ExploitationIsSealedAndIndexedWithoutMunicipalitiesOfProtectedPersons) {
  json exploitation{
      {"forms", {{{"form", "labour"}, {"sector", "berry_picking"}}, {{"form", "sexual"}}}},
      {"places",
       {{"municipalities", {"2584"}},
        {"recruitment_countries", {"TH"}},
        {"exploitation_countries", {"SE"}}}},
      {"period", {{"from", "2025-06"}, {"to", "2025-09"}}}};
  std::string open_case = NewCase();
  NewPerson(open_case);
  auto saved = owner_->Put("/api/v1/cases/" + open_case + "/exploitation", exploitation.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto got = owner_->Get("/api/v1/cases/" + open_case + "/exploitation");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Json()["current"]["forms"][0]["sector"], "berry_picking");
  EXPECT_EQ(got.Json()["current"]["period"]["from"], "2025-06");
  RawDatabase db(*server_);
  auto q = SqlQuote(open_case);
  EXPECT_EQ(db.Scalar("SELECT sector FROM case_forms WHERE form = 'labour' AND case_id = " + q),
            "berry_picking");
  EXPECT_EQ(
      db.Scalar("SELECT code FROM case_places WHERE kind = 'municipality' AND case_id = " + q),
      "2584");
  auto kinds = Timeline(open_case);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "exploitation.recorded"), 1);

  std::string protected_case = NewCase();
  NewPerson(protected_case, "presumed_victim", "protected_registration");
  ASSERT_EQ(
      owner_->Put("/api/v1/cases/" + protected_case + "/exploitation", exploitation.dump()).status,
      200);
  auto p = SqlQuote(protected_case);
  EXPECT_EQ(
      db.Scalar("SELECT COUNT(*) FROM case_places WHERE kind = 'municipality' AND case_id = " + p),
      "0");
  EXPECT_EQ(db.Scalar("SELECT COUNT(*) FROM case_places WHERE case_id = " + p), "2");

  // Unknown codes and a period ending before it starts: 422, nothing written.
  auto before = Timeline(open_case);
  json bad = exploitation;
  bad["places"]["municipalities"] = {"9999"};
  bad["places"]["transit_countries"] = {"XX"};
  bad["period"]["to"] = "2025-01";
  bad["forms"][0].erase("sector");
  auto refused = owner_->Put("/api/v1/cases/" + open_case + "/exploitation", bad.dump());
  EXPECT_TRUE(Refused(refused, "places.municipalities[0]", "unknown_municipality")) << refused.body;
  EXPECT_TRUE(Refused(refused, "places.transit_countries[0]", "unknown_country")) << refused.body;
  EXPECT_TRUE(Refused(refused, "period.to", "end_before_start")) << refused.body;
  EXPECT_TRUE(Refused(refused, "forms[0].sector", "sector_required")) << refused.body;
  EXPECT_EQ(Timeline(open_case), before);
  EXPECT_EQ(owner_->Get("/api/v1/cases/" + open_case + "/exploitation").Json()["history"].size(),
            1u);
  EXPECT_EQ(
      db.Scalar("SELECT code FROM case_places WHERE kind = 'municipality' AND case_id = " + q),
      "2584");
}

TEST_F(Records, OnlyTheTeamSeesThePersonMustBeInTheCaseAndNoSuspectRecords) {
  std::string id = NewCase();
  std::string person_id = NewPerson(id);
  std::string person = PersonPath(id, person_id);
  ASSERT_EQ(
      owner_->Put(person + "/safety-plan", SafetyPlan("Hot från arbetsgivaren.").dump()).status,
      200);
  EXPECT_EQ(colleague_->Get(person + "/safety-plan").status, 404);
  EXPECT_EQ(colleague_->Put(person + "/safety-plan", SafetyPlan("Annat.").dump()).status, 404);
  EXPECT_EQ(colleague_->Get("/api/v1/cases/" + id + "/exploitation").status, 404);

  std::string other_case = NewCase();
  std::string elsewhere = PersonPath(other_case, person_id);
  EXPECT_EQ(owner_->Get(elsewhere + "/safety-plan").status, 404);
  EXPECT_EQ(owner_->Put(elsewhere + "/safety-plan", SafetyPlan("Fel ärende.").dump()).status, 404);
  EXPECT_EQ(owner_->Get(PersonPath(id, "no-such-person") + "/wishes").status, 404);

  std::string suspect = PersonPath(id, NewPerson(id, "suspect"));
  auto refused = owner_->Put(suspect + "/safety-plan", SafetyPlan("Inte för misstänkta.").dump());
  EXPECT_TRUE(Refused(refused, "person_id", "not_for_suspect_or_buyer")) << refused.body;
  EXPECT_EQ(owner_->Get(person + "/safety-plan").Json()["history"].size(), 1u);
}

}  // namespace
}  // namespace opennrm::testing
