// Correcting a person through the API (case management, item 1): the team
// replaces identity, contact and protection at the version it read. Name
// search follows the corrected spelling (the old one is no longer found);
// protection raised after the places were recorded takes the case out of the
// place filters and its statistics rows lose police region and county;
// protection lowered restores neither. An assumed identity is never given to
// or taken from an existing record, a merged record is read-only, and every
// refusal names the field and rule (409 for a stale version) and changes
// nothing.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "case_fixture.hpp"
#include "raw_database.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class PersonUpdate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer();
    ASSERT_TRUE(world_->ok());
    std::string org =
        world_->NewOrganisation("Rättelsekommunens socialtjänst", "municipal_social_services",
                                CaseServer::MunicipalityCoverage("2584"));
    ASSERT_FALSE(org.empty());
    auto* org_admin =
        world_->NewUser(world_->admin(), org, "ratt-admin", "organisation_administrator");
    owner_ = world_->NewUser(*org_admin, org, "ratt-agare", "social_worker");
    colleague_ = world_->NewUser(*org_admin, org, "ratt-kollega", "social_worker");
    std::string other = world_->NewOrganisation("Rättelseboendet", "ngo_shelter");
    auto* other_admin =
        world_->NewUser(world_->admin(), other, "ratt-boendeadmin", "organisation_administrator");
    stranger_ = world_->NewUser(*other_admin, other, "ratt-ngo", "ngo_worker");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static json Person(const std::string& latin, const std::string& protection = "none") {
    return json{{"role", "presumed_victim"},
                {"names", {{{"kind", "name"}, {"latin", latin}}}},
                {"gender", "female"},
                {"date_of_birth", {{"date", "1995-04-02"}}},
                {"citizenship", {{"status", "known"}, {"countries", {"RO"}}}},
                {"languages", {"ron"}},
                {"protection", protection}};
  }
  static std::string Path(const std::string& case_id, const std::string& person_id) {
    return "/api/v1/cases/" + case_id + "/persons/" + person_id;
  }
  // PUTs `body` (without role) at `version`.
  static HttpResponse Put(SessionClient& by, const std::string& case_id,
                          const std::string& person_id, json body, long long version) {
    body.erase("role");
    body["expected_version"] = version;
    return by.Put(Path(case_id, person_id), body.dump());
  }
  static std::map<std::string, json> Persons(const std::string& case_id) {
    auto r = owner_->Get("/api/v1/cases/" + case_id + "/persons");
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<std::string, json> out;
    const json items = r.Json()["items"];
    for (const auto& p : items) out[p["id"].get<std::string>()] = p;
    return out;
  }
  static std::string Timeline(const std::string& case_id) {
    return owner_->Get("/api/v1/cases/" + case_id + "/timeline?limit=100").body;
  }
  static std::vector<std::string> SearchIds(const std::string& name) {
    auto r = owner_->Post("/api/v1/persons/search", json{{"name", name}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    const json items = r.Json()["items"];
    for (const auto& i : items) ids.push_back(i["id"].get<std::string>());
    return ids;
  }
  static std::set<std::string> Listed(const std::string& query) {
    auto r = owner_->Get("/api/v1/cases?limit=200&" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    std::set<std::string> ids;
    const json items = r.Json()["items"];
    for (const auto& item : items) ids.insert(item["id"].get<std::string>());
    return ids;
  }
  // Each statistics row of the case as "region|county|protected|country|gender".
  static std::vector<std::string> Statistics(const std::string& case_id) {
    RawDatabase db(world_->server());
    EXPECT_TRUE(db.ok()) << db.error();
    auto rows = db.Query(
        "SELECT police_region, county, protected, citizenship_country, gender"
        " FROM statistics_facts WHERE case_id = " +
        SqlQuote(case_id) + " ORDER BY protected, person_id");
    std::vector<std::string> out;
    for (const auto& r : rows.value_or(std::vector<std::vector<std::string>>{})) {
      out.push_back(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3] + "|" + r[4]);
    }
    return out;
  }
  static std::string Municipalities(const std::string& case_id) {
    RawDatabase db(world_->server());
    return db
        .Scalar("SELECT COUNT(*) FROM case_places WHERE kind = 'municipality' AND case_id = " +
                SqlQuote(case_id))
        .value_or("?");
  }
  // A case in Kiruna (municipality 2584, county 25, police region nord).
  static std::string CaseInKiruna() {
    std::string id = CaseServer::NewCase(*owner_, "human_exploitation");
    auto saved = owner_->Put("/api/v1/cases/" + id + "/exploitation", kExploitation.dump());
    EXPECT_EQ(saved.status, 200) << saved.body;
    return id;
  }
  static json Entry(const std::string& case_id, const std::string& kind) {
    auto t = owner_->Get("/api/v1/cases/" + case_id + "/timeline?limit=100");
    EXPECT_EQ(t.status, 200) << t.body;
    json found;
    const json items = t.Json()["items"];
    for (const auto& e : items) {
      if (e["kind"] == kind) found = e;
    }
    return found;
  }

  static inline const json kExploitation{
      {"forms", {{{"form", "labour"}, {"sector", "berry_picking"}}}},
      {"places", {{"municipalities", {"2584"}}, {"recruitment_countries", {"RO"}}}},
      {"period", {{"from", "2025-06"}, {"to", "2025-09"}}}};
  static inline CaseServer* world_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
  static inline SessionClient* colleague_ = nullptr;
  static inline SessionClient* stranger_ = nullptr;
};

TEST_F(PersonUpdate, ACorrectedNameIsFoundAndTheOldSpellingIsNot) {
  std::string id = CaseServer::NewCase(*owner_);
  std::string p = CaseServer::NewPerson(*owner_, id, Person("Ioana Rădulescuu"));
  ASSERT_EQ(SearchIds("Rădulescuu"), std::vector<std::string>{p});

  json corrected = Person("Ioana Vasilescu");
  corrected["names"][0]["original"] = "Иоана Василеску";
  corrected["contact"] = {{"phones", {"+46 70 123 45 67"}}};
  corrected["gender"] = "male";
  corrected["role"] = "presumed_victim";  // the current role may be given
  corrected["expected_version"] = 1;
  auto r = owner_->Put(Path(id, p), corrected.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["version"], 2);
  EXPECT_EQ(r.Json()["names"][0]["latin"], "Ioana Vasilescu");
  EXPECT_EQ(r.Json()["names"][0]["original"], "Иоана Василеску");
  EXPECT_EQ(r.Json()["contact"]["phones"], json({"+46 70 123 45 67"}));
  EXPECT_EQ(Persons(id)[p]["names"], r.Json()["names"]);

  EXPECT_EQ(SearchIds("Vasilescu"), std::vector<std::string>{p});
  EXPECT_EQ(SearchIds("Василеску"), std::vector<std::string>{p});
  EXPECT_TRUE(SearchIds("Rădulescuu").empty()) << "the old digests are gone";

  // The timeline names which parts changed, never the names.
  json entry = Entry(id, "person.updated");
  ASSERT_FALSE(entry.is_null());
  EXPECT_EQ(entry["section"], "identity");
  EXPECT_EQ(entry["person_id"], p);
  EXPECT_EQ(entry["details"]["changed"], "names,gender,contact");
  EXPECT_EQ(Timeline(id).find("Vasilescu"), std::string::npos);
  EXPECT_EQ(Timeline(id).find("Rădulescu"), std::string::npos);
  // The statistics row follows the corrected gender.
  EXPECT_EQ(Statistics(id), (std::vector<std::string>{"||0|RO|man"}));

  // Contact details only: the entry's section is contact.
  corrected["contact"] = {{"phones", {"+46 70 765 43 21"}}};
  corrected["expected_version"] = 2;
  ASSERT_EQ(owner_->Put(Path(id, p), corrected.dump()).status, 200);
  entry = Entry(id, "person.updated");
  EXPECT_EQ(entry["section"], "contact");
  EXPECT_EQ(entry["details"]["changed"], "contact");
  // Nothing changed: nothing written, the version stays.
  const std::string timeline = Timeline(id);
  corrected["expected_version"] = 3;
  auto same = owner_->Put(Path(id, p), corrected.dump());
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(same.Json()["version"], 3);
  EXPECT_EQ(Timeline(id), timeline);
}

TEST_F(PersonUpdate, RefusalsNameTheFieldAndRuleAndChangeNothing) {
  std::string id = CaseServer::NewCase(*owner_);
  std::string p = CaseServer::NewPerson(*owner_, id, Person("Refus Rättelse"));
  const auto before = Persons(id);
  const std::string timeline = Timeline(id);

  EXPECT_EQ(Put(*owner_, id, p, Person("Stale Version"), 2).status, 409);
  json bad = Person("Bad Fields");
  bad["citizenship"]["countries"] = {"XX"};
  bad["languages"] = {"zzz"};
  auto r = Put(*owner_, id, p, bad, 1);
  EXPECT_TRUE(Refused(r, "citizenship.countries[0]", "unknown_country")) << r.body;
  EXPECT_TRUE(Refused(r, "languages[0]", "unknown_language")) << r.body;
  json shape = Person("Bad Shape");
  shape["gender"] = "robot";
  EXPECT_TRUE(Refused(Put(*owner_, id, p, shape, 1), "gender", "unknown_code"));
  json dob = Person("Bad Date");
  dob["date_of_birth"] = {{"date", "1995-13"}};
  EXPECT_TRUE(Refused(Put(*owner_, id, p, dob, 1), "date_of_birth.date", "format"));
  json role = Person("Other Role");
  role["role"] = "witness";
  role["expected_version"] = 1;
  EXPECT_TRUE(Refused(owner_->Put(Path(id, p), role.dump()), "role", "fixed"));
  auto unversioned = owner_->Put(Path(id, p), json{{"names", json::array()}}.dump());
  EXPECT_TRUE(Refused(unversioned, "expected_version", "required")) << unversioned.body;
  auto unknown = owner_->Put(Path(id, p), json{{"expected_version", 1}, {"nick", "x"}}.dump());
  EXPECT_TRUE(Refused(unknown, "nick", "unknown_field")) << unknown.body;

  // Not on the team: a break-glass reader 403, a colleague off the team and
  // another organisation 404, as for every other person write.
  ASSERT_EQ(colleague_
                ->Post("/api/v1/cases/" + id + "/break-glass",
                       json{{"reason", "Rättelsetest: akut läge, teamet nås inte i kväll."}}.dump())
                .status,
            200);
  EXPECT_EQ(Put(*colleague_, id, p, Person("Glass Reader"), 1).status, 403);
  std::string other_case = CaseServer::NewCase(*owner_);
  std::string q = CaseServer::NewPerson(*owner_, other_case, Person("Annan Rättelse"));
  EXPECT_EQ(Put(*colleague_, other_case, q, Person("Off Team"), 1).status, 404);
  EXPECT_EQ(Put(*stranger_, id, p, Person("Stranger"), 1).status, 404);
  EXPECT_EQ(Put(*owner_, id, "no-such-person", Person("Nobody"), 1).status, 404);
  EXPECT_EQ(Put(*owner_, other_case, p, Person("Wrong Case"), 1).status, 404);

  EXPECT_EQ(Persons(id), before);
  EXPECT_EQ(Timeline(id), timeline);
  EXPECT_EQ(SearchIds("Refus Rättelse"), std::vector<std::string>{p});
}

TEST_F(PersonUpdate, AnAssumedIdentityIsNeitherGivenNorTakenAndAMergedRecordIsReadOnly) {
  std::string id = CaseServer::NewCase(*owner_);
  std::string plain = CaseServer::NewPerson(*owner_, id, Person("Vanlig Person"));
  std::string assumed =
      CaseServer::NewPerson(*owner_, id, Person("Fingerad Person", "assumed_identity"));
  std::string dup = CaseServer::NewPerson(*owner_, id, Person("Vanlig Dubblett"));
  auto merged = owner_->Post(
      Path(id, plain) + "/merge",
      json{{"duplicate_person_id", dup}, {"expected_version", 1}, {"duplicate_expected_version", 1}}
          .dump());
  ASSERT_EQ(merged.status, 200) << merged.body;
  const auto before = Persons(id);
  const std::string timeline = Timeline(id);

  EXPECT_TRUE(Refused(Put(*owner_, id, plain, Person("Vanlig Person", "assumed_identity"), 2),
                      "protection", "assumed_identity_needs_new_record"));
  for (const char* level : {"none", "secrecy_marking", "protected_registration"}) {
    EXPECT_TRUE(Refused(Put(*owner_, id, assumed, Person("Fingerad Person", level), 1),
                        "protection", "assumed_identity_needs_new_record"))
        << level;
  }
  EXPECT_TRUE(
      Refused(Put(*owner_, id, dup, Person("Vanlig Dubblett"), 2), "person_id", "person_merged"));
  EXPECT_EQ(Persons(id), before);
  EXPECT_EQ(Timeline(id), timeline);

  // An assumed identity's own record is still corrected, keeping the level.
  auto kept = Put(*owner_, id, assumed, Person("Fingerad Rättad", "assumed_identity"), 1);
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(kept.Json()["protection"], "assumed_identity");
  // The kept record of a merge is corrected and still lists what was merged into it.
  auto k = Put(*owner_, id, plain, Person("Vanlig Rättad"), 2);
  ASSERT_EQ(k.status, 200) << k.body;
  EXPECT_EQ(k.Json()["merged_from"], json({dup}));
}

TEST_F(PersonUpdate, ProtectionRaisedLaterForgetsTheGeographyAndLoweredRestoresNothing) {
  std::string id = CaseInKiruna();
  std::string other = CaseInKiruna();
  std::string p = CaseServer::NewPerson(*owner_, id, Person("Skydd Senare"));
  CaseServer::NewPerson(*owner_, other, Person("Skydd Annan"));
  EXPECT_TRUE(Listed("municipality=2584").count(id));
  EXPECT_EQ(Statistics(id), (std::vector<std::string>{"nord|25|0|RO|woman"}));

  auto raised = Put(*owner_, id, p, Person("Skydd Senare", "protected_registration"), 1);
  ASSERT_EQ(raised.status, 200) << raised.body;
  EXPECT_EQ(Municipalities(id), "0");
  for (const char* filter : {"municipality=2584", "county=25", "police_region=nord"}) {
    EXPECT_FALSE(Listed(filter).count(id)) << filter;
  }
  EXPECT_TRUE(Listed("").count(id)) << "the team still lists the case";
  EXPECT_EQ(Statistics(id), (std::vector<std::string>{"||1||woman"}));
  json entry = Entry(id, "person.updated");
  EXPECT_EQ(entry["details"]["changed"], "protection");
  EXPECT_EQ(entry["details"]["protection"], "protected_registration");
  // Another case keeps its geography.
  EXPECT_EQ(Municipalities(other), "1");
  EXPECT_TRUE(Listed("county=25").count(other));

  // Lowered: allowed, but neither the places nor the country come back by themselves.
  auto lowered = Put(*owner_, id, p, Person("Skydd Senare", "none"), 2);
  ASSERT_EQ(lowered.status, 200) << lowered.body;
  EXPECT_EQ(lowered.Json()["protection"], "none");
  EXPECT_EQ(Municipalities(id), "0");
  EXPECT_FALSE(Listed("municipality=2584").count(id));
  EXPECT_EQ(Statistics(id), (std::vector<std::string>{"||1||woman"}));
  // The team saves the exploitation again: the places return to the index.
  ASSERT_EQ(owner_->Put("/api/v1/cases/" + id + "/exploitation", kExploitation.dump()).status, 200);
  EXPECT_EQ(Municipalities(id), "1");
  EXPECT_TRUE(Listed("municipality=2584").count(id));
  EXPECT_EQ(Statistics(id), (std::vector<std::string>{"nord|25|1||woman"}));
}

TEST_F(PersonUpdate, AStricterLevelAlsoForgetsTheGeography) {
  std::string id = CaseInKiruna();
  std::string victim = CaseServer::NewPerson(*owner_, id, Person("Offer Kvar"));
  json witness = Person("Vittne Skydd", "secrecy_marking");
  witness["role"] = "witness";
  std::string w = CaseServer::NewPerson(*owner_, id, witness);
  ASSERT_FALSE(victim.empty());
  EXPECT_EQ(Municipalities(id), "0");
  // The team records the places again while the witness is protected: still none.
  ASSERT_EQ(owner_->Put("/api/v1/cases/" + id + "/exploitation", kExploitation.dump()).status, 200);
  EXPECT_EQ(Municipalities(id), "0");
  auto stricter = Put(*owner_, id, w, Person("Vittne Skydd", "protected_registration"), 1);
  ASSERT_EQ(stricter.status, 200) << stricter.body;
  EXPECT_EQ(Municipalities(id), "0");
  EXPECT_EQ(Statistics(id), (std::vector<std::string>{"||0|RO|woman"}));
}

}  // namespace
}  // namespace opennrm::testing
