// The registry of referral sources (referral_source.hpp): a stored
// source_kind chooses its implementation; an unknown kind has none.
#include "app/referrals/referral_source.hpp"

#include <gtest/gtest.h>

#include "app/referrals/referral_source_case.hpp"

namespace opennrm::app::referral_internal {
namespace {

TEST(ReferralSourceOfKind, ACaseIsTheCaseSource) {
  const ReferralSource* source = SourceOfKind("case");
  ASSERT_NE(source, nullptr);
  EXPECT_EQ(source->Kind(), "case");
  EXPECT_NE(dynamic_cast<const CaseSource*>(source), nullptr);
  EXPECT_EQ(SourceOfKind(kCaseSource), source) << "one instance, shared";
}

TEST(ReferralSourceOfKind, AnUnknownKindHasNoSource) {
  EXPECT_EQ(SourceOfKind(""), nullptr);
  EXPECT_EQ(SourceOfKind("Case"), nullptr) << "the stored word exactly";
}

TEST(CaseSource, HoldsOnlyTheConsentsOfItsOwnCase) {
  CaseSource source;
  ports::ConsentRow consent;
  consent.case_id = "case-1";
  EXPECT_TRUE(source.HoldsConsent(consent, "case-1"));
  EXPECT_FALSE(source.HoldsConsent(consent, "case-2"));
}

TEST(CaseSource, ListsItsReferralsUnderTheSupportSection) {
  CaseSource source;
  SourceAccess access;
  access.id = "case-1";
  access.owner_organisation_id = "org-1";
  auto object = source.ListedObject(access);
  EXPECT_EQ(object.type, "case");
  EXPECT_EQ(object.id, "case-1");
  EXPECT_EQ(object.organisation_id, "org-1");
  EXPECT_EQ(object.sections, std::vector<std::string>{"support"});
}

}  // namespace
}  // namespace opennrm::app::referral_internal
