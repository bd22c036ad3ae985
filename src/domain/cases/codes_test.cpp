#include "domain/cases/codes.hpp"

#include <gtest/gtest.h>

namespace opennrm::cases {
namespace {

TEST(CaseCodes, FormatsWithSixDigitPadding) {
  EXPECT_EQ(ToString(PersonCode{2026, 123}), "P-2026-000123");
  EXPECT_EQ(ToString(CaseCode{2026, 45}), "NRM-2026-000045");
  EXPECT_EQ(ToString(CaseCode{2026, 1234567}), "NRM-2026-1234567");
}

TEST(CaseCodes, ParsesTheIssueExamples) {
  auto p = ParsePersonCode("P-2026-000123");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->year, 2026);
  EXPECT_EQ(p->serial, 123);
  auto c = ParseCaseCode("NRM-2026-000045");
  ASSERT_TRUE(c);
  EXPECT_EQ(*c, (CaseCode{2026, 45}));
}

TEST(CaseCodes, RoundTripsAcrossTheRange) {
  for (long long serial : {1LL, 9LL, 999999LL, 1000000LL, 987654321LL, kMaxCodeSerial}) {
    for (int year : {kMinCodeYear, 2026, kMaxCodeYear}) {
      PersonCode p{year, serial};
      CaseCode c{year, serial};
      EXPECT_EQ(ParsePersonCode(ToString(p)), p) << ToString(p);
      EXPECT_EQ(ParseCaseCode(ToString(c)), c) << ToString(c);
    }
  }
}

TEST(CaseCodes, RefusesAnythingNotCanonical) {
  for (const char* bad :
       {"", "P", "P-", "p-2026-000123", "P-2026-123", "P-26-000123", "P-2026-0000123",
        "P-2026-000000", "P-1999-000001", "P-2026-00012a", " P-2026-000123", "P-2026-000123 ",
        "P_2026_000123", "P-2026-1234567890", "NRM-2026-000123", "Q-2026-000123"}) {
    EXPECT_FALSE(ParsePersonCode(bad)) << bad;
  }
  for (const char* bad : {"NRM-2026-45", "nrm-2026-000045", "P-2026-000045", "NRM2026000045",
                          "NRM-3000-000045", "NRM-2026-+00045"}) {
    EXPECT_FALSE(ParseCaseCode(bad)) << bad;
  }
}

TEST(CaseCodes, ValidityBounds) {
  EXPECT_TRUE(IsValid(PersonCode{2026, 1}));
  EXPECT_FALSE(IsValid(PersonCode{2026, 0}));
  EXPECT_FALSE(IsValid(PersonCode{1999, 1}));
  EXPECT_FALSE(IsValid(CaseCode{2026, kMaxCodeSerial + 1}));
}

}  // namespace
}  // namespace opennrm::cases
