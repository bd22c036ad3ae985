// The aggregation engine on hand-built snapshots.
#include "domain/stats/aggregate.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace opennrm::stats {
namespace {

FactDictionary Dictionary() {
  FactDictionary d;
  d.organisations = {"org-a", "org-b"};
  d.organisation_kinds = {"regional_coordinator", "municipal_social_services"};
  d.case_types = {"unknown", "trafficking_in_human_beings", "human_exploitation"};
  d.police_regions = {"unknown", "nord", "syd"};
  d.counties = {"unknown", "25", "12", "13"};
  d.county_regions = {0, 1, 2, 2};
  d.countries = {"unknown", "RO", "NG", "SE"};
  d.outcomes = {"open", "safe_return_completed", "integrated"};
  d.forms = {"sexual", "labour", "begging"};
  d.sectors = {"cleaning", "construction"};
  d.steps = {"support.identification", "proceedings.reported", "return.completed"};
  return d;
}

Fact At(CivilDate day) {
  Fact f;
  f.recorded_on = DayNumber(day);
  return f;
}

FactQuery Year(int year, std::optional<Dimension> rows, std::optional<Dimension> columns) {
  FactQuery q;
  q.filter.from = {year, 1, 1};
  q.filter.to = {year, 12, 31};
  q.rows = rows;
  q.columns = columns;
  return q;
}

size_t Pos(const std::vector<std::string>& keys, const std::string& key) {
  auto it = std::find(keys.begin(), keys.end(), key);
  EXPECT_NE(it, keys.end()) << key;
  return static_cast<size_t>(it - keys.begin());
}

long long Cell(const CountTable& t, const std::string& row, const std::string& column) {
  return t.cells[Pos(t.rows, row)][Pos(t.columns, column)].value();
}

TEST(Aggregate, CategoriesAreCompleteWithKnownZeros) {
  FactSnapshot s;
  s.dictionary = Dictionary();
  Fact f = At({2025, 3, 4});
  f.police_region = 1;
  f.gender = GenderCategory::kGirl;
  s.facts = {f};
  auto t = Aggregate(s, Year(2025, Dimension::kPoliceRegion, Dimension::kGender));
  EXPECT_EQ(t.rows, (std::vector<std::string>{"nord", "syd", "unknown"}));
  EXPECT_EQ(t.columns,
            (std::vector<std::string>{"woman", "man", "girl", "boy", "other", "not_recorded"}));
  EXPECT_EQ(Cell(t, "nord", "girl"), 1);
  EXPECT_EQ(Cell(t, "syd", "woman"), 0);  // a known zero, not unknown
  EXPECT_EQ(t.row_totals[Pos(t.rows, "syd")], 0);
  EXPECT_EQ(t.total, 1);
  EXPECT_TRUE(t.rows_add_up);
  EXPECT_TRUE(t.columns_add_up);
  EXPECT_TRUE(CheckTable(t));
}

TEST(Aggregate, MultiValuedMarginsCountAFactOnce) {
  FactSnapshot s;
  s.dictionary = Dictionary();
  Fact both = At({2025, 5, 1});
  both.forms = 0b011;  // sexual and labour
  both.gender = GenderCategory::kWoman;
  Fact none = At({2025, 6, 1});  // no form recorded
  none.gender = GenderCategory::kWoman;
  s.facts = {both, none};
  auto t = Aggregate(s, Year(2025, Dimension::kGender, Dimension::kForm));
  EXPECT_EQ(t.columns, (std::vector<std::string>{"sexual", "labour", "begging"}));
  EXPECT_EQ(Cell(t, "woman", "sexual"), 1);
  EXPECT_EQ(Cell(t, "woman", "labour"), 1);
  EXPECT_EQ(t.row_totals[Pos(t.rows, "woman")], 2);  // each woman once
  EXPECT_EQ(t.column_totals[Pos(t.columns, "labour")], 1);
  EXPECT_EQ(t.total, 2);
  EXPECT_FALSE(t.rows_add_up);
  EXPECT_TRUE(t.columns_add_up);
  EXPECT_TRUE(CheckTable(t));

  auto by_form = Aggregate(s, Year(2025, Dimension::kForm, std::nullopt));
  EXPECT_TRUE(by_form.rows_add_up);
  EXPECT_FALSE(by_form.columns_add_up);
}

TEST(Aggregate, StepsUseAllSixtyFourBits) {
  FactSnapshot s;
  s.dictionary = Dictionary();
  s.dictionary.steps.clear();
  for (int i = 0; i < 64; ++i) s.dictionary.steps.push_back("t.s" + std::to_string(i));
  Fact f = At({2025, 1, 1});
  f.steps = (uint64_t{1} << 63) | 1u;
  s.facts = {f};
  auto t = Aggregate(s, Year(2025, Dimension::kStep, std::nullopt));
  ASSERT_EQ(t.rows.size(), 64u);
  EXPECT_EQ(t.row_totals[63], 1);
  EXPECT_EQ(t.row_totals[0], 1);
  EXPECT_EQ(t.row_totals[1], 0);
}

TEST(Aggregate, SeriesAndOrganisationFilters) {
  FactSnapshot s;
  s.dictionary = Dictionary();
  Fact a = At({2025, 1, 1});
  a.organisation = 0;
  a.organisation_kind = 0;
  Fact b = At({2025, 1, 2});
  b.organisation = 1;
  b.organisation_kind = 1;
  s.facts = {a, b, b};
  auto q = Year(2025, std::nullopt, std::nullopt);
  q.filter.organisation_kinds = {"regional_coordinator"};
  EXPECT_EQ(Aggregate(s, q).total, 1);
  q.filter.organisation_kinds = {"municipal_social_services"};
  EXPECT_EQ(Aggregate(s, q).total, 2);
  q.filter.organisation_kinds = {"ngo"};  // not in the dictionary: nothing
  EXPECT_EQ(Aggregate(s, q).total, 0);
  q.filter.organisation_kinds.clear();
  q.filter.organisations = {"org-a"};
  EXPECT_EQ(Aggregate(s, q).total, 1);
  q.filter.organisations = {"org-x"};
  EXPECT_EQ(Aggregate(s, q).total, 0);
}

TEST(Aggregate, GroupedByOrganisationCountsTheSame) {
  FactSnapshot s;
  s.dictionary = Dictionary();
  std::vector<Fact> facts;
  for (int i = 0; i < 40; ++i) {
    Fact f = At({2025, static_cast<unsigned>(1 + i % 12), static_cast<unsigned>(1 + i % 28)});
    f.organisation = static_cast<uint32_t>(i % 3);  // 2: a code the dictionary lacks
    f.organisation_kind = static_cast<uint8_t>(i % 2);
    f.police_region = static_cast<uint8_t>(i % 3);
    f.gender = i % 4 == 0 ? GenderCategory::kMan : GenderCategory::kWoman;
    facts.push_back(f);
  }
  s.facts = facts;
  FactSnapshot grouped = s;
  GroupByOrganisation(grouped);
  ASSERT_EQ(grouped.organisation_start, (std::vector<uint32_t>{0, 14, 27}));
  ASSERT_EQ(grouped.facts.size(), 40u) << "the unknown code's facts are kept, after the others";
  for (uint32_t i = 0; i < 14; ++i) EXPECT_EQ(grouped.facts[i].organisation, 0u);
  for (uint32_t i = 27; i < 40; ++i) EXPECT_EQ(grouped.facts[i].organisation, 2u);

  auto q = Year(2025, Dimension::kPoliceRegion, Dimension::kGender);
  for (const auto& orgs : std::vector<std::vector<std::string>>{
           {}, {"org-a"}, {"org-b"}, {"org-a", "org-b"}, {"org-x"}}) {
    q.filter.organisations = orgs;
    const CountTable plain = Aggregate(s, q);
    const CountTable fast = Aggregate(grouped, q);
    EXPECT_EQ(fast.cells, plain.cells) << orgs.size();
    EXPECT_EQ(fast.total, plain.total) << orgs.size();
  }
  q.filter.organisations = {"org-b"};
  EXPECT_EQ(Aggregate(grouped, q).total, 13);
  q.filter.organisations.clear();
  EXPECT_EQ(Aggregate(grouped, q).total, 40);
}

TEST(Aggregate, AreaAndFlagFilters) {
  FactSnapshot s;
  s.dictionary = Dictionary();
  Fact skane = At({2025, 2, 1});
  skane.police_region = 2;
  skane.county = 2;
  skane.flags = kFactPoliceReport | kFactReflectionPeriod;
  Fact halland = At({2025, 2, 1});
  halland.police_region = 2;
  halland.county = 3;
  Fact nord = At({2025, 2, 1});
  nord.police_region = 1;
  nord.county = 1;
  nord.flags = kFactPoliceReport;
  s.facts = {skane, halland, nord};
  auto q = Year(2025, Dimension::kCounty, std::nullopt);
  q.filter.police_region = "syd";
  auto t = Aggregate(s, q);
  EXPECT_EQ(t.total, 2);
  EXPECT_EQ(t.row_totals[Pos(t.rows, "25")], 0);
  q.filter.county = "13";
  EXPECT_EQ(Aggregate(s, q).total, 1);
  q.filter.police_region.clear();
  q.filter.county.clear();
  q.filter.require_flags = kFactPoliceReport;
  EXPECT_EQ(Aggregate(s, q).total, 2);
  q.filter.require_flags = kFactPoliceReport | kFactReflectionPeriod;
  EXPECT_EQ(Aggregate(s, q).total, 1);
}

TEST(Aggregate, PeriodKeysAcrossYears) {
  FactSnapshot s;
  s.dictionary = Dictionary();
  s.facts = {At({2024, 11, 30}), At({2024, 12, 31}), At({2025, 1, 1}), At({2025, 2, 28}),
             At({2024, 10, 31})};  // the last is before the range
  FactQuery q;
  q.filter.from = {2024, 11, 15};
  q.filter.to = {2025, 2, 28};
  q.rows = Dimension::kMonth;
  auto months = Aggregate(s, q);
  EXPECT_EQ(months.rows, (std::vector<std::string>{"2024-11", "2024-12", "2025-01", "2025-02"}));
  EXPECT_EQ(months.row_totals, (std::vector<Count>{1, 1, 1, 1}));
  EXPECT_EQ(months.total, 4);
  q.rows = Dimension::kQuarter;
  auto quarters = Aggregate(s, q);
  EXPECT_EQ(quarters.rows, (std::vector<std::string>{"2024-Q4", "2025-Q1"}));
  EXPECT_EQ(quarters.row_totals, (std::vector<Count>{2, 2}));
  q.rows = Dimension::kYear;
  auto years = Aggregate(s, q);
  EXPECT_EQ(years.rows, (std::vector<std::string>{"2024", "2025"}));
  EXPECT_EQ(years.row_totals, (std::vector<Count>{2, 2}));
}

TEST(Aggregate, CountryListsOnlyCountriesWithAFactSorted) {
  FactSnapshot s;
  s.dictionary = Dictionary();
  Fact ro = At({2025, 1, 1});
  ro.country = 1;
  Fact ng = At({2025, 1, 1});
  ng.country = 2;
  Fact unknown = At({2025, 1, 1});
  s.facts = {ro, ng, ng, unknown};
  auto t = Aggregate(s, Year(2025, Dimension::kAgeBand, Dimension::kCountry));
  EXPECT_EQ(t.columns, (std::vector<std::string>{"NG", "RO", "unknown"}));
  EXPECT_EQ(t.column_totals, (std::vector<Count>{2, 1, 1}));
  EXPECT_EQ(t.rows, (std::vector<std::string>{"child", "adult", "unknown"}));
  EXPECT_EQ(Cell(t, "unknown", "NG"), 2);
  EXPECT_TRUE(CheckTable(t));
  auto all = CategoriesOf(Dimension::kCountry, s.dictionary, {2025, 1, 1}, {2025, 12, 31});
  EXPECT_EQ(all, (std::vector<std::string>{"NG", "RO", "SE", "unknown"}));
}

TEST(Aggregate, OutcomeAndAgeBand) {
  FactSnapshot s;
  s.dictionary = Dictionary();
  Fact child = At({2025, 4, 1});
  child.age = AgeGroup::k12To17;
  child.outcome = 1;
  Fact adult = At({2025, 4, 1});
  adult.age = AgeGroup::k25To34;
  s.facts = {child, adult};
  auto t = Aggregate(s, Year(2025, Dimension::kOutcome, Dimension::kAgeBand));
  EXPECT_EQ(t.rows, (std::vector<std::string>{"open", "safe_return_completed", "integrated"}));
  EXPECT_EQ(Cell(t, "safe_return_completed", "child"), 1);
  EXPECT_EQ(Cell(t, "open", "adult"), 1);
  EXPECT_EQ(Cell(t, "open", "child"), 0);
}

bool Fails(const Status& st, const std::string& field, const std::string& rule) {
  if (st) return false;
  const auto& e = st.error();
  return e.code == ErrorCode::kInvalid &&
         std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldProblem& p) { return p.field == field && p.rule == rule; });
}

