#include "domain/cases/police_report.hpp"

#include <gtest/gtest.h>

namespace opennrm::cases {
namespace {

TEST(PoliceReportNumber, AcceptsTheUsualForms) {
  EXPECT_EQ(NormalisePoliceReportNumber("5000-K123456-26"), "5000-K123456-26");
  EXPECT_EQ(NormalisePoliceReportNumber("2200-K1276-14"), "2200-K1276-14");
  EXPECT_EQ(NormalisePoliceReportNumber(" 5000 - k123456 - 26 "), "5000-K123456-26");
  EXPECT_EQ(NormalisePoliceReportNumber("5000-K123456-2026"), "5000-K123456-26");
  EXPECT_EQ(NormalisePoliceReportNumber("1400-K7-19"), "1400-K7-19");
}

TEST(PoliceReportNumber, RefusesGarbage) {
  for (const char* bad :
       {"", "K123456", "5000-123456-26", "5000-A123456-26", "500-K123456-26", "50000-K123456-26",
        "5000-K-26", "5000-K000000-26", "5000-K12a456-26", "5000-K123456-6", "5000-K123456-226",
        "5000-K123456-3026", "5000K12345626", "5000-K123456-26-1", "5000/K/123456/26",
        "5500/R/12345/24", "5000-K1234567890-26", "DROP TABLE", "5000-K123456-2x"}) {
    EXPECT_FALSE(NormalisePoliceReportNumber(bad)) << bad;
  }
}

}  // namespace
}  // namespace opennrm::cases
