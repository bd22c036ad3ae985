// The life of a referral through the API (issue 5, points 5 and 7): sent,
// it arrives in the recipient's inbox (with filters) and notifies its
// users; accepted into a new case of the recipient or into an existing one
// holding the same person; completed with an outcome. Declined with a
// reason or withdrawn by the sender, its package is gone and it can no
// longer be accepted. A stale version is a 409.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "referral_world.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class ReferralLifecycle : public ::testing::Test {
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

  // The ids in the inbox of `who` for `query`.
  static std::set<std::string> Inbox(SessionClient& who, const std::string& query) {
    auto r = who.Get("/api/v1/referrals/inbox?limit=200" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    std::set<std::string> ids;
    const json items = r.Json()["items"];
    for (const auto& item : items) ids.insert(item["id"].get<std::string>());
    return ids;
  }
  static json Read(SessionClient& who, const json& referral) {
    auto r = who.Get("/api/v1/referrals/" + referral["id"].get<std::string>());
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : json::object();
  }

  static inline ReferralWorld* world_ = nullptr;
};

TEST_F(ReferralLifecycle, SentAcceptedIntoANewCaseAndCompleted) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Livia Livscykel"));
  json sent = ReferralWorld::SendWithConsent(*world_->social, m, world_->coordinator, "support");
  ASSERT_TRUE(sent.contains("id"));
  const std::string id = sent["id"];
  EXPECT_EQ(sent["status"], "sent");
  EXPECT_EQ(sent["version"], 1);
  EXPECT_EQ(sent["delivery"], "in_app");
  EXPECT_EQ(sent["sender"]["id"], world_->municipality);
  EXPECT_EQ(sent["recipient"]["id"], world_->coordinator);
  EXPECT_EQ(sent["recipient"]["name"], "Hänvisningsregionens samordnare");
  EXPECT_EQ(sent["sent_by"]["id"], world_->social_id);
  EXPECT_EQ(sent["code"].get<std::string>().rfind("REF-", 0), 0u) << sent["code"];
  EXPECT_FALSE(sent["overdue"].get<bool>());
  ASSERT_EQ(sent["steps"].size(), 1u);
  EXPECT_EQ(sent["steps"][0]["step"], "sent");

  // Arrival: a notice for the recipient's users, carrying the code only.
  EXPECT_EQ(ReferralWorld::Notices(*world_->regional, "referral_received", id), 1);
  auto notices = world_->regional->Get("/api/v1/me/notifications");
  EXPECT_EQ(notices.body.find("Livia"), std::string::npos) << "no personal data in notices";

  // The inbox and its filters.
  const std::string sent_on = sent["sent_on"], respond_by = sent["respond_by"];
  EXPECT_TRUE(Inbox(*world_->regional, "").count(id));
  EXPECT_TRUE(Inbox(*world_->regional, "&status=sent").count(id));
  EXPECT_FALSE(Inbox(*world_->regional, "&status=accepted,declined").count(id));
  EXPECT_TRUE(Inbox(*world_->regional, "&purpose=support").count(id));
  EXPECT_FALSE(Inbox(*world_->regional, "&purpose=shelter").count(id));
  EXPECT_TRUE(Inbox(*world_->regional, "&from=" + world_->municipality).count(id));
  EXPECT_FALSE(Inbox(*world_->regional, "&from=" + world_->municipality2).count(id));
  EXPECT_TRUE(Inbox(*world_->regional, "&due_by=" + respond_by).count(id));
  EXPECT_FALSE(Inbox(*world_->regional, "&due_by=" + sent_on).count(id))
      << "support is answered within days, not on the day sent";
  EXPECT_FALSE(Inbox(*world_->ngo, "").count(id)) << "only the recipient's inbox";
  auto page = world_->regional->Get("/api/v1/referrals/inbox?limit=1&offset=0");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Json()["limit"], 1);
  EXPECT_GE(page.Json()["total"].get<long long>(), 1);
  EXPECT_LE(page.Json()["items"].size(), 1u);
  EXPECT_EQ(page.Json()["items"][0]["steps"], json::array());
  EXPECT_EQ(page.Json()["items"][0]["source"], json({{"kind", "case"}}));

  // A stale version changes nothing.
  auto stale = ReferralWorld::Step(*world_->regional, sent, "accept", {{"version", 7}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(Read(*world_->regional, sent)["status"], "sent");

  auto accepted = ReferralWorld::Step(*world_->regional, sent, "accept");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  json a = accepted.Json();
  EXPECT_EQ(a["status"], "accepted");
  EXPECT_EQ(a["version"], 2);
  ASSERT_TRUE(a["recipient_case_id"].is_string()) << a;
  EXPECT_FALSE(a["answered_on"].is_null());
  const std::string new_case = a["recipient_case_id"];
  auto held = world_->regional->Get("/api/v1/cases/" + new_case + "/persons");
  ASSERT_EQ(held.status, 200) << held.body;
  ASSERT_EQ(held.Json()["items"].size(), 1u) << held.body;
  EXPECT_NE(held.body.find("Livia Livscykel"), std::string::npos) << "from the disclosed identity";
  EXPECT_NE(held.Json()["items"][0]["id"], m.person_id) << "the recipient's own record";
  EXPECT_EQ(ReferralWorld::Notices(*world_->social, "referral_accepted", id), 1);
  EXPECT_EQ(Read(*world_->social, sent)["status"], "accepted");
  EXPECT_TRUE(Read(*world_->social, sent)["recipient_case_id"].is_null())
      << "the recipient's case is the recipient's record";

  // Accepting twice is not a step the referral can take.
  auto twice = ReferralWorld::Step(*world_->regional, a, "accept");
  EXPECT_TRUE(Refused(twice, "status", "illegal_transition")) << twice.body;

  auto bad_outcome = ReferralWorld::Step(*world_->regional, a, "complete",
                                         {{"completed_on", a["answered_on"]}, {"outcome", "nope"}});
  EXPECT_TRUE(Refused(bad_outcome, "outcome", "unknown_outcome")) << bad_outcome.body;
  auto done =
      ReferralWorld::Step(*world_->regional, a, "complete",
                          {{"completed_on", a["answered_on"]}, {"outcome", "support_given"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["status"], "completed");
  EXPECT_EQ(done.Json()["outcome"], "support_given");
  EXPECT_EQ(done.Json()["completed_on"], a["answered_on"]);
  EXPECT_EQ(ReferralWorld::Notices(*world_->social, "referral_completed", id), 1);

  // The sender sees every step on the case.
  auto list = world_->social->Get("/api/v1/cases/" + m.case_id + "/referrals");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  json mine = list.Json()["items"][0];
  EXPECT_EQ(mine["status"], "completed");
  std::vector<std::string> steps;
  for (const auto& s : mine["steps"]) steps.push_back(s["step"]);
  EXPECT_EQ(steps, (std::vector<std::string>{"sent", "accept", "complete"}));
}

TEST_F(ReferralLifecycle, AcceptedIntoAnExistingCaseOfTheSamePerson) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Erika Befintlig"));
  json sent = ReferralWorld::SendWithConsent(*world_->social, m, world_->coordinator, "support");
  ASSERT_TRUE(sent.contains("id"));
  auto own = ReferralWorld::CaseWith(*world_->regional, ReferralWorld::Adult("Erika Befintlig"));
  auto other = ReferralWorld::CaseWith(*world_->regional, ReferralWorld::Adult("Annan Person"));

  auto wrong = ReferralWorld::Step(*world_->regional, sent, "accept",
                                   {{"case_id", own.case_id}, {"person_id", other.person_id}});
  EXPECT_TRUE(Refused(wrong, "person_id", "not_in_case")) << wrong.body;
  auto foreign = ReferralWorld::Step(*world_->regional, sent, "accept",
                                     {{"case_id", m.case_id}, {"person_id", m.person_id}});
  EXPECT_EQ(foreign.status, 404) << "not a case of the recipient: " << foreign.body;
  EXPECT_EQ(Read(*world_->regional, sent)["status"], "sent") << "nothing changed";

  auto accepted = ReferralWorld::Step(*world_->regional, sent, "accept",
                                      {{"case_id", own.case_id}, {"person_id", own.person_id}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Json()["recipient_case_id"], own.case_id);
  auto held = world_->regional->Get("/api/v1/cases/" + own.case_id + "/persons");
  EXPECT_EQ(held.Json()["items"].size(), 1u) << "no second record of the person";
}

TEST_F(ReferralLifecycle, ADeclinedReferralsPackageIsGoneAndItCannotBeAccepted) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Dana Nekad"));
  json sent = ReferralWorld::SendWithConsent(*world_->social, m, world_->shelter, "shelter");
  ASSERT_TRUE(sent.contains("id"));
  const std::string id = sent["id"];
  EXPECT_EQ(world_->ngo->Get("/api/v1/referrals/" + id + "/package").status, 200);

  auto no_reason = ReferralWorld::Step(*world_->ngo, sent, "decline", {{"reason", ""}});
  EXPECT_TRUE(Refused(no_reason, "reason", "required")) << no_reason.body;
  auto declined =
      ReferralWorld::Step(*world_->ngo, sent, "decline", {{"reason", "Inga platser denna vecka."}});
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.Json()["status"], "declined");
  EXPECT_FALSE(declined.Json()["package_available"].get<bool>());

  EXPECT_EQ(world_->ngo->Get("/api/v1/referrals/" + id + "/package").status, 404);
  auto late = ReferralWorld::Step(*world_->ngo, declined.Json(), "accept");
  EXPECT_TRUE(Refused(late, "status", "illegal_transition")) << late.body;
  json seen = Read(*world_->social, sent);
  EXPECT_EQ(seen["status"], "declined");
  EXPECT_EQ(seen["decline_reason"], "Inga platser denna vecka.");
  EXPECT_EQ(ReferralWorld::Notices(*world_->social, "referral_declined", id), 1);
}

TEST_F(ReferralLifecycle, AWithdrawnReferralsPackageIsGoneAndItCannotBeAccepted) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Wilma Tillbaka"));
  json sent = ReferralWorld::SendWithConsent(*world_->social, m, world_->coordinator, "support");
  ASSERT_TRUE(sent.contains("id"));
  const std::string id = sent["id"];

  EXPECT_EQ(ReferralWorld::Step(*world_->regional, sent, "withdraw").status, 404)
      << "only the sender withdraws";
  EXPECT_EQ(ReferralWorld::Step(*world_->social, sent, "withdraw", {{"version", 9}}).status, 409);
  EXPECT_TRUE(Refused(world_->social->Post("/api/v1/referrals/" + id + "/withdraw", "{}"),
                      "version", "required"));
  auto withdrawn = ReferralWorld::Step(*world_->social, sent, "withdraw");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.Json()["status"], "withdrawn");

  EXPECT_EQ(world_->regional->Get("/api/v1/referrals/" + id + "/package").status, 404);
  auto late = ReferralWorld::Step(*world_->regional, withdrawn.Json(), "accept");
  EXPECT_TRUE(Refused(late, "status", "illegal_transition")) << late.body;
  EXPECT_EQ(Read(*world_->social, sent)["status"], "withdrawn");
  EXPECT_EQ(ReferralWorld::Notices(*world_->regional, "referral_withdrawn", id), 1);
  auto again = ReferralWorld::Step(*world_->social, withdrawn.Json(), "withdraw");
  EXPECT_TRUE(Refused(again, "status", "illegal_transition")) << again.body;
}

TEST_F(ReferralLifecycle, TheInboxRefusesUnknownFiltersAndCallersWithoutACaseRole) {
  EXPECT_TRUE(
      Refused(world_->regional->Get("/api/v1/referrals/inbox?due_by=imorgon"), "due_by", "format"));
  EXPECT_TRUE(Refused(world_->regional->Get("/api/v1/referrals/inbox?limit=0"), "limit", "range"));
  EXPECT_EQ(world_->regional->Get("/api/v1/referrals/inbox?sort=x").status, 422);
  EXPECT_EQ(world_->auditor->Get("/api/v1/referrals/inbox").status, 403);
}

}  // namespace
}  // namespace opennrm::testing
