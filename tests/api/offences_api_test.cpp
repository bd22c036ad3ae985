// The offences in force on a day through the API (GET /api/v1/offences): the
// purchase offence (Brottsbalken 6:11) was renamed from "purchase of a sexual
// service" to "purchase of a sexual act" on 1 July 2025, so the day before and
// that day give different versions, the later one naming the earlier as its
// renamed predecessor; offences not yet in law are left out; a bad date is a
// 422 naming `on`; without a session the answer is 401.
#include <gtest/gtest.h>

#include <string>

#include "shared_server.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class OffencesApi : public ApiTest {};

// The version of `offence_id` among `items`; null when absent.
json OffenceOf(const json& items, const std::string& offence_id) {
  for (const auto& o : items) {
    if (o["offence_id"] == offence_id) return o;
  }
  return nullptr;
}

TEST_F(OffencesApi, ThePurchaseOffenceIsRenamedOnFirstJuly2025) {
  auto before = Get("/api/v1/offences?on=2025-06-30");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.Json()["on"], "2025-06-30");
  EXPECT_FALSE(before.Json()["catalog_version"].get<std::string>().empty());
  json old_version = OffenceOf(before.Json()["items"], "purchase_of_sex");
  ASSERT_FALSE(old_version.is_null()) << before.body;
  EXPECT_EQ(old_version["version_id"], "purchase_of_sexual_service_2005");
  EXPECT_EQ(old_version["name_en"], "Purchase of a sexual service");
  EXPECT_EQ(old_version["name_sv"], "Köp av sexuell tjänst");
  EXPECT_EQ(old_version["legal_reference"], "Brottsbalken (1962:700) 6 kap. 11 §");
  EXPECT_EQ(old_version["valid_from"], "2005-04-01");
  EXPECT_EQ(old_version["valid_to"], "2025-06-30");
  ASSERT_EQ(old_version["grades"].size(), 1u);
  EXPECT_EQ(old_version["grades"][0]["id"], "standard");

  auto after = Get("/api/v1/offences?on=2025-07-01");
  ASSERT_EQ(after.status, 200) << after.body;
  json new_version = OffenceOf(after.Json()["items"], "purchase_of_sex");
  ASSERT_FALSE(new_version.is_null()) << after.body;
  EXPECT_EQ(new_version["version_id"], "purchase_of_sexual_act_2025");
  EXPECT_EQ(new_version["name_en"], "Purchase of a sexual act");
  EXPECT_EQ(new_version["name_sv"], "Köp av sexuell handling");
  EXPECT_EQ(new_version["valid_from"], "2025-07-01");
  EXPECT_TRUE(new_version["valid_to"].is_null());
  // The renamed predecessor, so that a reader recognises the old name.
  const json renamed = new_version["renamed_from"];
  ASSERT_TRUE(renamed.is_object()) << after.body;
  EXPECT_EQ(renamed["version_id"], "purchase_of_sexual_service_2005");
  EXPECT_EQ(renamed["name_sv"], "Köp av sexuell tjänst");
  EXPECT_EQ(renamed["valid_to"], "2025-06-30");

  // Procuring got a new version that day without a new name: no predecessor shown.
  json procuring = OffenceOf(after.Json()["items"], "procuring");
  ASSERT_FALSE(procuring.is_null());
  EXPECT_EQ(procuring["version_id"], "procuring_2025");
  EXPECT_TRUE(procuring["renamed_from"].is_null());
  // "Other" needs a description; one version per offence.
  json other = OffenceOf(after.Json()["items"], "other");
  ASSERT_FALSE(other.is_null());
  EXPECT_EQ(other["needs_description"], true);
  int purchase = 0;
  const json items = after.Json()["items"];
  for (const auto& o : items) purchase += o["offence_id"] == "purchase_of_sex" ? 1 : 0;
  EXPECT_EQ(purchase, 1);
}

TEST_F(OffencesApi, OffencesNotYetInLawAreLeftOut) {
  auto r = Get("/api/v1/offences?on=2010-01-01");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(OffenceOf(r.Json()["items"], "human_exploitation").is_null());  // since 2018
  EXPECT_TRUE(OffenceOf(r.Json()["items"], "forced_marriage").is_null());     // since 2014
  json trafficking = OffenceOf(r.Json()["items"], "trafficking_in_human_beings");
  ASSERT_FALSE(trafficking.is_null());
  EXPECT_EQ(trafficking["version_id"], "trafficking_in_human_beings_2004");
  // Renamed from "... for sexual purposes" (2002).
  EXPECT_EQ(trafficking["renamed_from"]["version_id"], "trafficking_for_sexual_purposes_2002");
}

TEST_F(OffencesApi, WithoutADateTheOffencesOfTodayAreGiven) {
  auto r = Get("/api/v1/offences");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["on"].get<std::string>().size(), 10u);
  EXPECT_FALSE(OffenceOf(r.Json()["items"], "trafficking_in_human_beings").is_null());
}

TEST_F(OffencesApi, BadDateIsRefusedNamingOn) {
  ExpectProblem(Get("/api/v1/offences?on=2025-02-30"), 422, "on", "format");
  ExpectProblem(Get("/api/v1/offences?on=tomorrow"), 422, "on", "format");
  ExpectProblem(Get("/api/v1/offences?when=2025-01-01"), 422);
}

TEST_F(OffencesApi, NeedsASession) {
  SessionClient anonymous(port());
  EXPECT_EQ(anonymous.Get("/api/v1/offences").status, 401);
}

}  // namespace
}  // namespace opennrm::testing
