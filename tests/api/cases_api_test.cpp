// Cases through the API (case management, first slice): a social worker
// creates a case and keeps its team; a colleague not on the team neither
// sees nor lists it until put on the team or until they break the glass with
// a written reason — which the organisation's administrators are told of,
// which the audit log records, and which ends with the session. Lists agree
// with single reads. Bad input changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <thread>

#include "harness.hpp"
#include "session_client.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class Cases : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    ASSERT_TRUE(server_->Started()) << server_->Log();
    admin_ = new SessionClient(server_->port());
    ASSERT_EQ(admin_->SignIn("admin", FirstAdminPassword(*server_), TestPassword("admin")), "");
    auto org = admin_->Post("/api/v1/organisations",
                            json{{"name", "Fallkommunens socialtjänst"},
                                 {"kind", "municipal_social_services"},
                                 {"coverage", {{"scope", "municipalities"}, {"codes", {"0180"}}}}}
                                .dump());
    ASSERT_EQ(org.status, 201) << org.body;
    org_id_ = new std::string(org.Json()["id"]);
    org_admin_ = Make(*admin_, "fall-admin", "organisation_administrator", &org_admin_id_);
    owner_ = Make(*org_admin_, "fall-agare", "social_worker", &owner_id_);
    colleague_ = Make(*org_admin_, "fall-kollega", "social_worker", &colleague_id_);
    auditor_ = Make(*org_admin_, "fall-revisor", "auditor", nullptr);
  }
  static void TearDownTestSuite() {
    for (auto* c : {admin_, org_admin_, owner_, colleague_, auditor_}) delete c;
    delete server_;
    delete org_id_;
  }
  void SetUp() override { ASSERT_TRUE(server_ && server_->Started()); }

  static SessionClient* Make(SessionClient& by, const std::string& username,
                             const std::string& role, std::string* id) {
    auto r = by.Post("/api/v1/users", json{{"organisation_id", *org_id_},
                                           {"username", username},
                                           {"display_name", "Test " + username},
                                           {"roles", {role}}}
                                          .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    if (id) *id = r.Json()["user"]["id"];
    auto* c = new SessionClient(server_->port());
    passwords_[username] = TestPassword(username);
    EXPECT_EQ(c->SignIn(username, r.Json()["one_time_password"], passwords_[username]), "");
    return c;
  }
  // Another session of the user `first` is signed in as: password and one
  // of their recovery codes (no wait for a fresh TOTP step).
  static bool SignInWithRecoveryCode(SessionClient& c, const std::string& username,
                                     const SessionClient& first) {
    auto& codes = used_codes_[username];
    auto login = c.Login(username, passwords_[username]);
    EXPECT_EQ(login.status, 200) << login.body;
    for (const auto& code : first.recovery_codes()) {
      if (codes.count(code)) continue;
      codes.insert(code);
      auto r = c.Post("/api/v1/session/totp", json{{"recovery_code", code}}.dump());
      EXPECT_EQ(r.status, 200) << r.body;
      return r.status == 200;
    }
    return false;
  }
  static std::string NewCase(SessionClient& by) {
    auto r = by.Post("/api/v1/cases", json{{"type", "trafficking_in_human_beings"}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<std::string>() : "";
  }
  static std::set<std::string> Listed(SessionClient& c) {
    auto r = c.Get("/api/v1/cases?limit=200");
    EXPECT_EQ(r.status, 200) << r.body;
    std::set<std::string> ids;
    const json items = r.Json()["items"];
    for (const auto& item : items) ids.insert(item["id"].get<std::string>());
    return ids;
  }

  static inline ServerProcess* server_ = nullptr;
  static inline SessionClient* admin_ = nullptr;
  static inline SessionClient* org_admin_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
  static inline SessionClient* colleague_ = nullptr;
  static inline SessionClient* auditor_ = nullptr;
  static inline std::string* org_id_ = nullptr;
  static inline std::string org_admin_id_, owner_id_, colleague_id_;
  static inline std::map<std::string, std::string> passwords_;
  static inline std::map<std::string, std::set<std::string>> used_codes_;
};

TEST_F(Cases, ACreatorIsOnTheTeamAndAColleagueSeesNothingUntilAdded) {
  auto made = owner_->Post("/api/v1/cases", json{{"type", "human_exploitation"}}.dump());
  ASSERT_EQ(made.status, 201) << made.body;
  json c = made.Json();
  std::string id = c["id"];
  EXPECT_EQ(made.Header("location"), "/api/v1/cases/" + id);
  EXPECT_TRUE(std::regex_match(c["code"].get<std::string>(), std::regex("NRM-20[0-9]{2}-[0-9]{6}")))
      << c["code"];
  EXPECT_EQ(c["type"], "human_exploitation");
  EXPECT_EQ(c["status"], "open");
  EXPECT_EQ(c["organisation_id"], *org_id_);
  EXPECT_EQ(c["steps_version"], "se-manual-2019");
  EXPECT_EQ(c["access"], "team");
  ASSERT_EQ(c["team"].size(), 1u);
  EXPECT_EQ(c["team"][0]["user_id"], owner_id_);
  EXPECT_EQ(c["team"][0]["display_name"], "Test fall-agare");

  EXPECT_EQ(colleague_->Get("/api/v1/cases/" + id).status, 404);
  EXPECT_FALSE(Listed(*colleague_).count(id));
  auto added =
      owner_->Post("/api/v1/cases/" + id + "/team", json{{"user_id", colleague_id_}}.dump());
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.Json()["team"].size(), 2u);
  auto seen = colleague_->Get("/api/v1/cases/" + id);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.Json()["access"], "team");
  EXPECT_TRUE(Listed(*colleague_).count(id));

  // The last member cannot leave; a colleague can take someone off.
  EXPECT_EQ(colleague_->Delete("/api/v1/cases/" + id + "/team/" + owner_id_).status, 204);
  auto last = colleague_->Delete("/api/v1/cases/" + id + "/team/" + colleague_id_);
  EXPECT_EQ(last.status, 409) << last.body;
  EXPECT_EQ(owner_->Get("/api/v1/cases/" + id).status, 404);
}

