// Cases through the API (case management, first slice): a social worker
// creates a case and keeps its team; a colleague not on the team neither
// sees nor lists it until put on the team or until they break the glass with
// a written reason — which the organisation's administrators are told of,
// which the audit log records, and which ends with the session. Lists agree
// with single reads. Bad input changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <thread>
#include <tuple>

#include <sqlite3.h>

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

TEST_F(Cases, AListCountsItsFewCasesExactlyAndSaysTheCountIsNotCapped) {
  // A new colleague sees only their own cases: a count known in advance.
  std::unique_ptr<SessionClient> counter(
      Make(*org_admin_, "fall-raknare", "social_worker", nullptr));
  NewCase(*counter);
  NewCase(*counter);
  for (const auto& [query, total] : std::vector<std::pair<std::string, int>>{
           {"", 2}, {"?status=open&type=trafficking_in_human_beings", 2}, {"?status=closed", 0}}) {
    auto r = counter->Get("/api/v1/cases" + query);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Json()["total"], total) << query;
    ASSERT_TRUE(r.Json()["total_capped"].is_boolean()) << r.body;
    EXPECT_FALSE(r.Json()["total_capped"].get<bool>()) << query;
    EXPECT_EQ(r.Json()["items"].size(), static_cast<size_t>(total)) << query;
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
  // Every word must match one person: the first name of one and the surname of another find nobody.
  EXPECT_TRUE(search(*owner_, "Ivan Popescu").first.empty());
  EXPECT_TRUE(search(*owner_, "Maria Iordanov").first.empty());
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

namespace opennrm::testing {
namespace {

TEST_F(Cases, TheTimelineKeepsEveryChangeInOrderWithoutNames) {
  std::string id = NewCase(*owner_);
  ASSERT_EQ(
      owner_->Post("/api/v1/cases/" + id + "/team", json{{"user_id", colleague_id_}}.dump()).status,
      200);
  auto person = owner_->Post("/api/v1/cases/" + id + "/persons",
                             json{{"role", "presumed_victim"},
                                  {"names", {{{"kind", "name"}, {"latin", "Tidslinje Testsson"}}}}}
                                 .dump());
  ASSERT_EQ(person.status, 201) << person.body;
  std::string person_id = person.Json()["id"];
  ASSERT_EQ(colleague_->Delete("/api/v1/cases/" + id + "/team/" + colleague_id_).status, 204);

  auto t = owner_->Get("/api/v1/cases/" + id + "/timeline");
  ASSERT_EQ(t.status, 200) << t.body;
  json body = t.Json();
  EXPECT_EQ(body["total"], 4);
  std::vector<std::string> kinds;
  for (const auto& e : body["items"]) kinds.push_back(e["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"case.created", "team.added", "person.added",
                                             "team.removed"}));
  for (size_t i = 0; i < body["items"].size(); ++i) {
    EXPECT_EQ(body["items"][i]["seq"], static_cast<int>(i + 1));
  }
  const json& added = body["items"][2];
  EXPECT_EQ(added["section"], "identity");
  EXPECT_EQ(added["person_id"], person_id);
  EXPECT_EQ(added["details"]["role"], "presumed_victim");
  EXPECT_EQ(added["recorded_by"], owner_id_);
  EXPECT_EQ(added["recorded_by_name"], "Test fall-agare");
  EXPECT_EQ(body["items"][3]["recorded_by"], colleague_id_);
  EXPECT_EQ(body["items"][3]["details"]["user_id"], colleague_id_);
  EXPECT_EQ(t.body.find("Testsson"), std::string::npos) << "no names in the timeline";

  auto page = owner_->Get("/api/v1/cases/" + id + "/timeline?limit=2&offset=2");
  ASSERT_EQ(page.status, 200);
  ASSERT_EQ(page.Json()["items"].size(), 2u);
  EXPECT_EQ(page.Json()["items"][0]["kind"], "person.added");

  // Lists show the case as changed by the last entry.
  auto read = owner_->Get("/api/v1/cases/" + id).Json();
  EXPECT_EQ(read["updated_at"], body["items"][3]["recorded_at"]);
  EXPECT_GE(read["version"].get<int>(), 4);

  EXPECT_EQ(owner_->Get("/api/v1/cases/" + id + "/timeline?limit=0").status, 422);
  EXPECT_EQ(colleague_->Get("/api/v1/cases/" + id + "/timeline").status, 404);
  EXPECT_EQ(owner_->Get("/api/v1/cases/no-such-case/timeline").status, 404);
}

}  // namespace
}  // namespace opennrm::testing

