// The tracks on a case through the API: an adult's case walked through the
// support track (identification -> acute protection -> initial support ->
// long-term support) as the records and declared facts its steps need are
// kept, with each refused move answered 422 naming the missing fact and
// nothing written; the criminal-proceedings record of a municipality's case,
// every version kept and the facts it implies recorded, moving the
// proceedings track; an NGO's case refused the proceedings track and record;
// and a closed case refusing moves until reopened.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "case_fixture.hpp"
#include "raw_database.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class Tracks : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer();
    ASSERT_TRUE(world_->ok());
    server_ = &world_->server();
    org_id_ = world_->NewOrganisation("Spårkommunens socialtjänst", "municipal_social_services");
    ngo_id_ = world_->NewOrganisation("Spårhärbärget", "ngo_shelter");
    auto* org_admin =
        world_->NewUser(world_->admin(), org_id_, "spar-admin", "organisation_administrator");
    owner_ = world_->NewUser(*org_admin, org_id_, "spar-agare", "social_worker", &owner_id_);
    colleague_ =
        world_->NewUser(*org_admin, org_id_, "spar-kollega", "social_worker", &colleague_id_);
    auto* ngo_admin =
        world_->NewUser(world_->admin(), ngo_id_, "harbarge-admin", "organisation_administrator");
    ngo_ = world_->NewUser(*ngo_admin, ngo_id_, "harbarge-stod", "ngo_worker");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static std::string NewCase(SessionClient& by) { return CaseServer::NewCase(by); }
  // A Swedish-speaking presumed victim in `case_id`.
  static std::string NewPerson(SessionClient& by, const std::string& case_id) {
    return CaseServer::NewPerson(by, case_id,
                                 json{{"role", "presumed_victim"},
                                      {"names", {{{"kind", "name"}, {"latin", "Maria Spårsson"}}}},
                                      {"languages", {"swe"}}});
  }
  static HttpResponse Move(SessionClient& by, const std::string& case_id, const std::string& track,
                           json body) {
    return by.Post("/api/v1/cases/" + case_id + "/tracks/" + track + "/moves", body.dump());
  }
  static HttpResponse Declare(SessionClient& by, const std::string& case_id, json body) {
    return by.Post("/api/v1/cases/" + case_id + "/facts", body.dump());
  }
  static json Timeline(const std::string& case_id) {
    auto r = owner_->Get("/api/v1/cases/" + case_id + "/timeline?limit=500");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json()["items"] : json::array();
  }
  static json Track(const json& tracks, const std::string& name) {
    for (const auto& t : tracks["tracks"]) {
      if (t["track"] == name) return t;
    }
    return nullptr;
  }
  static json Next(const json& track, const std::string& step) {
    for (const auto& n : track["next"]) {
      if (n["step"] == step) return n;
    }
    return nullptr;
  }
  static std::vector<std::string> Missing(const json& next) {
    std::vector<std::string> out;
    for (const auto& m : next["missing"]) out.push_back(m["fact"]);
    return out;
  }

  static inline CaseServer* world_ = nullptr;
  static inline ServerProcess* server_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
  static inline SessionClient* colleague_ = nullptr;
  static inline SessionClient* ngo_ = nullptr;
  static inline std::string org_id_, ngo_id_, owner_id_, colleague_id_;
};

