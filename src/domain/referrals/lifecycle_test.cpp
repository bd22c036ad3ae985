#include "domain/referrals/lifecycle.hpp"

#include <gtest/gtest.h>

#include "domain/referrals/referrals_test_support.hpp"

namespace opennrm::referrals {
namespace {

using namespace testing;

using Strings = std::vector<std::string>;

constexpr std::string_view kSender = "org-sender";
constexpr std::string_view kRecipient = "org-recipient";

ReferralProgress Sent(Purpose purpose = Purpose::kShelter) {
  return *StartReferral(std::string(kSender), std::string(kRecipient), purpose, Day(2026, 3, 2),
                        TestPurposes());
}

ReferralProgress Accepted() { return *Accept(Sent(), kRecipient, Day(2026, 3, 3)); }

TEST(ReferralLifecycle, StatusWordsRoundTrip) {
  for (ReferralStatus s : AllReferralStatuses()) EXPECT_EQ(ParseReferralStatus(ToString(s)), s);
  EXPECT_EQ(ParseReferralStatus("pending"), std::nullopt);
  EXPECT_EQ(ToString(ReferralStep::kWithdraw), "withdraw");
}

TEST(ReferralLifecycle, TheStatusMachine) {
  using S = ReferralStatus;
  using T = ReferralStep;
  EXPECT_EQ(NextStatus(S::kSent, T::kAccept), S::kAccepted);
  EXPECT_EQ(NextStatus(S::kSent, T::kDecline), S::kDeclined);
  EXPECT_EQ(NextStatus(S::kSent, T::kWithdraw), S::kWithdrawn);
  EXPECT_EQ(NextStatus(S::kSent, T::kComplete), std::nullopt);
  EXPECT_EQ(NextStatus(S::kAccepted, T::kComplete), S::kCompleted);
  for (T t : {T::kAccept, T::kDecline, T::kWithdraw}) {
    EXPECT_EQ(NextStatus(S::kAccepted, t), std::nullopt) << ToString(t);
  }
  for (S s : {S::kDeclined, S::kWithdrawn, S::kCompleted}) {
    EXPECT_TRUE(IsFinal(s));
    for (T t : {T::kAccept, T::kDecline, T::kWithdraw, T::kComplete}) {
      EXPECT_EQ(NextStatus(s, t), std::nullopt) << ToString(s) << " " << ToString(t);
    }
  }
  EXPECT_FALSE(IsFinal(S::kSent));
  EXPECT_FALSE(IsFinal(S::kAccepted));
  EXPECT_EQ(WhoTakes(T::kWithdraw), Side::kSender);
  EXPECT_EQ(WhoTakes(T::kAccept), Side::kRecipient);
  EXPECT_EQ(WhoTakes(T::kDecline), Side::kRecipient);
  EXPECT_EQ(WhoTakes(T::kComplete), Side::kRecipient);
}

TEST(ReferralLifecycle, StartSetsTheResponseDeadlineOfThePurpose) {
  const ReferralProgress p = Sent(Purpose::kChildProtection);
  EXPECT_EQ(p.status, ReferralStatus::kSent);
  EXPECT_EQ(p.sent_on, Day(2026, 3, 2));
  EXPECT_EQ(p.respond_by, Day(2026, 3, 3));
  EXPECT_EQ(Sent(Purpose::kShelter).respond_by, Day(2026, 3, 9));
  EXPECT_EQ(Rules(StartReferral("a", "b", Purpose::kOther, Day(2026, 3, 2), PurposeTable{})),
            Strings{"purpose/unknown_purpose"});
}

TEST(ReferralLifecycle, TheRecipientAccepts) {
  auto p = Accept(Sent(), kRecipient, Day(2026, 3, 3));
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->status, ReferralStatus::kAccepted);
  EXPECT_EQ(p->answered_on, Day(2026, 3, 3));
  EXPECT_EQ(Rules(Accept(Sent(), kSender, Day(2026, 3, 3))), Strings{"organisation/not_recipient"});
  EXPECT_EQ(Rules(Accept(Sent(), "org-third", Day(2026, 3, 3))),
            Strings{"organisation/not_recipient"});
  EXPECT_EQ(Rules(Accept(*p, kRecipient, Day(2026, 3, 4))), Strings{"status/illegal_transition"});
  EXPECT_EQ(Rules(Accept(Sent(), kRecipient, Day(2026, 3, 1))), Strings{"answered_on/before_sent"});
}

TEST(ReferralLifecycle, TheRecipientDeclinesWithAReason) {
  auto p = Decline(Sent(), kRecipient, Day(2026, 3, 2), "No place for a family.");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->status, ReferralStatus::kDeclined);
  EXPECT_EQ(p->decline_reason, "No place for a family.");
  EXPECT_EQ(Rules(Decline(Sent(), kRecipient, Day(2026, 3, 2), "  ")), Strings{"reason/required"});
  EXPECT_EQ(Rules(Decline(Sent(), kRecipient, Day(2026, 3, 2), std::string(2001, 'x'))),
            Strings{"reason/max_length"});
  EXPECT_EQ(Rules(Decline(Sent(), kSender, Day(2026, 3, 2), "x")),
            Strings{"organisation/not_recipient"});
  EXPECT_EQ(Rules(Decline(Accepted(), kRecipient, Day(2026, 3, 4), "x")),
            Strings{"status/illegal_transition"});
}

