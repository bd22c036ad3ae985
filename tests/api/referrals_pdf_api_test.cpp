// The printable summary of a referral as a PDF (issue 5 point 6): GET
// /referrals/{id}/summary.pdf answers whoever may read the package — the
// sender's team for a referral sent by other means, the recipient's
// case-role users for one delivered in the app — with a PDF download named
// after the referral's code, audited as a package read; anyone else gets 404.
#include <gtest/gtest.h>

#include <string>

#include "audit_events_support.hpp"
#include "referral_world.hpp"

namespace opennrm::testing {
namespace {

using nlohmann::json;

class ReferralSummaryPdf : public ::testing::Test {
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

  static std::string PdfPath(const json& referral, const std::string& query = "") {
    return "/api/v1/referrals/" + referral["id"].get<std::string>() + "/summary.pdf" + query;
  }
  // Whether `body` is a whole PDF file: its header and its end-of-file marker.
  static bool IsPdf(const std::string& body) {
    auto eof = body.rfind("%%EOF");
    return body.rfind("%PDF-", 0) == 0 && eof != std::string::npos &&
           body.find_first_not_of("\r\n", eof + 5) == std::string::npos;
  }

  static inline ReferralWorld* world_ = nullptr;
};

TEST_F(ReferralSummaryPdf, TheSenderPrintsAReferralSentByOtherMeans) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Petra Pappersdóttir"));
  ReferralWorld::AddRecords(*world_->social, m);
  json sent = ReferralWorld::SendWithConsent(*world_->social, m, world_->paper, "support",
                                             {"identity", "needs_safety", "notes"});
  ASSERT_TRUE(sent.contains("id")) << sent.dump();
  ASSERT_EQ(sent["delivery"], "other_means");

  for (const std::string query : {"", "?lang=sv", "?lang=en"}) {
    auto r = world_->social->Get(PdfPath(sent, query));
    ASSERT_EQ(r.status, 200) << query << " " << r.body.substr(0, 500);
    EXPECT_EQ(r.Header("content-type"), "application/pdf");
    EXPECT_NE(r.Header("content-disposition").find("attachment"), std::string::npos);
    EXPECT_NE(r.Header("content-disposition")
                  .find("filename=\"" + sent["code"].get<std::string>() + ".pdf\""),
              std::string::npos)
        << r.Header("content-disposition");
    EXPECT_TRUE(IsPdf(r.body)) << query;
  }

  auto bad = world_->social->Get(PdfPath(sent, "?lang=de"));
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("\"lang\""), std::string::npos) << bad.body;
  EXPECT_EQ(world_->social->Get(PdfPath(sent, "?format=html")).status, 422);
}

TEST_F(ReferralSummaryPdf, NobodyElseGetsIt) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Petra Pappersdóttir"));
  json sent =
      ReferralWorld::SendWithConsent(*world_->social, m, world_->paper, "support", {"identity"});
  ASSERT_TRUE(sent.contains("id")) << sent.dump();
  for (SessionClient* other :
       {world_->regional, world_->ngo, world_->social2, world_->colleague, world_->officer}) {
    auto r = other->Get(PdfPath(sent));
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_EQ(r.body.find("%PDF-"), std::string::npos);
  }
  EXPECT_EQ(world_->social->Get("/api/v1/referrals/no-such-referral/summary.pdf").status, 404);
}

TEST_F(ReferralSummaryPdf, ItFollowsThePackageRulesForAReferralDeliveredInTheApp) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Ingrid Appsson"));
  json sent = ReferralWorld::SendWithConsent(*world_->social, m, world_->coordinator, "support");
  ASSERT_TRUE(sent.contains("id")) << sent.dump();
  ASSERT_EQ(sent["delivery"], "in_app");
  // The recipient reads the package, so it may print it; the sender may not
  // (the package is sealed to the recipient).
  auto recipient = world_->regional->Get(PdfPath(sent, "?lang=en"));
  ASSERT_EQ(recipient.status, 200) << recipient.body.substr(0, 500);
  EXPECT_TRUE(IsPdf(recipient.body));
  EXPECT_EQ(world_->social->Get(PdfPath(sent)).status,
            world_->social->Get("/api/v1/referrals/" + sent["id"].get<std::string>() + "/package")
                .status);
  // Declined: the package is deleted, and with it the summary.
  ASSERT_EQ(
      ReferralWorld::Step(*world_->regional, sent, "decline", {{"reason", "Ingen plats."}}).status,
      200);
  EXPECT_EQ(world_->regional->Get(PdfPath(sent)).status, 404);
}

TEST_F(ReferralSummaryPdf, ThePrintIsAuditedAsAPackageRead) {
  auto m = ReferralWorld::CaseWith(*world_->social, ReferralWorld::Adult("Petra Pappersdóttir"));
  json sent =
      ReferralWorld::SendWithConsent(*world_->social, m, world_->paper, "support", {"identity"});
  ASSERT_TRUE(sent.contains("id")) << sent.dump();
  const std::string id = sent["id"];
  ASSERT_EQ(world_->social->Get(PdfPath(sent)).status, 200);

  auto events = AuditEventsOnObject(*world_->auditor, id, "referral.package_read");
  int reads = 0;
  for (const auto& e : events) {
    if (e["action"] != "referral.package_read") continue;
    ++reads;
    EXPECT_EQ(e["purpose"], "disclosure") << e.dump();
  }
  EXPECT_EQ(reads, 1) << "one print, one package read: " << json(events).dump();
}

}  // namespace
}  // namespace opennrm::testing
