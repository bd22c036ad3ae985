// What a referral discloses, field by field (issue 5, points 3, 4 and 9):
// the recipient's package holds exactly the sections in scope and nothing
// else, never the sender's own record ids; a protected person's package has
// no contact and no places and warns the recipient; a referral to an
// organisation without users is sealed to the sender for the printed
// summary; nobody else reads a package.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "referral_world.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class ReferralScope : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new ReferralWorld();
    ASSERT_TRUE(world_->ok());
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(world_ && world_->ok()); }

  static std::set<std::string> Keys(const json& object) {
    std::set<std::string> out;
    for (const auto& [k, v] : object.items()) out.insert(k);
    return out;
  }
  // The package of `referral` as `who` reads it (a test failure unless 200).
  static json Package(SessionClient& who, const json& referral) {
    auto r = who.Get("/api/v1/referrals/" + referral["id"].get<std::string>() + "/package");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : json::object();
  }

  static inline ReferralWorld* world_ = nullptr;
};

// The marker text that only each section's records carry (referral_world.cpp).
const std::map<std::string, std::string> kMarkers = {
    {"identity", "Hanna Hänvisad"},      {"contact", "KONTAKTMARKÖR"},
    {"needs_safety", "SÄKERHETSMARKÖR"}, {"assessment", "berry_picking"},
    {"notes", "ANTECKNINGSMARKÖR"},
};

TEST_F(ReferralScope, TheRecipientGetsExactlyTheSectionsInScopeAndNothingElse) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Hanna Hänvisad"));
  ReferralWorld::AddRecords(*world_->social, m);
  const std::vector<std::vector<std::string>> scopes = {
      {"identity", "needs_safety"}, {"contact", "notes"}, {"assessment"}, {"identity"}};
  for (const auto& scope : scopes) {
    const std::string label = ::testing::PrintToString(scope);
    json sent =
        ReferralWorld::SendWithConsent(*world_->social, m, world_->coordinator, "support", scope);
    ASSERT_TRUE(sent.contains("id")) << label;
    EXPECT_EQ(sent["sections"], json(scope)) << label;
    EXPECT_EQ(sent["withheld"], json::array()) << label;
    EXPECT_FALSE(sent["protected_warning"].get<bool>());
    EXPECT_EQ(sent["source"]["id"], m.case_id) << "the sender sees its own case";
    EXPECT_EQ(sent["person"]["id"], m.person_id);

    json got = Package(*world_->regional, sent);
    const json& package = got["package"];
    EXPECT_EQ(Keys(package),
              (std::set<std::string>{"format", "sender", "case", "sent_on", "person", "sections"}))
        << label << " " << package.dump();
    EXPECT_EQ(Keys(package["sections"]), std::set<std::string>(scope.begin(), scope.end()))
        << label << " " << package.dump();
    EXPECT_EQ(package["sender"]["id"], world_->municipality);
    EXPECT_EQ(package["person"].get<std::string>().rfind("P-", 0), 0u) << package["person"];
    const std::string text = got.dump();
    for (const auto& [section, marker] : kMarkers) {
      bool in_scope = std::find(scope.begin(), scope.end(), section) != scope.end();
      EXPECT_EQ(text.find(marker) != std::string::npos, in_scope)
          << label << ": the marker of " << section << " " << (in_scope ? "missing" : "leaked")
          << " in " << text;
    }
    // The recipient never learns the sender's record ids.
    EXPECT_EQ(text.find(m.case_id), std::string::npos) << label;
    EXPECT_EQ(text.find(m.person_id), std::string::npos) << label;
    EXPECT_EQ(got["referral"]["source"], json({{"kind", "case"}}));
    EXPECT_TRUE(got["referral"]["person"].is_null());
    EXPECT_EQ(got["referral"]["sections"], json(scope));
  }
  // There is no live access to the sender's case.
  EXPECT_EQ(world_->regional->Get("/api/v1/cases/" + m.case_id).status, 404);
  EXPECT_EQ(world_->regional->Get("/api/v1/cases/" + m.case_id + "/persons").status, 404);
}