TEST_F(Tracks, AnAdultIsWalkedThroughTheSupportTrack) {
  std::string id = NewCase(*owner_);
  std::string person = NewPerson(*owner_, id);
  std::string person_path = "/api/v1/cases/" + id + "/persons/" + person;

  auto first = owner_->Get("/api/v1/cases/" + id + "/tracks");
  ASSERT_EQ(first.status, 200) << first.body;
  json support = Track(first.Json(), "support");
  EXPECT_TRUE(support["step"].is_null());
  json identification = Next(support, "identification");
  ASSERT_FALSE(identification.is_null()) << first.body;
  EXPECT_EQ(Missing(identification), std::vector<std::string>{"indicators_recorded"});
  EXPECT_EQ(identification["missing"][0]["recorded_by"], "indicators");
  EXPECT_EQ(identification["missing"][0]["section"], "assessment");
  EXPECT_TRUE(identification["caller_may_move"]);
  EXPECT_TRUE(Track(first.Json(), "proceedings")["available"]) << "a municipality is an authority";

  // Nothing recorded yet: refused, naming the fact; nothing is written.
  size_t before = Timeline(id).size();
  auto early = Move(*owner_, id, "support", {{"to", "identification"}});
  EXPECT_TRUE(Refused(early, "indicators_recorded", "missing_requirement")) << early.body;
  auto skip = Move(*owner_, id, "support", {{"to", "acute_protection"}});
  EXPECT_TRUE(Refused(skip, "to", "illegal_transition")) << skip.body;
  auto closed = Move(*owner_, id, "support", {{"to", "closed"}});
  EXPECT_TRUE(Refused(closed, "to", "closure_required")) << closed.body;
  auto unknown = Move(*owner_, id, "rescue", {{"to", "identification"}});
  EXPECT_TRUE(Refused(unknown, "track", "unknown_track")) << unknown.body;
  EXPECT_EQ(Timeline(id).size(), before);

  // Step 1: the indicators, then identification.
  auto checklist = owner_->Get("/api/v1/indicators");
  ASSERT_EQ(checklist.status, 200) << checklist.body;
  json list = checklist.Json();
  std::string indicator = list["groups"][0]["indicators"][0]["id"];
  auto indicators = owner_->Put(
      person_path + "/indicators",
      json{{"catalog_version", list["version"]},
           {"assessed_on", "2026-01-05"},
           {"answers",
            {{{"indicator_id", indicator}, {"answer", "yes"}, {"evidence", "Berättade själv."}}}}}
          .dump());
  ASSERT_EQ(indicators.status, 200) << indicators.body;
  auto moved = Move(*owner_, id, "support", {{"to", "identification"}, {"expected_step", ""}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  support = Track(moved.Json(), "support");
  EXPECT_EQ(support["step"], "identification");
  EXPECT_EQ(support["entered_by"], owner_id_);
  EXPECT_FALSE(support["entered_at"].is_null());
  EXPECT_EQ(Missing(Next(support, "acute_protection")),
            (std::vector<std::string>{"presumed_victim_assessment", "safety_plan"}));

  // Step 2 needs the assessment and a safety plan: one problem per fact.
  before = Timeline(id).size();
  auto acute = Move(*owner_, id, "support", {{"to", "acute_protection"}});
  EXPECT_EQ(ProblemsOf(acute), (std::vector<std::pair<std::string, std::string>>{
                                   {"presumed_victim_assessment", "missing_requirement"},
                                   {"safety_plan", "missing_requirement"}}))
      << acute.body;
  EXPECT_EQ(Timeline(id).size(), before);
  ASSERT_EQ(
      owner_
          ->Put(person_path + "/assessment", json{{"assessed_on", "2026-01-06"},
                                                  {"conclusion", "presumed_victim"},
                                                  {"grounds", "Indikatorerna ger skäl att anta."}}
                                                 .dump())
          .status,
      200);
  auto plan = owner_->Put(
      person_path + "/safety-plan",
      json{{"risks", {{{"description", "Rekryteraren vet var hon bor."}, {"level", "high"}}}},
           {"measures", {{{"description", "Skyddat boende."}, {"responsible", "Socialtjänsten"}}}},
           {"who_to_call", {{{"name", "Polisen"}, {"phone", "112"}}}},
           {"made_on", "2026-01-07"},
           {"review_on", "2026-02-07"}}
          .dump());
  ASSERT_EQ(plan.status, 200) << plan.body;
  // A stale expected step is a conflict; the right one moves.
  EXPECT_EQ(
      Move(*owner_, id, "support", {{"to", "acute_protection"}, {"expected_step", ""}}).status,
      409);
  auto protectedd = Move(*owner_, id, "support",
                         {{"to", "acute_protection"}, {"expected_step", "identification"}});
  ASSERT_EQ(protectedd.status, 200) << protectedd.body;

  // Step 3: wishes, consent, and basic information (a declaration).
  ASSERT_EQ(owner_
                ->Post(person_path + "/wishes", json{{"step", "initial_support"},
                                                     {"wish", "Bo nära systern."},
                                                     {"recorded_on", "2026-01-08"}}
                                                    .dump())
                .status,
            201);
  ASSERT_EQ(
      owner_
          ->Post(person_path + "/consents", json{{"purpose", "Kontakt med regionkoordinatorn"},
                                                 {"taken_on", "2026-01-08"},
                                                 {"language", "swe"},
                                                 {"given", true}}
                                                .dump())
          .status,
      201);
  before = Timeline(id).size();
  EXPECT_TRUE(
      Refused(Declare(*owner_, id, {{"fact", "safety_plan"}}), "fact", "implied_by_record"));
  EXPECT_TRUE(Refused(Declare(*owner_, id, {{"fact", "feels_better"}}), "fact", "unknown_fact"));
  EXPECT_TRUE(
      Refused(Declare(*owner_, id, {{"fact", "basic_information_given"}, {"person_id", "nobody"}}),
              "person_id", "unknown_person"));
  EXPECT_EQ(Declare(*colleague_, id, {{"fact", "basic_information_given"}}).status, 404);
  EXPECT_EQ(Timeline(id).size(), before);
  auto informed =
      Declare(*owner_, id, {{"fact", "basic_information_given"}, {"person_id", person}});
  ASSERT_EQ(informed.status, 201) << informed.body;
  EXPECT_EQ(
      Declare(*owner_, id, {{"fact", "basic_information_given"}, {"person_id", person}}).status,
      200)
      << "recorded twice: nothing changes";
  auto initial = Move(*owner_, id, "support", {{"to", "initial_support"}});
  ASSERT_EQ(initial.status, 200) << initial.body;

  // Step 4: the needs assessment and the support plan, both declared.
  auto long_term = Move(*owner_, id, "support", {{"to", "long_term_support"}});
  EXPECT_EQ(ProblemsOf(long_term), (std::vector<std::pair<std::string, std::string>>{
                                       {"needs_assessment", "missing_requirement"},
                                       {"support_plan", "missing_requirement"}}))
      << long_term.body;
  ASSERT_EQ(Declare(*owner_, id, {{"fact", "needs_assessment"}}).status, 201);
  ASSERT_EQ(Declare(*owner_, id, {{"fact", "support_plan"}}).status, 201);
  long_term = Move(*owner_, id, "support", {{"to", "long_term_support"}});
  ASSERT_EQ(long_term.status, 200) << long_term.body;
  json after = long_term.Json();
  EXPECT_EQ(Track(after, "support")["step"], "long_term_support");
  EXPECT_TRUE(Track(after, "proceedings")["step"].is_null()) << "support never waits for it";
  std::vector<std::string> facts;
  for (const auto& f : after["facts"]) facts.push_back(f["fact"]);
  for (const char* f : {"indicators_recorded", "presumed_victim_assessment", "safety_plan",
                        "person_wishes_recorded", "consent_recorded", "basic_information_given",
                        "needs_assessment", "support_plan"}) {
    EXPECT_NE(std::find(facts.begin(), facts.end(), f), facts.end()) << f;
  }

  // The timeline shows every move, from where to where.
  std::vector<std::string> moves;
  for (const auto& e : Timeline(id)) {
    if (e["kind"] != "track.moved") continue;
    EXPECT_EQ(e["section"], "support");
    EXPECT_EQ(e["details"]["track"], "support");
    moves.push_back(e["details"]["from"].get<std::string>() + ">" +
                    e["details"]["to"].get<std::string>());
  }
  EXPECT_EQ(moves, (std::vector<std::string>{">identification", "identification>acute_protection",
                                             "acute_protection>initial_support",
                                             "initial_support>long_term_support"}));
}

TEST_F(Tracks, ProceedingsAreKeptInVersionsAndMoveTheirTrack) {
  std::string id = NewCase(*owner_);
  std::string person = NewPerson(*owner_, id);
  std::string path = "/api/v1/cases/" + id + "/proceedings";
  auto empty = owner_->Get(path);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.Json()["version"], 0);
  EXPECT_TRUE(empty.Json()["versions"].empty());

  json record{{"police_report_numbers", {"5000 - k123456 - 2026"}},
              {"offences",
               {{{"offence_id", "trafficking_in_human_beings"},
                 {"version_id", "trafficking_in_human_beings_2018"},
                 {"grade", "standard"},
                 {"committed", "2025-11"}}}},
              {"investigation", {{"opened_on", "2026-01-10"}, {"led_by", "prosecutor"}}},
              {"injured_parties", {{{"person_id", person}, {"status", "injured_party"}}}}};
  // Bad input: each problem named, nothing written.
  json bad = record;
  bad["police_report_numbers"] = {"K-nummer saknas"};
  bad["offences"][0]["version_id"] = "trafficking_in_human_beings_2004";
  bad["injured_parties"][0]["person_id"] = "nobody";
  bad["judgments"] = {{{"level", "district_court"},
                       {"court", "Stockholms tingsrätt"},
                       {"delivered_on", "2026-02-01"},
                       {"verdict", "convicted"}}};
  size_t before = Timeline(id).size();
  auto refused = owner_->Put(path, bad.dump());
  EXPECT_TRUE(Refused(refused, "police_report_numbers[0]", "format")) << refused.body;
  EXPECT_TRUE(Refused(refused, "offences[0].version_id", "offence_not_in_force")) << refused.body;
  EXPECT_TRUE(Refused(refused, "injured_parties[0].person_id", "unknown_person")) << refused.body;
  EXPECT_TRUE(Refused(refused, "judgments[0]", "judgment_without_indictment")) << refused.body;
  bad = record;
  bad["investigation"]["led_by"] = "sheriff";
  EXPECT_TRUE(Refused(owner_->Put(path, bad.dump()), "investigation.led_by", "unknown_code"));
  EXPECT_EQ(Timeline(id).size(), before);
  EXPECT_EQ(owner_->Get(path).Json()["version"], 0);

  // The proceedings track cannot start before a report is recorded.
  EXPECT_TRUE(Refused(Move(*owner_, id, "proceedings", {{"to", "reported"}}),
                      "police_report_recorded", "missing_requirement"));
  EXPECT_TRUE(Refused(Declare(*owner_, id, {{"fact", "police_report_recorded"}}), "fact",
                      "implied_by_record"));

  record["expected_version"] = 0;
  auto saved = owner_->Put(path, record.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  json v1 = saved.Json();
  EXPECT_EQ(v1["version"], 1);
  EXPECT_EQ(v1["police_report_numbers"][0], "5000-K123456-26") << "kept in canonical form";
  EXPECT_EQ(v1["investigation"]["led_by"], "prosecutor");
  EXPECT_EQ(v1["recorded_by"], owner_id_);
  // A stale editor is told, not overwritten.
  EXPECT_EQ(owner_->Put(path, record.dump()).status, 409);

  ASSERT_EQ(Move(*owner_, id, "proceedings", {{"to", "reported"}}).status, 200);
  auto investigating = Move(*owner_, id, "proceedings", {{"to", "preliminary_investigation"}});
  ASSERT_EQ(investigating.status, 200) << investigating.body;
  json proceedings = Track(investigating.Json(), "proceedings");
  EXPECT_EQ(proceedings["step"], "preliminary_investigation");
  EXPECT_EQ(Missing(Next(proceedings, "prosecution_decision")),
            std::vector<std::string>{"preliminary_investigation_concluded"});

  // Version 2: an indictment; version 1 is kept.
  record["expected_version"] = 1;
  record["prosecution"] = {{"outcome", "indictment"}, {"decided_on", "2026-02-20"}};
  auto second = owner_->Put(path, record.dump());
  ASSERT_EQ(second.status, 200) << second.body;
  auto read = colleague_->Get(path);
  EXPECT_EQ(read.status, 404) << "not on the team";
  read = owner_->Get(path);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["version"], 2);
  EXPECT_EQ(read.Json()["prosecution"]["outcome"], "indictment");
  EXPECT_EQ(read.Json()["versions"].size(), 2u);
  RawDatabase db(*server_);
  EXPECT_EQ(db.Scalar("SELECT COUNT(*) FROM case_proceedings WHERE case_id = " + SqlQuote(id)),
            "2");
  // Nothing about the offence is in the clear.
  EXPECT_EQ(db.Scalar("SELECT COUNT(*) FROM case_proceedings WHERE body_sealed LIKE '%K123456%'"),
            "0");
  ASSERT_EQ(Move(*owner_, id, "proceedings", {{"to", "prosecution_decision"}}).status, 200);
  ASSERT_EQ(Move(*owner_, id, "proceedings", {{"to", "trial"}}).status, 200);
  int recorded = 0;
  for (const auto& e : Timeline(id)) {
    if (e["kind"] == "proceedings.recorded") {
      ++recorded;
      EXPECT_EQ(e["section"], "proceedings");
    }
  }
  EXPECT_EQ(recorded, 2);
}

TEST_F(Tracks, AnNgosCaseHoldsNoProceedings) {
  std::string id = NewCase(*ngo_);
  auto tracks = ngo_->Get("/api/v1/cases/" + id + "/tracks");
  ASSERT_EQ(tracks.status, 200) << tracks.body;
  json proceedings = Track(tracks.Json(), "proceedings");
  EXPECT_EQ(proceedings["available"], false) << tracks.body;
  EXPECT_EQ(proceedings["unavailable_rule"], "track_needs_authority");
  EXPECT_TRUE(proceedings["next"].empty());
  EXPECT_FALSE(Track(tracks.Json(), "return").is_null());
  size_t before = 0;
  {
    auto r = ngo_->Get("/api/v1/cases/" + id + "/timeline?limit=500");
    ASSERT_EQ(r.status, 200) << r.body;
    before = r.Json()["items"].size();
  }
  auto move = Move(*ngo_, id, "proceedings", {{"to", "reported"}});
  EXPECT_TRUE(Refused(move, "track", "track_needs_authority")) << move.body;
  auto read = ngo_->Get("/api/v1/cases/" + id + "/proceedings");
  EXPECT_TRUE(Refused(read, "proceedings", "proceedings_need_authority")) << read.body;
  auto write = ngo_->Put("/api/v1/cases/" + id + "/proceedings",
                         json{{"police_report_numbers", {"5000-K123456-26"}}}.dump());
  EXPECT_TRUE(Refused(write, "proceedings", "proceedings_need_authority")) << write.body;
  auto r = ngo_->Get("/api/v1/cases/" + id + "/timeline?limit=500");
  EXPECT_EQ(r.Json()["items"].size(), before);
  RawDatabase db(*server_);
  EXPECT_EQ(db.Scalar("SELECT COUNT(*) FROM case_proceedings WHERE case_id = " + SqlQuote(id)),
            "0");
}

TEST_F(Tracks, AClosedCaseRefusesMovesUntilReopened) {
  std::string id = NewCase(*owner_);
  EXPECT_TRUE(
      Refused(owner_->Post("/api/v1/cases/" + id + "/close", json{{"reason", "bored"}}.dump()),
              "reason", "unknown_closure_reason"));
  EXPECT_TRUE(Refused(owner_->Post("/api/v1/cases/" + id + "/reopen", "{}"), "case", "case_open"));
  auto closed =
      owner_->Post("/api/v1/cases/" + id + "/close", json{{"reason", "lost_contact"}}.dump());
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["status"], "closed");
  EXPECT_EQ(closed.Json()["closure_reason"], "lost_contact");
  RawDatabase db(*server_);
  EXPECT_NE(db.Scalar("SELECT closed_at_us FROM cases WHERE id = " + SqlQuote(id)).value_or(""),
            "");

  size_t before = Timeline(id).size();
  EXPECT_TRUE(
      Refused(Move(*owner_, id, "support", {{"to", "identification"}}), "case", "case_closed"));
  EXPECT_TRUE(Refused(Declare(*owner_, id, {{"fact", "support_plan"}}), "case", "case_closed"));
  EXPECT_TRUE(
      Refused(owner_->Post("/api/v1/cases/" + id + "/close", json{{"reason", "integrated"}}.dump()),
              "case", "case_closed"));
  EXPECT_EQ(Timeline(id).size(), before);
  auto tracks = owner_->Get("/api/v1/cases/" + id + "/tracks");
  ASSERT_EQ(tracks.status, 200);
  EXPECT_EQ(tracks.Json()["status"], "closed");
  EXPECT_TRUE(Track(tracks.Json(), "support")["next"].empty()) << "nothing follows while closed";

  // Reopened (the person got in touch again): the case moves again.
  auto reopened = owner_->Post("/api/v1/cases/" + id + "/reopen", "{}");
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(reopened.Json()["status"], "open");
  EXPECT_TRUE(reopened.Json()["closure_reason"].is_null());
  ASSERT_EQ(Declare(*owner_, id, {{"fact", "support_plan"}}).status, 201);
  std::vector<std::string> kinds;
  for (const auto& e : Timeline(id)) kinds.push_back(e["kind"]);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "case.closed"), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "case.reopened"), kinds.end());
  for (const auto& e : Timeline(id)) {
    if (e["kind"] == "case.closed") {
      EXPECT_EQ(e["details"]["reason"], "lost_contact");
    }
  }
}

}  // namespace
}  // namespace opennrm::testing
