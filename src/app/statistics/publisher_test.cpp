// The publisher turns a release's raw tables into published ones: below the
// threshold hidden, official tables untouched, hidden margins the same in
// every table that publishes them, a region's cell and its counties' never
// one unknown apart, a revision hiding small changes, rates and shares from
// published counts only.
#include "app/statistics/publisher.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace opennrm::app::statistics {
namespace {

using stats::CellStatus;

geo::Geography SmallSweden() {
  geo::GeographyData d;
  d.police_regions = {{"nord", "Polisregion Nord", "Police Region North", "Umeå"},
                      {"syd", "Polisregion Syd", "Police Region South", "Malmö"}};
  d.counties = {{"25", "Norrbottens län", "Norrbotten", "BD", "nord", std::nullopt},
                {"24", "Västerbottens län", "Västerbotten", "AC", "nord", std::nullopt},
                {"12", "Skåne län", "Skåne", "M", "syd", std::nullopt},
                {"10", "Blekinge län", "Blekinge", "K", "syd", std::nullopt}};
  d.municipalities = {{"2584", "Kiruna", "25", std::nullopt},
                      {"2480", "Umeå", "24", std::nullopt},
                      {"1280", "Malmö", "12", std::nullopt},
                      {"1080", "Karlskrona", "10", std::nullopt}};
  d.population = {{"25", "county", {250000, 2024}},
                  {"24", "county", {280000, 2024}},
                  {"12", "county", {1400000, 2024}},
                  {"10", "county", {150000, 2026}}};  // a later figure only
  auto g = geo::Geography::Build(d);
  EXPECT_TRUE(g.has_value());
  return std::move(*g);
}

const std::vector<std::string> kCounties{"25", "24", "12", "10", "unknown"};
const std::vector<std::string> kRegions{"nord", "syd", "unknown"};
const std::map<std::string, std::string> kRegionOf{
    {"25", "nord"}, {"24", "nord"}, {"12", "syd"}, {"10", "syd"}, {"unknown", "unknown"}};

// A table of `rows` x `columns` with the given cells; margins added up.
stats::CountTable Counts(const std::vector<std::string>& rows,
                         const std::vector<std::string>& columns,
                         const std::vector<std::vector<long long>>& cells) {
  stats::CountTable t;
  t.rows = rows;
  t.columns = columns;
  t.column_totals.assign(columns.size(), 0LL);
  t.total = 0LL;
  for (const auto& row : cells) {
    long long sum = 0;
    std::vector<stats::Count> line;
    for (size_t c = 0; c < row.size(); ++c) {
      line.push_back(row[c]);
      sum += row[c];
      *t.column_totals[c] += row[c];
    }
    t.cells.push_back(line);
    t.row_totals.push_back(sum);
    *t.total += sum;
  }
  return t;
}

RawTable Raw(const std::string& id, const std::string& geography, stats::CountTable counts,
             const std::string& columns = "gender") {
  RawTable r;
  r.id = id;
  r.group = "victims";
  r.series = "regional_coordinator";
  r.row_dimension = geography;
  r.column_dimension = columns;
  r.geography = geography;
  r.counts = std::move(counts);
  return r;
}

// County cells of one column dimension, and the region table they sum to.
struct Pair {
  RawTable regions;
  RawTable counties;
};

Pair PairOf(std::mt19937& random, const std::string& column_dimension,
            const std::vector<std::string>& columns) {
  std::uniform_int_distribution<int> small(0, 14);
  std::vector<std::vector<long long>> county_cells;
  std::map<std::string, std::vector<long long>> region_cells;
  for (const auto& k : kCounties) {
    std::vector<long long> line;
    for (size_t c = 0; c < columns.size(); ++c) line.push_back(small(random));
    auto& sum = region_cells[kRegionOf.at(k)];
    sum.resize(columns.size(), 0);
    for (size_t c = 0; c < columns.size(); ++c) sum[c] += line[c];
    county_cells.push_back(line);
  }
  std::vector<std::vector<long long>> regions;
  for (const auto& r : kRegions) regions.push_back(region_cells[r]);
  return {Raw("victims.police_region." + column_dimension, "police_region",
              Counts(kRegions, columns, regions), column_dimension),
          Raw("victims.county." + column_dimension, "county",
              Counts(kCounties, columns, county_cells), column_dimension)};
}

bool Hidden(const stats::ProtectedCell& c) { return c.status == CellStatus::kSuppressed; }

const ports::PublishedTable& Find(const std::vector<ports::PublishedTable>& all,
                                  const std::string& id) {
  for (const auto& t : all) {
    if (t.id == id) return t;
  }
  ADD_FAILURE() << "no table " << id;
  return all.front();
}

// Every invariant the release must keep, checked on published values only.
void ExpectConsistent(const std::vector<ports::PublishedTable>& all, const std::string& a,
                      const std::string& b, const std::string& by_region,
                      const std::string& by_county) {
  // Same rows and row totals (a, b): the same row totals hidden.
  const auto& ta = Find(all, a).table;
  const auto& tb = Find(all, b).table;
  ASSERT_EQ(ta.rows, tb.rows);
  for (size_t r = 0; r < ta.rows.size(); ++r) {
    EXPECT_EQ(Hidden(ta.row_totals[r]), Hidden(tb.row_totals[r])) << a << " " << b << " row " << r;
  }
  EXPECT_EQ(Hidden(ta.total), Hidden(tb.total));
  // A region and its counties.
  const auto& region = Find(all, by_region).table;
  const auto& county = Find(all, by_county).table;
  for (size_t r = 0; r < region.rows.size(); ++r) {
    for (size_t c = 0; c <= region.columns.size(); ++c) {
      const bool margin = c == region.columns.size();
      const auto& rc = margin ? region.row_totals[r] : region.cells[r][c];
      int hidden = 0;
      for (size_t k = 0; k < county.rows.size(); ++k) {
        if (kRegionOf.at(county.rows[k]) != region.rows[r]) continue;
        hidden += Hidden(margin ? county.row_totals[k] : county.cells[k][c]) ? 1 : 0;
      }
      EXPECT_FALSE(!Hidden(rc) && hidden == 1)
          << "one hidden county of " << region.rows[r] << " is the region minus the others";
      EXPECT_FALSE(Hidden(rc) && hidden == 0)
          << "a hidden region " << region.rows[r] << " is the sum of its counties";
    }
  }
  // Column totals are the national figures in both.
  for (size_t c = 0; c < region.columns.size(); ++c) {
    EXPECT_EQ(Hidden(region.column_totals[c]), Hidden(county.column_totals[c])) << c;
  }
}

TEST(Publisher, SmallCountsAreHiddenAndOfficialTablesAreNot) {
  ReleaseToProtect in;
  in.year = 2025;
  in.tables.push_back(Raw("victims.police_region", "police_region",
                          Counts(kRegions, {"total"}, {{40}, {3}, {0}}), "total"));
  auto official = Raw("crime.offence.measure", "", Counts({"trafficking"}, {"reported"}, {{4}}));
  official.official = true;
  official.group = "crime";
  official.series = "";
  in.tables.push_back(official);
  auto out = ProtectRelease(in, SmallSweden());
  ASSERT_TRUE(out.has_value()) << out.error().message;
  const auto& v = (*out)[0].table;
  EXPECT_EQ(v.policy.threshold, 11);
  EXPECT_TRUE(Hidden(v.row_totals[1])) << "3 is below 11";
  EXPECT_EQ(v.row_totals[2].value, 0) << "0 stays a known none";
  const auto& o = (*out)[1].table;
  EXPECT_EQ(o.cells[0][0].value, 4) << "official statistics are published by their source";
  EXPECT_EQ(o.policy.threshold, 1);
}

TEST(Publisher, HiddenCellsHoldTogetherAcrossTheRelease) {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::mt19937 random(seed);
    auto gender = PairOf(random, "gender", {"woman", "man", "girl", "boy"});
    // The age tables share the margins of the gender tables: same areas, same totals.
    std::vector<std::string> ages{"0_17", "18_plus"};
    auto age = gender;
    for (auto* t : {&age.regions, &age.counties}) {
      t->id = t->id.substr(0, t->id.rfind('.')) + ".age";
      t->column_dimension = "age";
      auto& c = t->counts;
      for (auto& row : c.cells) row = {*row[2] + *row[3], *row[0] + *row[1]};
      c.columns = ages;
      c.column_totals = {
          *gender.regions.counts.column_totals[2] + *gender.regions.counts.column_totals[3],
          *gender.regions.counts.column_totals[0] + *gender.regions.counts.column_totals[1]};
    }
    ReleaseToProtect in;
    in.year = 2025;
    in.tables = {gender.regions, gender.counties, age.regions, age.counties};
    auto out = ProtectRelease(in, SmallSweden());
    ASSERT_TRUE(out.has_value()) << out.error().message;
    SCOPED_TRACE("seed " + std::to_string(seed));
    ExpectConsistent(*out, "victims.police_region.gender", "victims.police_region.age",
                     "victims.police_region.gender", "victims.county.gender");
    ExpectConsistent(*out, "victims.county.gender", "victims.county.age",
                     "victims.police_region.age", "victims.county.age");
    for (const auto& t : *out) {
      for (size_t r = 0; r < t.table.rows.size(); ++r) {
        for (size_t c = 0; c < t.table.columns.size(); ++c) {
          const auto& cell = t.table.cells[r][c];
          if (cell.status == CellStatus::kShown) {
            EXPECT_FALSE(*cell.value > 0 && *cell.value < 11) << t.id << " shows a small count";
          }
        }
      }
    }
  }
}