TEST(ReferralLifecycle, TheSenderWithdrawsOnlyBeforeAcceptance) {
  auto p = Withdraw(Sent(), kSender, Day(2026, 3, 2));
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->status, ReferralStatus::kWithdrawn);
  EXPECT_EQ(Rules(Withdraw(Sent(), kRecipient, Day(2026, 3, 2))),
            Strings{"organisation/not_sender"});
  EXPECT_EQ(Rules(Withdraw(Accepted(), kSender, Day(2026, 3, 4))),
            Strings{"status/illegal_transition"});
  EXPECT_EQ(Rules(Withdraw(*p, kSender, Day(2026, 3, 4))), Strings{"status/illegal_transition"});
  // A wrong organisation at a wrong time: both problems.
  EXPECT_EQ(Rules(Withdraw(Accepted(), kRecipient, Day(2026, 3, 4))),
            (Strings{"status/illegal_transition", "organisation/not_sender"}));
}

TEST(ReferralLifecycle, TheRecipientCompletesWithDateAndOutcome) {
  auto p = Complete(Accepted(), kRecipient, Day(2026, 3, 5), "shelter_place_given", Day(2026, 3, 6),
                    TestPurposes());
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->status, ReferralStatus::kCompleted);
  EXPECT_EQ(p->completed_on, Day(2026, 3, 5));
  EXPECT_EQ(p->outcome, "shelter_place_given");
}

TEST(ReferralLifecycle, CompletionRules) {
  const auto& t = TestPurposes();
  const CivilDate today = Day(2026, 3, 6);
  EXPECT_EQ(Rules(Complete(Sent(), kRecipient, today, "other", today, t)),
            Strings{"status/illegal_transition"});
  EXPECT_EQ(Rules(Complete(Accepted(), kSender, today, "other", today, t)),
            Strings{"organisation/not_recipient"});
  EXPECT_EQ(Rules(Complete(Accepted(), kRecipient, today, "return_arranged", today, t)),
            Strings{"outcome/unknown_outcome"});
  EXPECT_EQ(Rules(Complete(Accepted(), kRecipient, Day(2026, 3, 2), "other", today, t)),
            Strings{"completed_on/before_accepted"});
  EXPECT_EQ(Rules(Complete(Accepted(), kRecipient, Day(2026, 3, 7), "other", today, t)),
            Strings{"completed_on/not_future"});
  auto done = *Complete(Accepted(), kRecipient, today, "other", today, t);
  EXPECT_EQ(Rules(Complete(done, kRecipient, today, "other", today, t)),
            Strings{"status/illegal_transition"});
}

TEST(ReferralLifecycle, OverdueOnlyWhileAwaitingAnAnswerAfterTheDeadline) {
  const ReferralProgress p = Sent(Purpose::kShelter);  // respond by 2026-03-09
  EXPECT_FALSE(IsOverdue(p, Day(2026, 3, 9)));
  EXPECT_TRUE(IsOverdue(p, Day(2026, 3, 10)));
  EXPECT_FALSE(IsOverdue(Accepted(), Day(2026, 4, 1)));
  EXPECT_FALSE(IsOverdue(*Withdraw(Sent(), kSender, Day(2026, 3, 2)), Day(2026, 4, 1)));
}

}  // namespace
}  // namespace opennrm::referrals
