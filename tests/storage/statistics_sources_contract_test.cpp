// What statistics read of consultations and referrals (issue 7 items 4 and
// 5), on SQLite and PostgreSQL alike: every consultation received in a
// half-open range, of every organisation, with its plain categories and
// whether a referral was sent from it; every referral sent or accepted in a
// range of days, with the received time and municipality of the
// consultation it came from. Synthetic data only.
#include "consultations_fixture.hpp"

namespace opennrm::testing {
namespace {

class StatisticsSources : public ConsultationsContract {
 protected:
  static long long At(int seconds) { return kT0 + seconds * 1'000'000LL; }

  static ports::ReferralRow FromConsultation(const std::string& id, const std::string& source,
                                             const char* sent_on) {
    ports::ReferralRow x;
    x.id = id;
    x.code = "REF-2026-" + id;
    x.sender_organisation_id = "nu";
    x.source_kind = "consultation";
    x.source_id = source;
    x.recipient_organisation_id = "soc";
    x.purpose = "support";
    x.sections = {"identity"};
    x.basis_code = "consent";
    x.basis_valid_from = *ParseIsoDate("2009-06-30");
    x.status = "sent";
    x.sent_on = *ParseIsoDate(sent_on);
    x.respond_by = *ParseIsoDate(sent_on);
    x.sent_by = "op1";
    x.created_at_us = x.updated_at_us = kT0;
    return x;
  }
};

TEST_F(StatisticsSources, ConsultationsInARangeWithWhetherTheyWereReferred) {
  ports::ConsultationRow a = Row("a", At(10));
  a.municipality_code = "2480";
  a.caller_organisation_id = "soc";
  a.first_response_at_us = At(20);
  ports::ConsultationRow b = Row("b", At(20));
  b.organisation_id = "nu-2";  // another unit: statistics count every unit
  b.channel = "email";
  ports::ConsultationRow late = Row("late", At(30));  // at the end of the range: outside
  for (const auto* x : {&a, &b, &late}) Insert(*x);
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.referrals().Insert(FromConsultation("r1", "a", "2026-03-02")));
  });
  auto rows = Must(Read()->consultations().ForStatistics(At(10), At(30)));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].id, "a");
  EXPECT_EQ(rows[0].municipality_code, "2480");
  EXPECT_EQ(rows[0].caller_organisation_id, "soc");
  EXPECT_EQ(rows[0].first_response_at_us, At(20));
  EXPECT_TRUE(rows[0].referred);
  EXPECT_EQ(rows[1].id, "b");
  EXPECT_EQ(rows[1].organisation_id, "nu-2");
  EXPECT_EQ(rows[1].channel, "email");
  EXPECT_EQ(rows[1].caller_organisation_id, "");
  EXPECT_FALSE(rows[1].first_response_at_us);
  EXPECT_FALSE(rows[1].referred);
}

TEST_F(StatisticsSources, ReferralsSentOrAcceptedInARange) {
  ports::ConsultationRow a = Row("a", At(10));
  a.municipality_code = "0180";
  Insert(a);
  auto accepted = FromConsultation("accepted", "a", "2025-12-20");
  accepted.status = "accepted";
  accepted.answered_on = *ParseIsoDate("2026-01-03");
  accepted.answered_by = "op1";
  auto declined = FromConsultation("declined", "a", "2025-12-20");
  declined.status = "declined";
  declined.answered_on = *ParseIsoDate("2026-01-03");
  declined.answered_by = "op1";
  auto sent = FromConsultation("sent", "gone", "2026-02-01");  // its consultation is not stored
  auto outside = FromConsultation("outside", "a", "2026-06-01");
  Committed([&](ports::UnitOfWork& uow) {
    for (const auto* x : {&accepted, &declined, &sent, &outside}) Must(uow.referrals().Insert(*x));
  });
  auto rows = Must(
      Read()->referrals().ForStatistics(*ParseIsoDate("2026-01-01"), *ParseIsoDate("2026-03-31")));
  ASSERT_EQ(rows.size(), 2u);  // accepted in the range, and sent in it
  EXPECT_EQ(rows[0].id, "accepted");
  EXPECT_EQ(rows[0].accepted_on, ParseIsoDate("2026-01-03"));
  EXPECT_EQ(rows[0].consultation_received_at_us, At(10));
  EXPECT_EQ(rows[0].consultation_municipality_code, "0180");
  EXPECT_EQ(rows[0].sender_organisation_id, "nu");
  EXPECT_EQ(rows[1].id, "sent");
  EXPECT_FALSE(rows[1].accepted_on);
  EXPECT_FALSE(rows[1].consultation_received_at_us);
}

}  // namespace
}  // namespace opennrm::testing