TEST(Publisher, ARevisionHidesSmallChangesAndWhatWasHidden) {
  ReleaseToProtect first;
  first.year = 2025;
  first.tables.push_back(Raw("victims.police_region", "police_region",
                             Counts(kRegions, {"total"}, {{40}, {30}, {2}}), "total"));
  auto one = ProtectRelease(first, SmallSweden());
  ASSERT_TRUE(one.has_value());
  ASSERT_EQ((*one)[0].table.row_totals[0].value, 40);

  ReleaseToProtect second = first;
  second.tables[0].counts = Counts(kRegions, {"total"}, {{41}, {30}, {20}});
  second.earlier = *one;
  auto two = ProtectRelease(second, SmallSweden());
  ASSERT_TRUE(two.has_value());
  const auto& t = (*two)[0].table;
  EXPECT_TRUE(Hidden(t.row_totals[0])) << "40 -> 41 would reveal one new victim";
  EXPECT_TRUE(Hidden(t.row_totals[2])) << "hidden once, hidden always";
  ASSERT_TRUE(Hidden((*one)[0].table.row_totals[1])) << "complementary to the 2 in release 1";
  EXPECT_TRUE(Hidden(t.row_totals[1])) << "so hidden in release 2 too";
  EXPECT_EQ(t.total.value, 91) << "changed by 19: shown";
}