TEST(CheckQuery, RefusesUnsoundQueries) {
  const auto d = Dictionary();
  auto q = Year(2025, Dimension::kGender, Dimension::kForm);
  EXPECT_TRUE(CheckQuery(q, d));

  auto reversed = q;
  reversed.filter.from = {2025, 2, 1};
  reversed.filter.to = {2025, 1, 31};
  EXPECT_TRUE(Fails(CheckQuery(reversed, d), "from", "order"));

  auto thirty = q;
  thirty.filter.from = {2000, 1, 1};
  thirty.filter.to = {2029, 12, 31};
  EXPECT_TRUE(CheckQuery(thirty, d));
  thirty.filter.to = {2030, 1, 1};
  EXPECT_TRUE(Fails(CheckQuery(thirty, d), "to", "range"));

  auto same = Year(2025, Dimension::kForm, Dimension::kForm);
  EXPECT_TRUE(Fails(CheckQuery(same, d), "columns", "same_dimension"));

  auto area = q;
  area.filter.police_region = "atlantis";
  EXPECT_TRUE(Fails(CheckQuery(area, d), "area", "unknown_code"));
  area.filter.police_region = "unknown";  // a slot, never an area
  EXPECT_TRUE(Fails(CheckQuery(area, d), "area", "unknown_code"));
  area.filter.police_region.clear();
  area.filter.county = "99";
  EXPECT_TRUE(Fails(CheckQuery(area, d), "area", "unknown_code"));
  area.filter.county = "25";
  EXPECT_TRUE(CheckQuery(area, d));
  area.filter.police_region = "syd";  // Norrbotten is in nord
  EXPECT_TRUE(Fails(CheckQuery(area, d), "area", "outside_region"));
  area.filter.police_region = "nord";
  EXPECT_TRUE(CheckQuery(area, d));
}

}  // namespace
}  // namespace opennrm::stats