TEST_F(Cases, OnlyUsersWhoWorkWithCasesInTheOrganisationJoinATeam) {
  std::string id = NewCase(*owner_);
  for (const std::string& who : {org_admin_id_, std::string("no-such-user")}) {
    auto r = owner_->Post("/api/v1/cases/" + id + "/team", json{{"user_id", who}}.dump());
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.Json()["errors"][0]["field"], "user_id");
    EXPECT_EQ(r.Json()["errors"][0]["rule"], "not_eligible");
  }
  EXPECT_EQ(owner_->Get("/api/v1/cases/" + id).Json()["team"].size(), 1u);
}

TEST_F(Cases, BreakingTheGlassNeedsAReasonIsToldAndAuditedAndEndsWithTheSession) {
  std::string id = NewCase(*owner_);
  auto unread = [] {
    return org_admin_->Get("/api/v1/me/notifications/unread-count").Json()["unread"].get<int>();
  };
  int before = unread();
  auto short_reason =
      colleague_->Post("/api/v1/cases/" + id + "/break-glass", json{{"reason", "akut"}}.dump());
  ASSERT_EQ(short_reason.status, 422) << short_reason.body;
  EXPECT_EQ(short_reason.Json()["errors"][0]["field"], "reason");
  EXPECT_EQ(short_reason.Json()["errors"][0]["rule"], "too_short");
  EXPECT_EQ(colleague_->Get("/api/v1/cases/" + id).status, 404) << "nothing was opened";

  // A second session, so that ending it ends the opening but not the suite's.
  SessionClient second(server_->port());
  ASSERT_TRUE(SignInWithRecoveryCode(second, "fall-kollega", *colleague_));
  std::string reason = "Handläggaren är sjuk och personen behöver skydd i kväll.";
  auto opened =
      second.Post("/api/v1/cases/" + id + "/break-glass", json{{"reason", reason}}.dump());
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(opened.Json()["access"], "break_glass");
  EXPECT_TRUE(opened.Json()["break_glass_expires_at"].is_string());
  EXPECT_EQ(second.Get("/api/v1/cases/" + id).status, 200);
  EXPECT_TRUE(Listed(second).count(id));
  // Break-glass reads; only the team changes the team.
  auto join = second.Post("/api/v1/cases/" + id + "/team", json{{"user_id", colleague_id_}}.dump());
  EXPECT_EQ(join.status, 403) << join.body;

  EXPECT_EQ(unread(), before + 1);
  auto notices = org_admin_->Get("/api/v1/me/notifications?unread=true");
  ASSERT_EQ(notices.status, 200);
  EXPECT_NE(notices.body.find(reason), std::string::npos) << notices.body;
  EXPECT_NE(notices.body.find(id), std::string::npos) << notices.body;

  // The events are read once the sequencer has placed them (every second).
  HttpResponse events;
  for (int i = 0; i < 50; ++i) {
    events = auditor_->Get("/api/v1/audit/events?object_id=" + id + "&limit=50");
    ASSERT_EQ(events.status, 200) << events.body;
    if (events.Json()["total"].get<int>() >= 4) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  std::set<std::string> seen;
  const json items = events.Json()["items"];
  for (const auto& e : items) {
    std::string action = e["action"].is_string() ? e["action"].get<std::string>() : "";
    seen.insert(action + "/" + (e["outcome"].is_string() ? e["outcome"].get<std::string>() : ""));
    if (action == "case.break_glass") {
      EXPECT_EQ(e["purpose"], "break_glass") << e.dump();
    }
  }
  EXPECT_TRUE(seen.count("case.created/allowed")) << events.body;
  EXPECT_TRUE(seen.count("case.break_glass/allowed")) << events.body;
  EXPECT_TRUE(seen.count("case.read/allowed")) << events.body;
  // The colleague's attempt before breaking the glass is on record too.
  EXPECT_TRUE(seen.count("case.read/denied")) << events.body;
  EXPECT_EQ(events.body.find(reason), std::string::npos) << "the log holds no reason text";

  // On the team already: there is no glass to break.
  auto own = owner_->Post("/api/v1/cases/" + id + "/break-glass", json{{"reason", reason}}.dump());
  EXPECT_EQ(own.status, 403) << own.body;

  // Not in the colleague's other session; and gone once its session ends.
  EXPECT_EQ(colleague_->Get("/api/v1/cases/" + id).status, 404);
  ASSERT_EQ(second.Delete("/api/v1/session").status, 204);
  SessionClient third(server_->port());
  ASSERT_TRUE(SignInWithRecoveryCode(third, "fall-kollega", *colleague_));
  EXPECT_EQ(third.Get("/api/v1/cases/" + id).status, 404)
      << "the opening ended with the session it was made in";
}

TEST_F(Cases, EveryListAgreesWithSingleReads) {
  std::vector<std::string> ids{NewCase(*owner_), NewCase(*owner_), NewCase(*colleague_)};
  for (auto* c : {owner_, colleague_}) {
    auto listed = Listed(*c);
    for (const auto& id : listed) EXPECT_EQ(c->Get("/api/v1/cases/" + id).status, 200) << id;
    for (const auto& id : ids) {
      int status = c->Get("/api/v1/cases/" + id).status;
      EXPECT_EQ(listed.count(id) == 1, status == 200) << id << " " << status;
    }
  }
}

TEST_F(Cases, BadInputGetsAProblemAndChangesNothing) {
  auto before = Listed(*owner_).size();
  struct Bad {
    std::string body;
    std::string field;
  };
  for (const auto& bad : std::vector<Bad>{{R"({"type":"smuggling"})", "type"},
                                          {R"({})", "type"},
                                          {R"({"type":"return_only","owner":"x"})", "owner"}}) {
    auto r = owner_->Post("/api/v1/cases", bad.body);
    ASSERT_EQ(r.status, 422) << bad.body << " " << r.body;
    EXPECT_EQ(r.Json()["errors"][0]["field"], bad.field) << r.body;
  }
  EXPECT_EQ(owner_->Post("/api/v1/cases", "{not json").status, 400);
  auto filter = owner_->Get("/api/v1/cases?status=pending");
  EXPECT_EQ(filter.status, 422) << filter.body;
  EXPECT_EQ(owner_->Get("/api/v1/cases?type=smuggling").status, 422);
  EXPECT_EQ(owner_->Get("/api/v1/cases/no-such-case").status, 404);
  EXPECT_EQ(Listed(*owner_).size(), before);
  // Neither an organisation administrator nor an auditor keeps cases.
  EXPECT_EQ(org_admin_->Post("/api/v1/cases", R"({"type":"return_only"})").status, 403);
  EXPECT_EQ(auditor_->Get("/api/v1/cases").status, 403);
}

TEST_F(Cases, APersonIsAddedWithTheirIdentityAndReadBackByTheTeamOnly) {
  std::string id = NewCase(*owner_);
  json person{{"role", "presumed_victim"},
              {"names",
               {{{"kind", "name"}, {"latin", "Olena Kovalenko"}, {"original", "Олена Коваленко"}},
                {{"kind", "alias"}, {"latin", "Lena"}}}},
              {"date_of_birth", {{"date", "2001-04"}}},
              {"gender", "female"},
              {"citizenship", {{"status", "known"}, {"countries", {"UA"}}}},
              {"languages", {"ukr", "rus"}},
              {"documents",
               {{{"type", "passport"},
                 {"number", "FT123456"},
                 {"issuing_country", "UA"},
                 {"expires_on", "2031-05-01"}}}},
              {"contact", {{"phones", {"+46 70 123 45 67"}}, {"notes", "Ring efter kl. 18."}}}};
  auto added = owner_->Post("/api/v1/cases/" + id + "/persons", person.dump());
  ASSERT_EQ(added.status, 201) << added.body;
  json got = added.Json();
  EXPECT_TRUE(std::regex_match(got["code"].get<std::string>(), std::regex("P-20[0-9]{2}-[0-9]{6}")))
      << got["code"];
  EXPECT_EQ(got["role"], "presumed_victim");
  EXPECT_EQ(got["names"][0]["original"], "Олена Коваленко");
  EXPECT_EQ(got["names"][1]["kind"], "alias");
  EXPECT_EQ(got["date_of_birth"]["date"], "2001-04");
  EXPECT_EQ(got["citizenship"]["countries"][0], "UA");
  EXPECT_EQ(got["documents"][0]["expires_on"], "2031-05-01");
  EXPECT_EQ(got["contact"]["notes"], "Ring efter kl. 18.");
  EXPECT_EQ(got["protection"], "none");

  auto read = owner_->Get("/api/v1/cases/" + id + "/persons");
  ASSERT_EQ(read.status, 200) << read.body;
  ASSERT_EQ(read.Json()["items"].size(), 1u);
  EXPECT_EQ(read.Json()["items"][0], got);
  EXPECT_EQ(colleague_->Get("/api/v1/cases/" + id + "/persons").status, 404);

  // An estimated age instead of a date; a witness.
  auto estimated = owner_->Post(
      "/api/v1/cases/" + id + "/persons",
      json{{"role", "witness"},
           {"date_of_birth", {{"age_min", 15}, {"age_max", 17}, {"estimated_on", "2026-11-01"}}}}
          .dump());
  ASSERT_EQ(estimated.status, 201) << estimated.body;
  EXPECT_EQ(estimated.Json()["date_of_birth"]["age_max"], 17);
  EXPECT_EQ(owner_->Get("/api/v1/cases/" + id + "/persons").Json()["items"].size(), 2u);
}

TEST_F(Cases, APersonWithBadFieldsGetsAProblemPerFieldAndNothingIsStored) {
  std::string id = NewCase(*owner_);
  struct Bad {
    json body;
    std::string rule;
  };
  std::vector<Bad> bad{
      {{{"role", "hostage"}}, "unknown_code"},
      {{{"role", "witness"}, {"citizenship", {{"status", "known"}, {"countries", {"XX"}}}}},
       "unknown_country"},
      {{{"role", "witness"}, {"languages", {"klingon"}}}, "unknown_language"},
      {{{"role", "witness"}, {"date_of_birth", {{"date", "2001-13"}}}}, "format"},
      {{{"role", "witness"}, {"gender", "unknown-gender"}}, "unknown_code"},
      {{{"role", "witness"}, {"nickname", "x"}}, "unknown_field"},
  };
  for (const auto& b : bad) {
    auto r = owner_->Post("/api/v1/cases/" + id + "/persons", b.body.dump());
    ASSERT_EQ(r.status, 422) << b.body.dump() << " " << r.body;
    EXPECT_EQ(r.Json()["errors"][0]["rule"], b.rule) << r.body;
  }
  EXPECT_TRUE(owner_->Get("/api/v1/cases/" + id + "/persons").Json()["items"].empty());
}

TEST_F(Cases, ANameIsFoundInAnySpellingOnlyByThoseWhoMaySeeThePerson) {
  std::string id = NewCase(*owner_);
  auto add = [&](const json& names, const std::string& protection = "none") {
    auto r = owner_->Post(
        "/api/v1/cases/" + id + "/persons",
        json{{"role", "presumed_victim"}, {"names", names}, {"protection", protection}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"].get<std::string>();
  };
  std::string ivan = add({{{"latin", "Ivan Yordanov"}, {"original", "Иван Йорданов"}}});
  std::string maria = add({{{"latin", "Maria Popescu"}}});
  std::string hidden = add({{{"latin", "Ivana Jordanova"}}}, "protected_registration");
  auto search = [&](SessionClient& who, const std::string& name) {
    auto r = who.Post("/api/v1/persons/search", json{{"name", name}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    const json items = r.Json()["items"];
    for (const auto& i : items) ids.push_back(i["id"].get<std::string>());
    return std::make_pair(ids, r.Json());
  };
  for (const char* spelling : {"Yordanov", "Jordanov", "Iordanov", "Йорданов", "yordanov ivan"}) {
    auto [ids, body] = search(*owner_, spelling);
    EXPECT_TRUE(std::find(ids.begin(), ids.end(), ivan) != ids.end()) << spelling << body.dump();
    EXPECT_TRUE(std::find(ids.begin(), ids.end(), maria) == ids.end()) << spelling;
  }
  auto [exact, body] = search(*owner_, "Ivan Yordanov");
  ASSERT_FALSE(exact.empty());
  EXPECT_EQ(exact[0], ivan);
  EXPECT_EQ(body["items"][0]["match"], "exact");
  EXPECT_EQ(body["items"][0]["case_id"], id);
  EXPECT_FALSE(body["items"][0].contains("contact"));
  // The team sees the protected person; a colleague off the team sees nobody.
  auto [team_sees, ignored] = search(*owner_, "Jordanova");
  EXPECT_TRUE(std::find(team_sees.begin(), team_sees.end(), hidden) != team_sees.end());
  EXPECT_TRUE(search(*colleague_, "Yordanov").first.empty());
  auto bad = owner_->Post("/api/v1/persons/search", json{{"name", "  "}}.dump());
  EXPECT_EQ(bad.status, 422) << bad.body;
}

TEST_F(Cases, AnNgoCaseRecordsNoSuspect) {
  auto org = admin_->Post("/api/v1/organisations",
                          json{{"name", "Fallskyddsboendet"},
                               {"kind", "ngo_shelter"},
                               {"coverage", {{"scope", "municipalities"}, {"codes", {"0180"}}}}}
                              .dump());
  ASSERT_EQ(org.status, 201) << org.body;
  std::string ngo_id = org.Json()["id"];
  std::swap(*org_id_, ngo_id);
  std::unique_ptr<SessionClient> ngo_admin(
      Make(*admin_, "fall-ngo-admin", "organisation_administrator", nullptr));
  std::unique_ptr<SessionClient> worker(Make(*ngo_admin, "fall-ngo", "ngo_worker", nullptr));
  std::swap(*org_id_, ngo_id);
  std::string id = NewCase(*worker);
  for (const char* role : {"suspect", "buyer_of_sexual_services"}) {
    auto r = worker->Post("/api/v1/cases/" + id + "/persons", json{{"role", role}}.dump());
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.Json()["errors"][0]["field"], "role");
    EXPECT_EQ(r.Json()["errors"][0]["rule"],
              std::string(role) == "suspect" ? "suspect_needs_authority" : "buyer_needs_authority");
  }
  EXPECT_EQ(
      worker->Post("/api/v1/cases/" + id + "/persons", json{{"role", "presumed_victim"}}.dump())
          .status,
      201);
}

}  // namespace
}  // namespace opennrm::testing