TEST(Publisher, RatesAndSharesComeFromPublishedCounts) {
  ReleaseToProtect in;
  in.year = 2025;
  auto regions = Raw("indicators.police_region", "police_region",
                     Counts(kRegions, {"victims", "police_report"}, {{50, 20}, {30, 4}, {12, 15}}),
                     "indicator");
  regions.counts.rows_add_up = false;
  for (size_t r = 0; r < 3; ++r) regions.counts.row_totals[r] = regions.counts.cells[r][0];
  regions.counts.total = 92LL;
  regions.group = "indicators";
  regions.share_base = "victims";
  in.tables.push_back(regions);
  auto counties = Raw("victims.county", "county",
                      Counts(kCounties, {"total"}, {{20}, {30}, {30}, {12}, {0}}), "total");
  in.tables.push_back(counties);
  auto out = ProtectRelease(in, SmallSweden());
  ASSERT_TRUE(out.has_value()) << out.error().message;
  const auto& p = (*out)[0];
  ASSERT_EQ(p.rates_per_100000.size(), 3u);
  EXPECT_EQ(p.rates_per_100000[0].status, CellStatus::kShown);
  EXPECT_DOUBLE_EQ(*p.rates_per_100000[0].value, 9.43) << "50 of 530,000, two decimals";
  EXPECT_EQ(p.rates_per_100000[1].status, CellStatus::kUnknown)
      << "Blekinge has no figure for 2025 or before";
  EXPECT_EQ(p.rates_per_100000[2].status, CellStatus::kUnknown) << "no population";
  ASSERT_EQ(p.shares.size(), 1u);
  EXPECT_EQ(p.shares[0].first, "police_report");
  EXPECT_DOUBLE_EQ(*p.shares[0].second[0].value, 40.0);
  EXPECT_EQ(p.shares[0].second[1].status, CellStatus::kSuppressed) << "4 is hidden";
  const auto& c = (*out)[1];
  EXPECT_DOUBLE_EQ(*c.rates_per_100000[0].value, 8.0);
  EXPECT_DOUBLE_EQ(*c.rates_per_100000[2].value, 2.14);
  EXPECT_EQ(c.rates_per_100000[3].status, CellStatus::kUnknown) << "no figure up to 2025";
}

TEST(Publisher, RefusesTablesThatDoNotHoldTogether) {
  ReleaseToProtect in;
  auto t = Raw("victims.police_region", "police_region",
               Counts(kRegions, {"total"}, {{40}, {30}, {2}}), "total");
  t.counts.row_totals[0] = 39LL;  // not the sum of its row
  in.tables.push_back(t);
  EXPECT_EQ(ProtectRelease(in, SmallSweden()).error().code, ErrorCode::kInternal);
  in.tables[0].counts.row_totals[0] = 40LL;
  in.tables.push_back(in.tables[0]);
  EXPECT_EQ(ProtectRelease(in, SmallSweden()).error().code, ErrorCode::kInternal)
      << "the same id and series twice";
}

TEST(Publisher, PopulationIsTheLatestFigureNotAfterTheYear) {
  auto g = SmallSweden();
  EXPECT_EQ(PopulationOf(g, "county", "25", 2025), 250000.0);
  EXPECT_EQ(PopulationOf(g, "county", "25", 2023), std::nullopt) << "only a later figure";
  EXPECT_EQ(PopulationOf(g, "police_region", "nord", 2025), 530000.0);
  EXPECT_EQ(PopulationOf(g, "police_region", "syd", 2025), std::nullopt) << "a county lacks it";
  EXPECT_EQ(PopulationOf(g, "police_region", "unknown", 2025), std::nullopt);
  EXPECT_EQ(PopulationOf(g, "municipality", "2584", 2025), std::nullopt);
}

}  // namespace
}  // namespace opennrm::app::statistics
