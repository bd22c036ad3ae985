#include "app/referrals/referral_pieces.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "app/referrals/referral_support.hpp"

namespace opennrm::app::referral_internal {
namespace {

bool HasProblem(const Problems& p, const std::string& field, const std::string& rule) {
  return std::any_of(p.items().begin(), p.items().end(),
                     [&](const auto& f) { return f.field == field && f.rule == rule; });
}

ports::ReferralRow Row(std::string status, std::string delivery) {
  ports::ReferralRow r;
  r.id = "ref1";
  r.code = "REF-2026-000007";
  r.sender_organisation_id = "orgS";
  r.source_kind = "case";
  r.source_id = "case1";
  r.person_id = "p1";
  r.recipient_organisation_id = "orgR";
  r.purpose = "shelter";
  r.sections = {"identity", "needs_safety"};
  r.basis_code = "consent";
  r.basis_valid_from = CivilDate{2026, 1, 1};
  r.consent_id = "c1";
  r.status = std::move(status);
  r.delivery = std::move(delivery);
  r.respond_by = CivilDate{2026, 3, 10};
  return r;
}

TEST(ProgressOf, ReadsAStoredReferralBackAsTheLifecycleSeesIt) {
  auto row = Row("accepted", "in_app");
  row.sent_on = CivilDate{2026, 3, 1};
  row.answered_on = CivilDate{2026, 3, 2};
  auto p = ProgressOf(row);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->sender_organisation_id, "orgS");
  EXPECT_EQ(p->recipient_organisation_id, "orgR");
  EXPECT_EQ(p->purpose, referrals::Purpose::kShelter);
  EXPECT_EQ(p->status, referrals::ReferralStatus::kAccepted);
  EXPECT_EQ(p->sent_on, (CivilDate{2026, 3, 1}));
  EXPECT_EQ(p->respond_by, (CivilDate{2026, 3, 10}));
  EXPECT_EQ(p->answered_on, (CivilDate{2026, 3, 2}));
}

TEST(ProgressOf, AnUnknownStoredWordIsAnInternalError) {
  auto row = Row("parked", "in_app");
  auto p = ProgressOf(row);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::kInternal);
  row = Row("sent", "in_app");
  row.purpose = "holiday";
  EXPECT_FALSE(ProgressOf(row));
}

TEST(ReferralCode, PadsTheNumberToSixDigits) {
  EXPECT_EQ(ReferralCode(2026, 12), "REF-2026-000012");
  EXPECT_EQ(ReferralCode(2026, 1), "REF-2026-000001");
  EXPECT_EQ(ReferralCode(2027, 999999), "REF-2027-999999");
  EXPECT_EQ(ReferralCode(2027, 1234567), "REF-2027-1234567");  // never cut
}

TEST(ReferralFieldLocations, SealEachTextUnderItsWritersOrganisation) {
  auto j = JustificationAt("orgS", "ref1");
  EXPECT_EQ(j.organisation_id, "orgS");
  EXPECT_EQ(j.table, "referrals");
  EXPECT_EQ(j.column, "justification");
  EXPECT_EQ(j.record_id, "ref1");
  auto d = DeclineReasonAt("orgR", "ref1");
  EXPECT_EQ(d.organisation_id, "orgR");
  EXPECT_EQ(d.column, "decline");
  auto n = NoticeDetailAt("orgR", "n1");
  EXPECT_EQ(n.table, "notifications");
  EXPECT_EQ(n.column, "detail");
  EXPECT_EQ(n.record_id, "n1");
}

