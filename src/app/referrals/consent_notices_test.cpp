#include <gtest/gtest.h>

#include "app/referrals/consents.hpp"

namespace opennrm::app {
namespace {

ports::ReferralRow Referral(std::string id, std::string code, std::string recipient) {
  ports::ReferralRow r;
  r.id = std::move(id);
  r.code = std::move(code);
  r.recipient_organisation_id = std::move(recipient);
  return r;
}

TEST(RevocationNotices, OneNoticePerUserOfEachRecipientAndNoneForOthers) {
  std::vector<ports::ReferralRow> relying = {Referral("r1", "REF-2026-000001", "orgA"),
                                             Referral("r2", "REF-2026-000002", "orgB"),
                                             Referral("r3", "REF-2026-000003", "orgA")};
  std::vector<RecipientUsers> users = {{"orgA", {"u1", "u2"}}, {"orgB", {"u3"}}, {"orgC", {"u9"}}};
  auto notices = RevocationNotices(relying, users, "actor", 42);
  ASSERT_EQ(notices.size(), 3u);  // orgA's users once, though two referrals went there
  EXPECT_EQ(notices[0].user_id, "u1");
  EXPECT_EQ(notices[0].organisation_id, "orgA");
  EXPECT_EQ(notices[0].subject_type, "referral");
  EXPECT_EQ(notices[0].subject_id, "r1");
  EXPECT_EQ(notices[0].kind, "consent_revoked");
  EXPECT_EQ(notices[0].actor_user_id, "actor");
  EXPECT_EQ(notices[0].created_at_us, 42);
  EXPECT_EQ(notices[1].user_id, "u2");
  EXPECT_EQ(notices[2].user_id, "u3");
  EXPECT_EQ(notices[2].subject_id, "r2");
  for (const auto& n : notices) EXPECT_NE(n.user_id, "u9");
}

TEST(RevocationNotices, NothingWhenNoReferralReliedOnTheConsent) {
  EXPECT_TRUE(RevocationNotices({}, {{"orgA", {"u1"}}}, "actor", 1).empty());
}

TEST(RevocationNotices, DetailNamesTheReferralAndDayOnly) {
  auto detail = RevocationNoticeDetail("REF-2026-000001", CivilDate{2026, 3, 5});
  EXPECT_NE(detail.find("REF-2026-000001"), std::string::npos);
  EXPECT_NE(detail.find("2026-03-05"), std::string::npos);
}

}  // namespace
}  // namespace opennrm::app
