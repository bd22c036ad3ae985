// A person's residence permit and whether a child is unaccompanied, through
// the API (case management, items 1, 5 and 6): both are saved on the person
// (sealed with the identity), read back on every person read and corrected
// like any other field; bad values are refused with the field and rule and
// nothing is written. The reflection period (Aliens Act ch. 5 §15 second
// paragraph) is for a foreign national without a residence permit: refused
// for a person recorded with a permit and for a Swedish citizen, allowed
// when the record says "none" or "unknown". Synthetic data only.
#include <gtest/gtest.h>

#include <string>

#include "case_fixture.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class PersonResidence : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new CaseServer();
    ASSERT_TRUE(world_->ok());
    std::string org =
        world_->NewOrganisation("Uppehållskommunens socialtjänst", "municipal_social_services");
    ASSERT_FALSE(org.empty());
    auto* org_admin =
        world_->NewUser(world_->admin(), org, "uppeh-admin", "organisation_administrator");
    owner_ = world_->NewUser(*org_admin, org, "uppeh-agare", "social_worker");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static json Person(const std::string& country) {
    return json{{"role", "presumed_victim"},
                {"names", {{{"kind", "name"}, {"latin", "Syntet Uppehall"}}}},
                {"date_of_birth", {{"date", "1994-02-01"}}},
                {"citizenship", {{"status", "known"}, {"countries", {country}}}}};
  }
  static std::string Persons(const std::string& case_id) {
    return "/api/v1/cases/" + case_id + "/persons";
  }
  static json Listed(const std::string& case_id) {
    auto r = owner_->Get(Persons(case_id));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["items"];
  }
  static json Only(const std::string& case_id) {
    json items = Listed(case_id);
    EXPECT_EQ(items.size(), 1u);
    return items.empty() ? json::object() : items[0];
  }
  static std::string Timeline(const std::string& case_id) {
    return owner_->Get("/api/v1/cases/" + case_id + "/timeline?limit=100").body;
  }
  // Applies for the person's reflection period (the social welfare board applies).
  static HttpResponse ApplyReflection(const std::string& case_id, const std::string& person_id) {
    return owner_->Post(
        "/api/v1/cases/" + case_id + "/clocks",
        json{{"rule_id", "reflection_period"},
             {"person_id", person_id},
             {"applicant", "social_welfare_board"},
             {"applied_on", UtcDay(-3)},
             {"conditions",
              {"foreign_national_without_residence_permit", "reason_to_believe_victim"}}}
            .dump());
  }
  static size_t Clocks(const std::string& case_id) {
    auto r = owner_->Get("/api/v1/cases/" + case_id + "/clocks");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["items"].size();
  }

  static inline CaseServer* world_ = nullptr;
  static inline SessionClient* owner_ = nullptr;
};

TEST_F(PersonResidence, BothFieldsAreSavedReadBackAndDefaultWhenAbsent) {
  std::string case_id = CaseServer::NewCase(*owner_);
  json child = Person("TH");
  child["date_of_birth"] = {{"date", "2010-06"}};
  child["residence_permit"] = "none";
  child["unaccompanied"] = true;
  auto added = owner_->Post(Persons(case_id), child.dump());
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json()["residence_permit"], "none");
  EXPECT_EQ(added.Json()["unaccompanied"], true);
  json read = Only(case_id);
  EXPECT_EQ(read["residence_permit"], "none");
  EXPECT_EQ(read["unaccompanied"], true);

  // Absent on input: "unknown" and false, always present on output.
  std::string other_case = CaseServer::NewCase(*owner_);
  auto plain = owner_->Post(Persons(other_case), Person("RO").dump());
  ASSERT_EQ(plain.status, 201) << plain.body;
  EXPECT_EQ(plain.Json()["residence_permit"], "unknown");
  EXPECT_EQ(plain.Json()["unaccompanied"], false);
  read = Only(other_case);
  EXPECT_EQ(read["residence_permit"], "unknown");
  EXPECT_EQ(read["unaccompanied"], false);
}

