#include "domain/stats/table_catalogue.hpp"

#include <gtest/gtest.h>

#include <set>

namespace opennrm::stats {
namespace {

TEST(TableCatalogue, EveryGeographyByEveryCategoryAndAlone) {
  const auto& all = VictimTableCatalogue();
  EXPECT_EQ(all.size(), 2u * 10u);
  std::set<std::string> ids;
  for (const auto& t : all) {
    EXPECT_TRUE(ids.insert(t.id).second) << "ids are unique: " << t.id;
    EXPECT_EQ(t.group, "victims");
    EXPECT_TRUE(t.rows == Dimension::kPoliceRegion || t.rows == Dimension::kCounty) << t.id;
    EXPECT_FALSE(IsFinerThanCounty(t.rows)) << t.id;
    if (t.columns) {
      EXPECT_FALSE(IsFinerThanCounty(*t.columns)) << t.id;
      EXPECT_FALSE(IsPeriod(*t.columns)) << "a release is one year: " << t.id;
    }
  }
  EXPECT_TRUE(ids.count("victims.police_region.gender"));
  EXPECT_TRUE(ids.count("victims.county.citizenship_group"));
  EXPECT_TRUE(ids.count("victims.county.step"));
  EXPECT_TRUE(ids.count("victims.police_region"));
  EXPECT_FALSE(ids.count("victims.county.country")) << "countries are too fine to publish";
}

TEST(TableCatalogue, FindsByIdOnly) {
  const auto* t = FindVictimTable("victims.county.form");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows, Dimension::kCounty);
  ASSERT_TRUE(t->columns.has_value());
  EXPECT_EQ(*t->columns, Dimension::kForm);
  const auto* alone = FindVictimTable("victims.police_region");
  ASSERT_NE(alone, nullptr);
  EXPECT_FALSE(alone->columns.has_value());
  EXPECT_EQ(ColumnWord(alone->columns), "total");
  EXPECT_EQ(FindVictimTable("victims.municipality.gender"), nullptr);
  EXPECT_EQ(FindVictimTable(""), nullptr);
}

TEST(TableCatalogue, SeriesStartWithTheNationalHeadline) {
  ASSERT_FALSE(ReleaseSeries().empty());
  EXPECT_EQ(ReleaseSeries().front(), "regional_coordinator");
  EXPECT_TRUE(IsReleaseSeries("ngo_shelter"));
  EXPECT_FALSE(IsReleaseSeries("national_unit")) << "the national unit keeps no victims' cases";
  EXPECT_FALSE(IsReleaseSeries(""));
}

}  // namespace
}  // namespace opennrm::stats
