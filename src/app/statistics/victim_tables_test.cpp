// VictimTables: every predefined table of the catalogue, counted over the
// series and year asked for only, with its geography as the rows.
#include <gtest/gtest.h>

#include "app/statistics/release_tables.hpp"
#include "domain/stats/table_catalogue.hpp"

namespace opennrm::app::statistics {
namespace {

std::shared_ptr<const stats::FactSnapshot> Facts() {
  auto s = std::make_shared<stats::FactSnapshot>();
  s->dictionary.organisations = {"rc-nord", "soc-1"};
  s->dictionary.organisation_kinds = {"regional_coordinator", "municipal_social_services"};
  s->dictionary.case_types = {"unknown", "trafficking_in_human_beings"};
  s->dictionary.police_regions = {"unknown", "nord", "mitt"};
  s->dictionary.counties = {"unknown", "25", "22"};
  s->dictionary.county_regions = {0, 1, 2};
  s->dictionary.countries = {"unknown"};
  s->dictionary.outcomes = {"open"};
  auto fact = [](uint8_t area, uint8_t kind, CivilDate on, stats::GenderCategory gender) {
    stats::Fact f;
    f.recorded_on = stats::DayNumber(on);
    f.police_region = area;
    f.county = area;
    f.organisation = kind;
    f.organisation_kind = kind;
    f.gender = gender;
    return f;
  };
  using G = stats::GenderCategory;
  s->facts = {fact(1, 0, {2025, 1, 1}, G::kWoman),   fact(1, 0, {2025, 12, 31}, G::kMan),
              fact(2, 0, {2025, 6, 1}, G::kWoman),   fact(0, 0, {2025, 6, 1}, G::kWoman),
              fact(1, 0, {2024, 12, 31}, G::kWoman),  // another year
              fact(1, 1, {2025, 6, 1}, G::kWoman)};   // another series
  return s;
}

const RawTable* Find(const std::vector<RawTable>& tables, const std::string& id) {
  for (const auto& t : tables) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

TEST(VictimTables, EveryCatalogueTableForTheSeriesAndYear) {
  auto tables = VictimTables({2025, "regional_coordinator", Facts()});
  ASSERT_EQ(tables.size(), stats::VictimTableCatalogue().size());
  for (const auto& t : tables) {
    EXPECT_EQ(t.group, "victims") << t.id;
    EXPECT_EQ(t.series, "regional_coordinator") << t.id;
    EXPECT_EQ(t.geography, t.row_dimension) << t.id << ": geography is the rows, never a filter";
    EXPECT_TRUE(t.geography == "police_region" || t.geography == "county") << t.id;
    EXPECT_FALSE(t.official) << t.id;
    EXPECT_EQ(t.counts.total, 4) << t.id << ": the year's four facts of the series";
  }
}

TEST(VictimTables, CountsByAreaAndCategory) {
  auto tables = VictimTables({2025, "regional_coordinator", Facts()});
  const RawTable* t = Find(tables, "victims.police_region.gender");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->counts.rows, (std::vector<std::string>{"nord", "mitt", "unknown"}));
  EXPECT_EQ(t->counts.row_totals[0], 2);  // nord: 1 January and 31 December
  EXPECT_EQ(t->counts.row_totals[1], 1);
  EXPECT_EQ(t->counts.row_totals[2], 1);  // an unknown area is a row, not dropped
  size_t woman = t->counts.columns.size();
  for (size_t c = 0; c < t->counts.columns.size(); ++c) {
    if (t->counts.columns[c] == "woman") woman = c;
  }
  ASSERT_LT(woman, t->counts.columns.size());
  EXPECT_EQ(t->counts.cells[0][woman], 1);
  EXPECT_EQ(t->counts.column_totals[woman], 3);
}

TEST(VictimTables, AnotherSeriesCountsOnlyItsOwn) {
  auto tables = VictimTables({2025, "municipal_social_services", Facts()});
  ASSERT_FALSE(tables.empty());
  EXPECT_EQ(tables.front().counts.total, 1);
  EXPECT_TRUE(VictimTables({2025, "regional_coordinator", nullptr}).empty()) << "no facts";
}

}  // namespace
}  // namespace opennrm::app::statistics