TEST_F(PersonResidence, ACorrectionChangesThemAndTheTimelineNamesThem) {
  std::string case_id = CaseServer::NewCase(*owner_);
  json body = Person("NG");
  std::string person_id = CaseServer::NewPerson(*owner_, case_id, body);
  ASSERT_FALSE(person_id.empty());
  json read = Only(case_id);
  body.erase("role");
  body["residence_permit"] = "has_permit";
  body["expected_version"] = read["version"];
  auto put = owner_->Put(Persons(case_id) + "/" + person_id, body.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["residence_permit"], "has_permit");
  read = Only(case_id);
  EXPECT_EQ(read["residence_permit"], "has_permit");
  EXPECT_EQ(read["unaccompanied"], false);
  EXPECT_NE(Timeline(case_id).find("residence_permit"), std::string::npos);

  // A correction that leaves them out sets the defaults, like every other field.
  body.erase("residence_permit");
  body["expected_version"] = read["version"];
  put = owner_->Put(Persons(case_id) + "/" + person_id, body.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Only(case_id)["residence_permit"], "unknown");
}

TEST_F(PersonResidence, BadValuesAreRefusedAndNothingIsWritten) {
  std::string case_id = CaseServer::NewCase(*owner_);
  const std::string before = Timeline(case_id);
  json bad = Person("UA");
  bad["residence_permit"] = "yes";
  EXPECT_TRUE(Refused(owner_->Post(Persons(case_id), bad.dump()), "residence_permit", "enum"));
  bad["residence_permit"] = 1;
  EXPECT_TRUE(Refused(owner_->Post(Persons(case_id), bad.dump()), "residence_permit", "type"));
  bad = Person("UA");
  bad["unaccompanied"] = "yes";
  EXPECT_TRUE(Refused(owner_->Post(Persons(case_id), bad.dump()), "unaccompanied", "type"));
  EXPECT_TRUE(Listed(case_id).empty());
  EXPECT_EQ(Timeline(case_id), before);

  // The same on a correction: the stored person stays as it was.
  json body = Person("UA");
  std::string person_id = CaseServer::NewPerson(*owner_, case_id, body);
  json stored = Only(case_id);
  const std::string timeline = Timeline(case_id);
  body.erase("role");
  body["expected_version"] = stored["version"];
  body["residence_permit"] = "permit";
  EXPECT_TRUE(Refused(owner_->Put(Persons(case_id) + "/" + person_id, body.dump()),
                      "residence_permit", "enum"));
  body["residence_permit"] = "none";
  body["unaccompanied"] = nullptr;
  EXPECT_TRUE(Refused(owner_->Put(Persons(case_id) + "/" + person_id, body.dump()), "unaccompanied",
                      "type"));
  EXPECT_EQ(Only(case_id), stored);
  EXPECT_EQ(Timeline(case_id), timeline);
}

TEST_F(PersonResidence, TheReflectionPeriodIsForAForeignNationalWithoutAPermit) {
  // Recorded with a permit: refused, and no clock is written.
  std::string case_id = CaseServer::NewCase(*owner_);
  json with_permit = Person("TH");
  with_permit["residence_permit"] = "has_permit";
  std::string person_id = CaseServer::NewPerson(*owner_, case_id, with_permit);
  const std::string before = Timeline(case_id);
  auto refused = ApplyReflection(case_id, person_id);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(Refused(refused, "person_id", "has_residence_permit")) << refused.body;
  EXPECT_NE(refused.body.find("foreign national without a residence permit"), std::string::npos)
      << refused.body;
  EXPECT_EQ(Clocks(case_id), 0u);
  EXPECT_EQ(Timeline(case_id), before);

  // A Swedish citizen: refused whatever the permit field says.
  std::string swede_case = CaseServer::NewCase(*owner_);
  std::string swede = CaseServer::NewPerson(*owner_, swede_case, Person("SE"));
  EXPECT_TRUE(Refused(ApplyReflection(swede_case, swede), "person_id", "swedish_citizen"));
  EXPECT_EQ(Clocks(swede_case), 0u);

  // "none" and "unknown" (absent) are allowed.
  for (const char* permit : {"none", "unknown", ""}) {
    std::string c = CaseServer::NewCase(*owner_);
    json p = Person("TH");
    if (*permit) p["residence_permit"] = permit;
    std::string id = CaseServer::NewPerson(*owner_, c, p);
    auto applied = ApplyReflection(c, id);
    EXPECT_EQ(applied.status, 201) << permit << " " << applied.body;
    EXPECT_EQ(Clocks(c), 1u) << permit;
  }

  // Corrected to "none", the first person's period may be applied for.
  json stored = Only(case_id);
  with_permit.erase("role");
  with_permit["residence_permit"] = "none";
  with_permit["expected_version"] = stored["version"];
  auto put = owner_->Put(Persons(case_id) + "/" + person_id, with_permit.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(ApplyReflection(case_id, person_id).status, 201);
}

}  // namespace
}  // namespace opennrm::testing
