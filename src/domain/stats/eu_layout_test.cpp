#include "domain/stats/eu_layout.hpp"

#include <gtest/gtest.h>

namespace opennrm::stats {
namespace {

EuEeaMembership Members() {
  return *EuEeaMembership::Build({{"DE", Bloc::kEu, {1958, 1, 1}, {}, "Treaty of Rome"},
                                  {"NO", Bloc::kEeaEfta, {1994, 1, 1}, {}, "EEA Agreement"},
                                  {"GB", Bloc::kEu, {1973, 1, 1}, CivilDate{2020, 1, 31}, "x"}});
}

TEST(EuLayout, SexAndAgeBandFollowEurostat) {
  EXPECT_EQ(EuSexOf(GenderCategory::kGirl), "female");
  EXPECT_EQ(EuSexOf(GenderCategory::kBoy), "male");
  EXPECT_EQ(EuSexOf(GenderCategory::kNotRecorded), "other_unknown");
  EXPECT_EQ(EuAgeBandOf(AgeGroup::k12To17), "child");
  EXPECT_EQ(EuAgeBandOf(AgeGroup::k18To24), "adult");
  EXPECT_EQ(EuAgeBandOf(AgeGroup::kUnknown), "unknown");
}

TEST(EuLayout, CitizenshipFromGroupAndCountry) {
  const auto m = Members();
  const CivilDate d{2025, 1, 1};
  EXPECT_EQ(EuCitizenshipOf(CitizenshipGroup::kSweden, "", d, &m),
            EurostatCitizenship::kReportingCountry);
  EXPECT_EQ(EuCitizenshipOf(CitizenshipGroup::kOtherEuEea, "DE", d, &m),
            EurostatCitizenship::kOtherEu);
  // Norway is in the EEA, not the EU.
  EXPECT_EQ(EuCitizenshipOf(CitizenshipGroup::kOtherEuEea, "NO", d, &m),
            EurostatCitizenship::kNonEu);
  // The United Kingdom on either side of its exit.
  EXPECT_EQ(EuCitizenshipOf(CitizenshipGroup::kOtherEuEea, "GB", {2020, 1, 31}, &m),
            EurostatCitizenship::kOtherEu);
  EXPECT_EQ(EuCitizenshipOf(CitizenshipGroup::kOtherEuEea, "GB", {2020, 2, 1}, &m),
            EurostatCitizenship::kNonEu);
  // A protected person's country is forgotten: EU or EFTA is not guessed.
  EXPECT_EQ(EuCitizenshipOf(CitizenshipGroup::kOtherEuEea, "unknown", d, &m),
            EurostatCitizenship::kUnknown);
  EXPECT_EQ(EuCitizenshipOf(CitizenshipGroup::kStateless, "", d, &m), EurostatCitizenship::kNonEu);
  EXPECT_EQ(EuCitizenshipOf(CitizenshipGroup::kUnknown, "DE", d, &m),
            EurostatCitizenship::kUnknown);
}

TEST(EuLayout, FormsFoldIntoThreeAndRowsDoNotAddUp) {
  EXPECT_EQ(EuFormOf("sexual"), "sexual_exploitation");
  EXPECT_EQ(EuFormOf("domestic_servitude"), "labour_exploitation");
  EXPECT_EQ(EuFormOf("forced_begging"), "other_forms");
  FactSnapshot s;
  s.dictionary.organisations = {"rc"};
  s.dictionary.organisation_kinds = {"regional_coordinator"};
  s.dictionary.countries = {"unknown", "DE", "NO"};
  s.dictionary.forms = {"sexual", "labour", "forced_begging", "domestic_servitude"};
  Fact a;  // a woman, sexual and labour and domestic servitude, German
  a.recorded_on = DayNumber({2025, 4, 1});
  a.gender = GenderCategory::kWoman;
  a.age = AgeGroup::k25To34;
  a.citizenship = CitizenshipGroup::kOtherEuEea;
  a.country = 1;
  a.forms = 0b1011;
  Fact b;  // a boy, forced begging, Norwegian
  b.recorded_on = DayNumber({2025, 6, 1});
  b.gender = GenderCategory::kBoy;
  b.age = AgeGroup::k12To17;
  b.citizenship = CitizenshipGroup::kOtherEuEea;
  b.country = 2;
  b.forms = 0b0100;
  Fact c = a;  // last year: not counted
  c.recorded_on = DayNumber({2024, 12, 31});
  s.facts = {a, b, c};
  FactFilter f;
  f.from = {2025, 1, 1};
  f.to = {2025, 12, 31};
  const auto m = Members();
  EuVictimTables t = CountEuVictims(s, f, &m);
  EXPECT_EQ(t.sex_by_age.total, 2);
  EXPECT_EQ(t.sex_by_age.cells[0][1], 1);          // female adult
  EXPECT_EQ(t.sex_by_age.cells[1][0], 1);          // male child
  EXPECT_EQ(t.citizenship_by_sex.cells[1][0], 1);  // other_eu female
  EXPECT_EQ(t.citizenship_by_sex.cells[2][1], 1);  // non_eu male (Norway)
  // Labour and domestic servitude are one Eurostat form: counted once.
  EXPECT_EQ(t.form_by_sex.cells[1][0], 1);
  EXPECT_EQ(t.form_by_sex.cells[0][0], 1);
  EXPECT_EQ(t.form_by_sex.cells[2][1], 1);
  EXPECT_EQ(t.form_by_sex.column_totals[0], 1);  // the woman once
  EXPECT_EQ(t.form_by_sex.total, 2);
  EXPECT_FALSE(t.form_by_sex.columns_add_up);
  EXPECT_TRUE(CheckTable(t.sex_by_age));
  EXPECT_TRUE(CheckTable(t.citizenship_by_sex));
  EXPECT_TRUE(CheckTable(t.form_by_sex));
}

TEST(EuLayout, CrimeFiguresBlankWhenNotEnteredZeroWhenNone) {
  std::vector<CrimeFigure> figures;
  auto add = [&](Offence o, CrimeMeasure m, CrimeBreakdown b, std::string cat,
                 std::optional<long long> v, int year = 2025) {
    CrimeFigure f;
    f.year = year;
    f.offence = o;
    f.measure = m;
    f.breakdown = b;
    f.category = std::move(cat);
    f.value = v;
    figures.push_back(f);
  };
  add(Offence::kTrafficking, CrimeMeasure::kConvictedPersons, CrimeBreakdown::kSex, "male", 7);
  add(Offence::kTrafficking, CrimeMeasure::kConvictedPersons, CrimeBreakdown::kSex, "female", 0);
  add(Offence::kTrafficking, CrimeMeasure::kConvictedPersons, CrimeBreakdown::kTotal, "total", 7);
  add(Offence::kTrafficking, CrimeMeasure::kConvictedPersons, CrimeBreakdown::kTotal, "total", 99,
      2024);
  add(Offence::kProcuring, CrimeMeasure::kReportedOffences, CrimeBreakdown::kTotal, "total", 120);
  EuCrimeTables t = CountEuCrime(figures, 2025);
  const auto& tr = t.trafficking_by_sex;
  ASSERT_EQ(tr.rows.back(), "convicted_persons");
  const size_t male = std::find(tr.columns.begin(), tr.columns.end(), "male") - tr.columns.begin();
  const size_t female =
      std::find(tr.columns.begin(), tr.columns.end(), "female") - tr.columns.begin();
  EXPECT_EQ(tr.cells[2][male], 7);
  EXPECT_EQ(tr.cells[2][female], 0);
  EXPECT_EQ(tr.row_totals[2], 7);
  EXPECT_FALSE(tr.cells[0][male].has_value());  // suspects not entered: blank
  const auto& other = t.other_offences;
  EXPECT_EQ(std::count(other.rows.begin(), other.rows.end(), "trafficking"), 0);
  const size_t procuring =
      std::find(other.rows.begin(), other.rows.end(), "procuring") - other.rows.begin();
  EXPECT_EQ(other.cells[procuring][0], 120);
  EXPECT_TRUE(CheckTable(tr));
  EXPECT_TRUE(CheckTable(other));
}

}  // namespace
}  // namespace opennrm::stats