TEST_F(ReferralScope, AProtectedPersonsPackageHasNoContactNoPlacesAndWarnsTheRecipient) {
  auto m = ReferralWorld::CaseWith(
      *world_->social, ReferralWorld::Adult("Hanna Hänvisad", "protected_registration"));
  ReferralWorld::AddRecords(*world_->social, m);
  json sent = ReferralWorld::SendWithConsent(*world_->social, m, world_->coordinator, "support",
                                             {"identity", "contact", "assessment"});
  ASSERT_TRUE(sent.contains("id"));
  EXPECT_EQ(sent["sections"], json({"identity", "assessment"}));
  EXPECT_EQ(sent["withheld"], json({"contact"}));
  EXPECT_TRUE(sent["strip_places"].get<bool>());
  EXPECT_TRUE(sent["protected_warning"].get<bool>());

  auto seen = world_->regional->Get("/api/v1/referrals/" + sent["id"].get<std::string>());
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_TRUE(seen.Json()["protected_warning"].get<bool>()) << "the recipient is warned";
  json got = Package(*world_->regional, sent);
  const json& package = got["package"];
  EXPECT_EQ(package["protected"], true) << package.dump();
  EXPECT_EQ(Keys(package["sections"]), (std::set<std::string>{"identity", "assessment"}));
  const std::string text = package.dump();
  EXPECT_NE(text.find("Hanna Hänvisad"), std::string::npos);
  EXPECT_NE(text.find("berry_picking"), std::string::npos) << "the exploitation itself is there";
  for (const char* place_or_contact : {"KONTAKTMARKÖR", "+46 70 555", "2584"}) {
    EXPECT_EQ(text.find(place_or_contact), std::string::npos)
        << place_or_contact << " leaked: " << text;
  }
}

TEST_F(ReferralScope, ARecipientWithoutUsersGetsAPrintedSummaryOnlyTheSenderOpens) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Hanna Hänvisad"));
  json sent =
      ReferralWorld::SendWithConsent(*world_->social, m, world_->paper, "support", {"identity"});
  ASSERT_TRUE(sent.contains("id"));
  EXPECT_EQ(sent["delivery"], "other_means");
  EXPECT_TRUE(sent["package_available"].get<bool>()) << "the sender prints the summary";
  json got = Package(*world_->social, sent);
  EXPECT_EQ(Keys(got["package"]["sections"]), std::set<std::string>{"identity"});
  EXPECT_EQ(got["referral"]["basis"]["code"], "consent");
  EXPECT_FALSE(got["referral"]["basis"]["legal_reference_sv"].get<std::string>().empty());

  // Nobody else opens it: not another organisation, not a colleague off the team.
  const std::string id = sent["id"];
  for (SessionClient* other : {world_->regional, world_->ngo, world_->social2, world_->colleague}) {
    EXPECT_EQ(other->Get("/api/v1/referrals/" + id + "/package").status, 404);
    EXPECT_EQ(other->Get("/api/v1/referrals/" + id).status, 404);
  }
}

TEST_F(ReferralScope, TheRulesOfferTheBasesOfTheCallersKindOfOrganisation) {
  auto mine = world_->social->Get("/api/v1/referral-rules");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.Json()["sender_kind"], "municipal_social_services");
  std::set<std::string> codes;
  const json my_bases = mine.Json()["bases"];  // a copy: Json() returns a temporary
  for (const auto& b : my_bases) codes.insert(b["code"].get<std::string>());
  EXPECT_EQ(codes, (std::set<std::string>{"consent", "own_task_necessity", "crime_suspicion",
                                          "duty_to_report_child"}));
  EXPECT_EQ(mine.Json()["purposes"].size(), 7u);

  auto ngo = world_->ngo->Get("/api/v1/referral-rules");
  ASSERT_EQ(ngo.status, 200) << ngo.body;
  codes.clear();
  const json ngo_bases = ngo.Json()["bases"];
  for (const auto& b : ngo_bases) {
    codes.insert(b["code"].get<std::string>());
    if (b["code"] == "vital_interests") {
      EXPECT_TRUE(b["immediate_danger_only"].get<bool>());
    }
  }
  // The report of concern about a child is open to every kind of sender.
  EXPECT_EQ(codes, (std::set<std::string>{"consent", "vital_interests", "duty_to_report_child"}));
}

}  // namespace
}  // namespace opennrm::testing
