// Merging duplicate records of a person through the API (case management,
// item 1): the kept record gains what the duplicate knew, the duplicate stays
// readable — its history too — but takes no new records, the timeline keeps
// the merge, name search finds the person once and the statistics count them
// once. An assumed identity is never merged; every refusal gets a problem
// naming the field and rule (409 for a stale version), and changes nothing.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include <sqlite3.h>

#include "harness.hpp"
#include "session_client.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class PersonMerge : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    ASSERT_TRUE(server_->Started()) << server_->Log();
    admin_ = new SessionClient(server_->port());
    ASSERT_EQ(admin_->SignIn("admin", FirstAdminPassword(*server_), TestPassword("admin")), "");
    std::string mine = Organisation("Sammanslagningskommunen", "municipal_social_services");
    std::string other = Organisation("Sammanslagningsboendet", "ngo_shelter");
    auto* m_admin = Make(*admin_, mine, "sam-admin", "organisation_administrator");
    owner_ = Make(*m_admin, mine, "sam-agare", "social_worker");
    colleague_ = Make(*m_admin, mine, "sam-kollega", "social_worker");
    auditor_ = Make(*m_admin, mine, "sam-revisor", "auditor");
    auto* o_admin = Make(*admin_, other, "sam-boendeadmin", "organisation_administrator");
    stranger_ = Make(*o_admin, other, "sam-ngo", "ngo_worker");
    delete m_admin;
    delete o_admin;
  }
  static void TearDownTestSuite() {
    for (auto* c : {admin_, owner_, colleague_, auditor_, stranger_}) delete c;
    delete server_;
  }
  void SetUp() override { ASSERT_TRUE(server_ && server_->Started()); }

  static std::string Organisation(const std::string& name, const std::string& kind) {
    auto r = admin_->Post("/api/v1/organisations",
                          json{{"name", name},
                               {"kind", kind},
                               {"coverage", {{"scope", "municipalities"}, {"codes", {"0180"}}}}}
                              .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<std::string>() : "";
  }
  static SessionClient* Make(SessionClient& by, const std::string& org, const std::string& username,
                             const std::string& role) {
    auto r = by.Post("/api/v1/users", json{{"organisation_id", org},
                                           {"username", username},
                                           {"display_name", "Test " + username},
                                           {"roles", {role}}}
                                          .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    auto* c = new SessionClient(server_->port());
    EXPECT_EQ(c->SignIn(username, r.Json()["one_time_password"], TestPassword(username)), "");
    return c;
  }
  static std::string NewCase(SessionClient& by) {
    auto r = by.Post("/api/v1/cases", json{{"type", "human_exploitation"}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<std::string>() : "";
  }
  static std::string Add(SessionClient& by, const std::string& case_id, json person) {
    if (!person.contains("role")) person["role"] = "presumed_victim";
    auto r = by.Post("/api/v1/cases/" + case_id + "/persons", person.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<std::string>() : "";
  }
  static HttpResponse Merge(SessionClient& by, const std::string& case_id, const std::string& kept,
                            const std::string& duplicate, long long kept_version = 1,
                            long long duplicate_version = 1) {
    return by.Post("/api/v1/cases/" + case_id + "/persons/" + kept + "/merge",
                   json{{"duplicate_person_id", duplicate},
                        {"expected_version", kept_version},
                        {"duplicate_expected_version", duplicate_version}}
                       .dump());
  }
  // The persons of the case by id.
  static std::map<std::string, json> Persons(const std::string& case_id) {
    auto r = owner_->Get("/api/v1/cases/" + case_id + "/persons");
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<std::string, json> out;
    const json items = r.Json()["items"];
    for (const auto& p : items) out[p["id"].get<std::string>()] = p;
    return out;
  }
  static std::vector<std::string> SearchIds(const std::string& name) {
    auto r = owner_->Post("/api/v1/persons/search", json{{"name", name}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    const json items = r.Json()["items"];
    for (const auto& i : items) ids.push_back(i["id"].get<std::string>());
    return ids;
  }
  static void ExpectProblem(const HttpResponse& r, int status, const std::string& field,
                            const std::string& rule) {
    ASSERT_EQ(r.status, status) << r.body;
    ASSERT_FALSE(r.Json()["errors"].empty()) << r.body;
    EXPECT_EQ(r.Json()["errors"][0]["field"], field) << r.body;
    EXPECT_EQ(r.Json()["errors"][0]["rule"], rule) << r.body;
  }

  static inline ServerProcess* server_ = nullptr;
  static inline SessionClient* admin_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
  static inline SessionClient* colleague_ = nullptr;
  static inline SessionClient* auditor_ = nullptr;
  static inline SessionClient* stranger_ = nullptr;
};

// The statistics rows' person ids of a case (SQLite only).
std::vector<std::string> StatisticsPersons(const std::string& path, const std::string& case_id) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT person_id FROM statistics_facts WHERE case_id = ?1", -1,
                               &s, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(s, 1, case_id.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(s) == SQLITE_ROW) {
    out.push_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

TEST_F(PersonMerge, TheKeptRecordGainsTheDuplicateAndBothHistoriesStay) {
  std::string id = NewCase(*owner_);
  std::string kept = Add(*owner_, id,
                         {{"names", {{{"kind", "name"}, {"latin", "Zainab Qasimova"}}}},
                          {"gender", "female"},
                          {"languages", {"ara"}}});
  std::string dup =
      Add(*owner_, id,
          {{"names",
            {{{"kind", "alias"}, {"latin", "Zeynab Kasimova"}, {"original", "Зейнаб Касимова"}}}},
           {"date_of_birth", {{"date", "1994-03"}}},
           {"citizenship", {{"status", "known"}, {"countries", {"UZ"}}}},
           {"languages", {"ara", "rus"}},
           {"contact", {{"phones", {"+46 70 555 01 02"}}}}});
  const std::string base = "/api/v1/cases/" + id + "/persons/";
  auto wish = owner_->Post(
      base + dup + "/wishes",
      json{{"step", "identification"}, {"wish", "Bo i Malmö."}, {"recorded_on", "2026-01-08"}}
          .dump());
  ASSERT_EQ(wish.status, 201) << wish.body;
  if (!server_->postgres()) {
    EXPECT_EQ(StatisticsPersons(server_->sqlite_path(), id).size(), 2u) << "counted twice before";
  }

  auto merged = Merge(*owner_, id, kept, dup);
  ASSERT_EQ(merged.status, 200) << merged.body;
  json k = merged.Json();
  EXPECT_EQ(k["id"], kept);
  ASSERT_EQ(k["names"].size(), 2u);
  EXPECT_EQ(k["names"][1]["original"], "Зейнаб Касимова");
  EXPECT_EQ(k["date_of_birth"]["date"], "1994-03");
  EXPECT_EQ(k["gender"], "female") << "the kept record's own value stays";
  EXPECT_EQ(k["citizenship"]["countries"], json({"UZ"}));
  EXPECT_EQ(k["languages"], json({"ara", "rus"}));
  EXPECT_EQ(k["contact"]["phones"], json({"+46 70 555 01 02"}));
  EXPECT_EQ(k["merged_from"], json({dup}));
  EXPECT_TRUE(k["merged_into"].is_null());
  EXPECT_EQ(k["version"], 2);

  // Both records are read as they now are; the duplicate points to the kept one.
  auto persons = Persons(id);
  ASSERT_EQ(persons.size(), 2u);
  EXPECT_EQ(persons[kept], k);
  EXPECT_EQ(persons[dup]["merged_into"], kept);
  EXPECT_EQ(persons[dup]["names"][0]["latin"], "Zeynab Kasimova") << "unchanged but for the link";
  EXPECT_EQ(persons[dup]["version"], 2);

  // The duplicate's history is still read; it takes no new record.
  auto wishes = owner_->Get(base + dup + "/wishes");
  ASSERT_EQ(wishes.status, 200) << wishes.body;
  EXPECT_EQ(wishes.Json()["items"].size(), 1u);
  ExpectProblem(owner_->Post(base + dup + "/wishes", json{{"step", "identification"},
                                                          {"wish", "Ny önskan."},
                                                          {"recorded_on", "2026-01-09"}}
                                                         .dump()),
                422, "person_id", "person_merged");
  EXPECT_EQ(owner_
                ->Post(base + kept + "/wishes", json{{"step", "identification"},
                                                     {"wish", "Ny önskan."},
                                                     {"recorded_on", "2026-01-09"}}
                                                    .dump())
                .status,
            201);

  // The timeline keeps the merge, by ids and codes only.
  auto t = owner_->Get("/api/v1/cases/" + id + "/timeline?limit=100");
  ASSERT_EQ(t.status, 200) << t.body;
  json entry;
  const json entries = t.Json()["items"];
  for (const auto& e : entries) {
    if (e["kind"] == "person.merged") entry = e;
  }
  ASSERT_FALSE(entry.is_null()) << t.body;
  EXPECT_EQ(entry["section"], "identity");
  EXPECT_EQ(entry["person_id"], kept);
  EXPECT_EQ(entry["details"]["merged_person_id"], dup);
  EXPECT_EQ(entry["details"]["merged_code"], persons[dup]["code"]);
  EXPECT_EQ(t.body.find("Kasimova"), std::string::npos) << "no names in the timeline";

  // Name search finds the person once, as the kept record, by either name.
  for (const char* name : {"Zeynab Kasimova", "Касимова", "Zainab Qasimova"}) {
    EXPECT_EQ(SearchIds(name), std::vector<std::string>{kept}) << name;
  }

  // The statistics count the person once.
  if (!server_->postgres()) {
    EXPECT_EQ(StatisticsPersons(server_->sqlite_path(), id), std::vector<std::string>{kept});
  }

  // The merge is audited, naming both records.
  bool audited = false;
  for (int i = 0; i < 50 && !audited; ++i) {
    auto events = auditor_->Get("/api/v1/audit/events?object_id=" + dup + "&limit=50");
    ASSERT_EQ(events.status, 200) << events.body;
    const json items = events.Json()["items"];
    for (const auto& ev : items) audited |= ev["action"] == "case.persons_merged";
    if (!audited) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_TRUE(audited);
}

TEST_F(PersonMerge, RefusalsNameTheFieldAndRuleAndChangeNothing) {
  std::string id = NewCase(*owner_);
  std::string a = Add(*owner_, id, {{"names", {{{"kind", "name"}, {"latin", "Refus Ett"}}}}});
  std::string b = Add(*owner_, id, {{"names", {{{"kind", "name"}, {"latin", "Refus Två"}}}}});
  std::string assumed = Add(*owner_, id, {{"protection", "assumed_identity"}});
  std::string witness = Add(*owner_, id, {{"role", "witness"}});
  std::string elsewhere = Add(*owner_, NewCase(*owner_), json::object());
  std::string foreign_case = NewCase(*stranger_);
  std::string foreign = Add(*stranger_, foreign_case, json::object());
  auto before = Persons(id);
  auto timeline = owner_->Get("/api/v1/cases/" + id + "/timeline?limit=100").body;

  ExpectProblem(Merge(*owner_, id, a, assumed), 422, "duplicate_person_id",
                "assumed_identity_never_merged");
  ExpectProblem(Merge(*owner_, id, assumed, a), 422, "person_id", "assumed_identity_never_merged");
  ExpectProblem(Merge(*owner_, id, a, a), 422, "duplicate_person_id", "merge_same_person");
  ExpectProblem(Merge(*owner_, id, a, witness), 422, "duplicate_person_id",
                "merge_different_roles");
  ExpectProblem(Merge(*owner_, id, a, elsewhere), 422, "duplicate_person_id", "not_in_case");
  ExpectProblem(Merge(*owner_, id, a, foreign), 422, "duplicate_person_id", "not_in_case");
  EXPECT_EQ(Merge(*owner_, id, a, b, 2, 1).status, 409) << "a stale kept record";
  EXPECT_EQ(Merge(*owner_, id, a, b, 1, 7).status, 409) << "a stale duplicate";
  auto missing = owner_->Post("/api/v1/cases/" + id + "/persons/" + a + "/merge",
                              json{{"duplicate_person_id", b}}.dump());
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(missing.Json()["errors"][0]["rule"], "required");
  // Another organisation, a colleague off the team: the case is not there.
  EXPECT_EQ(Merge(*stranger_, id, a, b).status, 404);
  EXPECT_EQ(Merge(*colleague_, id, a, b).status, 404);
  EXPECT_EQ(Merge(*owner_, id, "no-such-person", b).status, 404);
  EXPECT_EQ(Persons(id), before);
  EXPECT_EQ(owner_->Get("/api/v1/cases/" + id + "/timeline?limit=100").body, timeline);

  // A record merged once is not merged again, from either side.
  ASSERT_EQ(Merge(*owner_, id, a, b).status, 200);
  std::string c = Add(*owner_, id, {{"names", {{{"kind", "name"}, {"latin", "Refus Tre"}}}}});
  ExpectProblem(Merge(*owner_, id, c, b, 1, 2), 422, "duplicate_person_id", "already_merged");
  ExpectProblem(Merge(*owner_, id, b, c, 2, 1), 422, "person_id", "already_merged");
  // The kept record can take in another duplicate.
  auto again = Merge(*owner_, id, a, c, 2, 1);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["merged_from"], json({b, c}));
  EXPECT_EQ(Persons(id)[a]["merged_from"], json({b, c}));
}

TEST_F(PersonMerge, AMergedRecordTakesNoClockChildTrackNoteOrFactButItsAlertIsResolved) {
  std::string id = NewCase(*owner_);
  std::string kept = Add(*owner_, id,
                         {{"names", {{{"kind", "name"}, {"latin", "Barn Behållen"}}}},
                          {"date_of_birth", {{"date", "2012-03-01"}}}});
  std::string dup = Add(*owner_, id,
                        {{"names", {{{"kind", "name"}, {"latin", "Barn Dubblett"}}}},
                         {"date_of_birth", {{"date", "2012-03-01"}}}});
  const std::string base = "/api/v1/cases/" + id;
  const std::string missing = base + "/persons/" + dup + "/missing";
  ASSERT_EQ(owner_->Post(missing).status, 201) << "an alert opened before the merge";
  ASSERT_EQ(Merge(*owner_, id, kept, dup).status, 200);
  const std::string timeline = owner_->Get(base + "/timeline?limit=100").body;
  const std::string clocks = owner_->Get(base + "/clocks").body;
  const std::string notes = owner_->Get(base + "/notes?limit=100").body;

  // Every new record naming the merged record is refused, naming person_id.
  ExpectProblem(owner_->Post(base + "/clocks", json{{"rule_id", "reflection_period"},
                                                    {"person_id", dup},
                                                    {"applicant", "social_welfare_board"},
                                                    {"applied_on", "2026-01-05"}}
                                                   .dump()),
                422, "person_id", "person_merged");
  const json report{{"kind", "report_of_concern"}, {"on", "2026-01-31"}, {"municipality", "0180"}};
  ExpectProblem(owner_->Post(base + "/persons/" + dup + "/child-track", report.dump()), 422,
                "person_id", "person_merged");
  ExpectProblem(owner_->Post(missing), 422, "person_id", "person_merged");
  ExpectProblem(
      owner_->Post(base + "/notes", json{{"text", "Om dubbletten."}, {"person_id", dup}}.dump()),
      422, "person_id", "person_merged");
  ExpectProblem(owner_->Post(base + "/facts",
                             json{{"fact", "basic_information_given"}, {"person_id", dup}}.dump()),
                422, "person_id", "person_merged");
  EXPECT_EQ(owner_->Get(base + "/timeline?limit=100").body, timeline) << "nothing written";
  EXPECT_EQ(owner_->Get(base + "/clocks").body, clocks);
  EXPECT_EQ(owner_->Get(base + "/notes?limit=100").body, notes);

  // The kept record takes them.
  EXPECT_EQ(owner_->Post(base + "/persons/" + kept + "/child-track", report.dump()).status, 201);
  EXPECT_EQ(owner_->Post(base + "/notes", json{{"text", "Om barnet."}, {"person_id", kept}}.dump())
                .status,
            201);
  EXPECT_EQ(owner_
                ->Post(base + "/facts",
                       json{{"fact", "basic_information_given"}, {"person_id", kept}}.dump())
                .status,
            201);

  // The alert opened before the merge is still resolved on the merged record.
  auto resolved = owner_->Post(missing + "/resolved");
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.Json()["open"], false);
}

}  // namespace
}  // namespace opennrm::testing