TEST(ParseChoice, TakesTheKnownWords) {
  NewReferral in;
  in.purpose = "shelter";
  in.sections = {"identity", "needs_safety"};
  in.basis = "consent";
  in.delivery = "other_means";
  Problems p;
  auto c = ParseChoice(in, p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(c.purpose, referrals::Purpose::kShelter);
  ASSERT_EQ(c.sections.size(), 2u);
  EXPECT_EQ(c.sections[1], access::Section::kNeedsSafety);
  EXPECT_EQ(c.basis, referrals::BasisCode::kConsent);
  EXPECT_EQ(c.delivery, "other_means");
}

TEST(ParseChoice, NamesEveryUnknownWordWithItsField) {
  NewReferral in;
  in.purpose = "holiday";
  in.sections = {"identity", "diary"};
  in.basis = "gut_feeling";
  in.delivery = "pigeon";
  Problems p;
  auto c = ParseChoice(in, p);
  EXPECT_TRUE(HasProblem(p, "purpose", "unknown_code"));
  EXPECT_TRUE(HasProblem(p, "sections[1]", "unknown_code"));
  EXPECT_FALSE(HasProblem(p, "sections[0]", "unknown_code"));
  EXPECT_TRUE(HasProblem(p, "basis", "unknown_code"));
  EXPECT_TRUE(HasProblem(p, "delivery", "unknown_code"));
  EXPECT_EQ(p.items().size(), 4u);
  EXPECT_FALSE(c.purpose);
  EXPECT_FALSE(c.basis);
}

TEST(ParseChoice, AnEmptyPurposeIsRequiredAndAnEmptyBasisIsNoChoice) {
  NewReferral in;
  in.sections = {"identity"};
  Problems p;
  auto c = ParseChoice(in, p);
  EXPECT_TRUE(HasProblem(p, "purpose", "required"));
  EXPECT_FALSE(HasProblem(p, "basis", "unknown_code"));  // DecideDisclosure says no_basis
  EXPECT_FALSE(c.basis);
  EXPECT_EQ(c.delivery, "");
}

TEST(DeliveryFor, ChoosesInAppOnlyWhenSomeoneCanReadIt) {
  EXPECT_EQ(DeliveryFor("", true), "in_app");
  EXPECT_EQ(DeliveryFor("", false), "other_means");
  EXPECT_EQ(DeliveryFor("other_means", true), "other_means");
  EXPECT_EQ(DeliveryFor("in_app", false), "in_app");
}

TEST(PackageAvailableTo, RecipientInAppSenderByOtherMeansAndNeverOnceDeleted) {
  EXPECT_TRUE(PackageAvailableTo(Row("sent", "in_app"), false));
  EXPECT_FALSE(PackageAvailableTo(Row("sent", "in_app"), true));
  EXPECT_TRUE(PackageAvailableTo(Row("accepted", "in_app"), false));
  EXPECT_TRUE(PackageAvailableTo(Row("completed", "in_app"), false));
  EXPECT_TRUE(PackageAvailableTo(Row("sent", "other_means"), true));
  EXPECT_FALSE(PackageAvailableTo(Row("sent", "other_means"), false));
  for (const char* gone : {"declined", "withdrawn"}) {
    EXPECT_FALSE(PackageAvailableTo(Row(gone, "in_app"), false)) << gone;
    EXPECT_FALSE(PackageAvailableTo(Row(gone, "other_means"), true)) << gone;
  }
}

TEST(OverdueOn, OnlyWhileSentAndAfterTheDeadline) {
  auto r = Row("sent", "in_app");  // respond_by 2026-03-10
  EXPECT_FALSE(OverdueOn(r, CivilDate{2026, 3, 10}));
  EXPECT_TRUE(OverdueOn(r, CivilDate{2026, 3, 11}));
  EXPECT_FALSE(OverdueOn(Row("accepted", "in_app"), CivilDate{2026, 4, 1}));
}

TEST(Distinct, KeepsTheFirstOfEachAndDropsEmptyIds) {
  EXPECT_EQ(Distinct({"u2", "u1", "u2", "", "u3", "u1"}),
            (std::vector<std::string>{"u2", "u1", "u3"}));
  EXPECT_TRUE(Distinct({}).empty());
}

TEST(DisclosureObjects, NameWhatWasDisclosedToWhomOnWhichBasis) {
  auto objects = DisclosureObjects(Row("sent", "in_app"));
  ASSERT_EQ(objects.size(), 6u);
  EXPECT_EQ(objects[0].type, "referral");
  EXPECT_EQ(objects[0].id, "ref1");
  EXPECT_EQ(objects[0].organisation_id, "orgS");
  EXPECT_EQ(objects[1].type, "case");
  EXPECT_EQ(objects[1].id, "case1");
  EXPECT_EQ(objects[1].sections, (std::vector<std::string>{"identity", "needs_safety"}));
  EXPECT_EQ(objects[2].type, "person");
  EXPECT_EQ(objects[2].id, "p1");
  EXPECT_EQ(objects[3].type, "organisation");
  EXPECT_EQ(objects[3].id, "orgR");
  EXPECT_EQ(objects[4].type, "consent");
  EXPECT_EQ(objects[4].id, "c1");
  EXPECT_EQ(objects[5].type, "legal_basis");
  EXPECT_EQ(objects[5].id, "consent@2026-01-01");
}

TEST(DisclosureObjects, NoConsentObjectOnAnotherBasis) {
  auto row = Row("sent", "in_app");
  row.consent_id.reset();
  row.basis_code = "duty_to_report_child";
  auto objects = DisclosureObjects(row);
  ASSERT_EQ(objects.size(), 5u);
  for (const auto& o : objects) EXPECT_NE(o.type, "consent");
  EXPECT_EQ(objects.back().id, "duty_to_report_child@2026-01-01");
}

TEST(SentEntryDetails, WordsAndIdsOnly) {
  auto row = Row("sent", "in_app");
  auto details = SentEntryDetails(row);
  std::vector<std::pair<std::string, std::string>> expected{{"referral_code", "REF-2026-000007"},
                                                            {"recipient_organisation_id", "orgR"},
                                                            {"purpose", "shelter"},
                                                            {"sections", "identity,needs_safety"},
                                                            {"basis", "consent"}};
  EXPECT_EQ(details, expected);
}

}  // namespace
}  // namespace opennrm::app::referral_internal
