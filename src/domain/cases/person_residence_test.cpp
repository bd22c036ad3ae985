#include "domain/cases/person_residence.hpp"

#include <gtest/gtest.h>

#include "domain/cases/person.hpp"

namespace opennrm::cases {
namespace {

// Synthetic person; no real data.
Person Foreign(ResidencePermit permit) {
  Person p;
  p.citizenship = {CitizenshipStatus::kKnown, {"TH"}};
  p.residence_permit = permit;
  return p;
}

std::string RuleOf(const Status& s) {
  if (s) return "";
  EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(s.error().fields.size(), 1u);
  if (s.error().fields.empty()) return "?";
  EXPECT_EQ(s.error().fields[0].field, "person_id");
  EXPECT_NE(s.error().fields[0].detail.find("foreign national without a residence permit"),
            std::string::npos);
  return s.error().fields[0].rule;
}

TEST(PersonResidence, NamesRoundTrip) {
  ASSERT_EQ(AllResidencePermits().size(), 3u);
  for (auto permit : AllResidencePermits()) {
    EXPECT_EQ(ParseResidencePermit(ToString(permit)), permit);
  }
  EXPECT_EQ(ToString(ResidencePermit::kNone), "none");
  EXPECT_EQ(ToString(ResidencePermit::kHasPermit), "has_permit");
  EXPECT_EQ(ToString(ResidencePermit::kUnknown), "unknown");
  EXPECT_FALSE(ParseResidencePermit("yes"));
  EXPECT_FALSE(ParseResidencePermit("None"));
  EXPECT_FALSE(ParseResidencePermit(""));
}

TEST(PersonResidence, ANewPersonIsUnknownAndNotUnaccompanied) {
  Person p;
  EXPECT_EQ(p.residence_permit, ResidencePermit::kUnknown);
  EXPECT_FALSE(p.unaccompanied);
}

TEST(PersonResidence, ReflectionPeriodForAForeignNationalWithoutAPermit) {
  EXPECT_EQ(RuleOf(CheckReflectionPeriodFor(Foreign(ResidencePermit::kNone), "person_id")), "");
  EXPECT_EQ(RuleOf(CheckReflectionPeriodFor(Foreign(ResidencePermit::kUnknown), "person_id")), "");
  Person stateless;
  stateless.citizenship = {CitizenshipStatus::kStateless, {}};
  stateless.residence_permit = ResidencePermit::kNone;
  EXPECT_EQ(RuleOf(CheckReflectionPeriodFor(stateless, "person_id")), "");
  Person unknown;  // nothing recorded yet: the Migration Agency decides
  EXPECT_EQ(RuleOf(CheckReflectionPeriodFor(unknown, "person_id")), "");
}

TEST(PersonResidence, RefusedForAPersonRecordedWithAPermit) {
  EXPECT_EQ(RuleOf(CheckReflectionPeriodFor(Foreign(ResidencePermit::kHasPermit), "person_id")),
            "has_residence_permit");
}

TEST(PersonResidence, RefusedForASwedishCitizenWhateverThePermitSays) {
  for (auto permit : AllResidencePermits()) {
    Person p = Foreign(permit);
    p.citizenship = {CitizenshipStatus::kKnown, {"RO", "SE"}};  // dual citizenship included
    EXPECT_TRUE(IsSwedishCitizen(p));
    EXPECT_EQ(RuleOf(CheckReflectionPeriodFor(p, "person_id")), "swedish_citizen");
  }
  EXPECT_FALSE(IsSwedishCitizen(Foreign(ResidencePermit::kNone)));
}

}  // namespace
}  // namespace opennrm::cases