namespace opennrm::testing {
namespace {

std::string DayFromToday(int days) {
  std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
  return buf;
}

TEST_F(Cases, ListsNarrowByPlaceFormOverdueClockAndAssignment) {
  auto with_exploitation = [](const std::string& municipality, const std::string& form) {
    std::string id = NewCase(*owner_);
    auto person = owner_->Post("/api/v1/cases/" + id + "/persons",
                               json{{"role", "presumed_victim"},
                                    {"date_of_birth", {{"date", "1990-02"}}},
                                    {"citizenship", {{"status", "known"}, {"countries", {"TH"}}}}}
                                   .dump());
    EXPECT_EQ(person.status, 201) << person.body;
    json forms = json::array();
    forms.push_back(form == "labour" ? json{{"form", form}, {"sector", "berry_picking"}}
                                     : json{{"form", form}});
    auto saved = owner_->Put(
        "/api/v1/cases/" + id + "/exploitation",
        json{{"forms", forms}, {"places", {{"municipalities", {municipality}}}}}.dump());
    EXPECT_EQ(saved.status, 200) << saved.body;
    return std::make_pair(id, person.status == 201 ? person.Json()["id"].get<std::string>() : "");
  };
  auto [kiruna, victim] = with_exploitation("2584", "labour");
  auto [stockholm, other] = with_exploitation("0180", "sexual");
  std::string bare = NewCase(*owner_);
  // A reflection period that ended ten days ago: overdue.
  auto clock = owner_->Post(
      "/api/v1/cases/" + kiruna + "/clocks",
      json{
          {"rule_id", "reflection_period"},
          {"person_id", victim},
          {"applicant", "social_welfare_board"},
          {"applied_on", DayFromToday(-45)},
          {"conditions", {"foreign_national_without_residence_permit", "reason_to_believe_victim"}}}
          .dump());
  ASSERT_EQ(clock.status, 201) << clock.body;
  auto decided = owner_->Post(
      "/api/v1/cases/" + kiruna + "/clocks/" + clock.Json()["id"].get<std::string>() + "/decision",
      json{{"outcome", "granted"},
           {"decided_on", DayFromToday(-41)},
           {"starts_on", DayFromToday(-40)},
           {"ends_on", DayFromToday(-10)}}
          .dump());
  ASSERT_EQ(decided.status, 200) << decided.body;

  auto listed = [](SessionClient& c, const std::string& query) {
    auto r = c.Get("/api/v1/cases?limit=200&" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    std::set<std::string> ids;
    const json items = r.Json()["items"];  // a copy: the parsed body is a temporary
    for (const auto& item : items) ids.insert(item["id"].get<std::string>());
    EXPECT_EQ(r.Json()["total"].get<size_t>(), ids.size()) << query;
    return ids;
  };
  auto mine = [&](std::set<std::string> ids) {
    std::set<std::string> out;
    for (const auto& id : ids) {
      if (id == kiruna || id == stockholm || id == bare) out.insert(id);
    }
    return out;
  };
  using Ids = std::set<std::string>;
  EXPECT_EQ(mine(listed(*owner_, "form=labour")), Ids{kiruna});
  EXPECT_EQ(mine(listed(*owner_, "form=labour,sexual")), (Ids{kiruna, stockholm}));
  EXPECT_EQ(mine(listed(*owner_, "municipality=0180")), Ids{stockholm});
  EXPECT_EQ(mine(listed(*owner_, "county=25")), Ids{kiruna});
  EXPECT_EQ(mine(listed(*owner_, "police_region=nord")), Ids{kiruna});
  EXPECT_EQ(mine(listed(*owner_, "police_region=nord&municipality=0180")), Ids{});
  EXPECT_EQ(mine(listed(*owner_, "overdue=true")), Ids{kiruna});
  EXPECT_EQ(mine(listed(*owner_, "overdue=false")), (Ids{kiruna, stockholm, bare}));
  EXPECT_EQ(mine(listed(*owner_, "track=support")), Ids{}) << "no track started yet";

  // Break-glass shows a case in lists, but not among those assigned to me.
  SessionClient second(server_->port());
  ASSERT_TRUE(SignInWithRecoveryCode(second, "fall-kollega", *colleague_));
  ASSERT_EQ(second
                .Post("/api/v1/cases/" + bare + "/break-glass",
                      json{{"reason", "Kollegan är sjuk, personen ringer nu."}}.dump())
                .status,
            200);
  EXPECT_TRUE(listed(second, "").count(bare));
  EXPECT_FALSE(listed(second, "assigned_to_me=true").count(bare));
  EXPECT_EQ(mine(listed(*owner_, "assigned_to_me=true")), (Ids{kiruna, stockholm, bare}));

  for (const auto& [query, field, rule] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"track=sideways", "track", "unknown_code"},
           {"step=acute_protection", "step", "requires_track"},
           {"track=support&step=flying", "step", "unknown_step"},
           {"municipality=9999", "municipality", "unknown_municipality"},
           {"county=99", "county", "unknown_county"},
           {"police_region=atlantis", "police_region", "unknown_police_region"},
           {"form=piracy", "form", "unknown_code"},
           {"overdue=yes", "overdue", "enum"}}) {
    auto r = owner_->Get("/api/v1/cases?" + query);
    ASSERT_EQ(r.status, 422) << query << " " << r.body;
    EXPECT_EQ(r.Json()["errors"][0]["field"], field) << query;
    EXPECT_EQ(r.Json()["errors"][0]["rule"], rule) << query;
  }
}

}  // namespace
}  // namespace opennrm::testing

