#include "domain/stats/indicators.hpp"

#include <gtest/gtest.h>

namespace opennrm::stats {
namespace {

FactSnapshot Snapshot() {
  FactSnapshot s;
  s.dictionary.organisations = {"rc-nord", "soc-1"};
  s.dictionary.organisation_kinds = {"regional_coordinator", "municipal_social_services"};
  s.dictionary.police_regions = {"unknown", "nord", "mitt"};
  s.dictionary.counties = {"unknown", "25", "22"};
  return s;
}

Fact FactIn(uint8_t region, uint8_t county, uint16_t flags, CivilDate on = {2025, 3, 1},
            uint8_t kind = 0) {
  Fact f;
  f.recorded_on = DayNumber(on);
  f.police_region = region;
  f.county = county;
  f.flags = flags;
  f.organisation_kind = kind;
  f.organisation = kind;
  return f;
}

FactFilter Year2025() {
  FactFilter f;
  f.from = {2025, 1, 1};
  f.to = {2025, 12, 31};
  f.organisation_kinds = {"regional_coordinator"};
  return f;
}

TEST(Indicators, CountVictimsAndFlagsPerArea) {
  FactSnapshot s = Snapshot();
  s.facts = {
      FactIn(1, 1, kFactPoliceReport | kFactReflectionPeriod), FactIn(1, 1, kFactPoliceReport),
      FactIn(2, 2, kFactSafeReturn | kFactResidencePermit),    FactIn(0, 0, 0),
      FactIn(1, 1, kFactPoliceReport, {2024, 12, 31}),    // another year
      FactIn(1, 1, kFactPoliceReport, {2025, 5, 1}, 1)};  // another series
  CountTable t = CountIndicators(s, Year2025(), Dimension::kPoliceRegion);
  ASSERT_EQ(t.rows, (std::vector<std::string>{"unknown", "nord", "mitt"}));
  ASSERT_EQ(t.columns, IndicatorColumns());
  EXPECT_EQ(t.cells[1][0], 2);  // victims in nord
  EXPECT_EQ(t.cells[1][1], 2);  // police report
  EXPECT_EQ(t.cells[1][3], 1);  // reflection period granted
  EXPECT_EQ(t.cells[2][5], 1);  // residence permit
  EXPECT_EQ(t.cells[2][6], 1);  // safe return
  EXPECT_EQ(t.cells[0][0], 1);  // unknown area
  EXPECT_EQ(t.row_totals[1], 2);
  EXPECT_EQ(t.total, 4);
  EXPECT_EQ(t.column_totals[1], 2);
  EXPECT_FALSE(t.rows_add_up);
  EXPECT_TRUE(t.columns_add_up);
}

TEST(Indicators, ApplicationsAndGrantsAreCountedApart) {
  FactSnapshot s = Snapshot();
  s.facts = {FactIn(1, 1, kFactReflectionApplied | kFactReflectionPeriod),
             FactIn(1, 1, kFactReflectionApplied),  // refused, or awaiting the decision
             FactIn(2, 2, kFactPermitApplied)};
  CountTable t = CountIndicators(s, Year2025(), Dimension::kCounty);
  ASSERT_EQ(t.rows, (std::vector<std::string>{"unknown", "25", "22"}));
  EXPECT_EQ(t.cells[1][2], 2);  // reflection period applied for
  EXPECT_EQ(t.cells[1][3], 1);  // granted
  EXPECT_EQ(t.cells[1][4], 0);  // no permit applied for: known to be none
  EXPECT_EQ(t.cells[2][4], 1);
  EXPECT_EQ(t.cells[2][5], 0);
  EXPECT_EQ(t.cells[2][3], 0);
  EXPECT_EQ(t.column_totals[2], 2);
  EXPECT_EQ(t.column_totals[4], 1);
}

TEST(DaysToSupport, BucketsAndTheMedianFromPublishedCounts) {
  EXPECT_EQ(DaysToSupportBucketOf(0), "0_7");
  EXPECT_EQ(DaysToSupportBucketOf(7), "0_7");
  EXPECT_EQ(DaysToSupportBucketOf(8), "8_30");
  EXPECT_EQ(DaysToSupportBucketOf(90), "31_90");
  EXPECT_EQ(DaysToSupportBucketOf(91), "91_plus");
  EXPECT_FALSE(DaysToSupportBucketOf(-1));
  EXPECT_EQ(MedianBucket({10, 20, 5, 0}), "8_30");
  EXPECT_EQ(MedianBucket({20, 0, 0, 19}), "0_7");
  EXPECT_EQ(MedianBucket({19, 0, 0, 20}), "91_plus");
  // A hidden or blank count could move the median: no claim.
  EXPECT_FALSE(MedianBucket({20, std::nullopt, 0, 0}));
  EXPECT_FALSE(MedianBucket({0, 0, 0, 0}));
}

}  // namespace
}  // namespace opennrm::stats