namespace opennrm::testing {
namespace {

// The statistics rows of a case, each as column -> text (SQLite only).
std::vector<std::map<std::string, std::string>> StatisticsRows(const std::string& path,
                                                               const std::string& case_id) {
  std::vector<std::map<std::string, std::string>> out;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(
      sqlite3_prepare_v2(db, "SELECT * FROM statistics_facts WHERE case_id = ?1", -1, &s, nullptr),
      SQLITE_OK);
  sqlite3_bind_text(s, 1, case_id.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(s) == SQLITE_ROW) {
    std::map<std::string, std::string> row;
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      const unsigned char* v = sqlite3_column_text(s, c);
      row[sqlite3_column_name(s, c)] = v ? reinterpret_cast<const char*>(v) : "";
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

TEST_F(Cases, EachPresumedVictimHasADeIdentifiedStatisticsRowKeptCurrent) {
  if (server_->postgres()) GTEST_SKIP() << "reads the SQLite file; the storage tests cover both";
  std::string id = NewCase(*owner_);
  auto victim =
      owner_->Post("/api/v1/cases/" + id + "/persons",
                   json{{"role", "presumed_victim"},
                        {"names", {{{"kind", "name"}, {"latin", "Statistik Testsdottir"}}}},
                        {"gender", "female"},
                        {"date_of_birth", {{"date", "1990-02"}}},
                        {"citizenship", {{"status", "known"}, {"countries", {"TH"}}}}}
                       .dump());
  ASSERT_EQ(victim.status, 201) << victim.body;
  auto witness = owner_->Post("/api/v1/cases/" + id + "/persons",
                              json{{"role", "witness"}, {"gender", "male"}}.dump());
  ASSERT_EQ(witness.status, 201) << witness.body;
  auto rows = StatisticsRows(server_->sqlite_path(), id);
  ASSERT_EQ(rows.size(), 1u) << "a witness is not counted";
  EXPECT_EQ(rows[0]["person_id"], victim.Json()["id"]);
  EXPECT_EQ(rows[0]["gender"], "woman");
  EXPECT_EQ(rows[0]["citizenship_group"], "outside_eu_eea");
  EXPECT_EQ(rows[0]["citizenship_country"], "TH");
  EXPECT_EQ(rows[0]["organisation_kind"], "municipal_social_services");
  EXPECT_EQ(rows[0]["case_type"], "trafficking_in_human_beings");
  EXPECT_EQ(rows[0]["police_region"], "");
  EXPECT_EQ(rows[0]["status"], "open");

  // A later change of the case reaches the row at once.
  ASSERT_EQ(owner_
                ->Put("/api/v1/cases/" + id + "/exploitation",
                      json{{"forms", {{{"form", "labour"}, {"sector", "berry_picking"}}}},
                           {"places", {{"municipalities", {"2584"}}}}}
                          .dump())
                .status,
            200);
  rows = StatisticsRows(server_->sqlite_path(), id);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["forms"], "labour");
  EXPECT_EQ(rows[0]["sectors"], "berry_picking");
  EXPECT_EQ(rows[0]["police_region"], "nord");
  EXPECT_EQ(rows[0]["county"], "25");
  for (const auto& [column, value] : rows[0]) {
    EXPECT_EQ(value.find("Testsdottir"), std::string::npos) << column;
    EXPECT_EQ(value.find("1990"), std::string::npos) << column << " holds no date of birth";
  }

  // A protected person's row keeps neither country nor place.
  std::string hidden = NewCase(*owner_);
  auto p = owner_->Post("/api/v1/cases/" + hidden + "/persons",
                        json{{"role", "presumed_victim"},
                             {"protection", "protected_registration"},
                             {"citizenship", {{"status", "known"}, {"countries", {"TH"}}}}}
                            .dump());
  ASSERT_EQ(p.status, 201) << p.body;
  ASSERT_EQ(
      owner_
          ->Put("/api/v1/cases/" + hidden + "/exploitation",
                json{{"forms", {{{"form", "sexual"}}}}, {"places", {{"municipalities", {"0180"}}}}}
                    .dump())
          .status,
      200);
  rows = StatisticsRows(server_->sqlite_path(), hidden);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["protected"], "1");
  EXPECT_EQ(rows[0]["citizenship_group"], "outside_eu_eea");
  EXPECT_EQ(rows[0]["citizenship_country"], "");
  EXPECT_EQ(rows[0]["police_region"], "");
  EXPECT_EQ(rows[0]["county"], "");
  EXPECT_EQ(rows[0]["forms"], "sexual");
}

}  // namespace
}  // namespace opennrm::testing
