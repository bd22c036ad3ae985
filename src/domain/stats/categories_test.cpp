#include "domain/stats/categories.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace opennrm::stats {
namespace {

CivilDate D(int y, unsigned m, unsigned d) { return CivilDate{y, m, d}; }

const EuEeaMembership& Membership() {
  static const EuEeaMembership m = [] {
    auto r = EuEeaMembership::Build({
        {"SE", Bloc::kEu, D(1995, 1, 1), std::nullopt, "Act of Accession 1994"},
        {"RO", Bloc::kEu, D(2007, 1, 1), std::nullopt, "Act of Accession 2005"},
        {"BG", Bloc::kEu, D(2007, 1, 1), std::nullopt, "Act of Accession 2005"},
        {"GB", Bloc::kEu, D(1973, 1, 1), D(2020, 1, 31), "Act of Accession 1972"},
        {"NO", Bloc::kEeaEfta, D(1994, 1, 1), std::nullopt, "EEA Agreement"},
    });
    EXPECT_TRUE(r);
    return std::move(*r);
  }();
  return m;
}

cases::Citizenship Known(std::vector<std::string> countries) {
  return {cases::CitizenshipStatus::kKnown, std::move(countries)};
}

TEST(AgeGroup, BoundariesOfEveryGroup) {
  const std::vector<std::pair<int, AgeGroup>> cases = {
      {0, AgeGroup::k0To11},    {11, AgeGroup::k0To11},  {12, AgeGroup::k12To17},
      {17, AgeGroup::k12To17},  {18, AgeGroup::k18To24}, {24, AgeGroup::k18To24},
      {25, AgeGroup::k25To34},  {34, AgeGroup::k25To34}, {35, AgeGroup::k35To44},
      {44, AgeGroup::k35To44},  {45, AgeGroup::k45To54}, {54, AgeGroup::k45To54},
      {55, AgeGroup::k55To64},  {64, AgeGroup::k55To64}, {65, AgeGroup::k65Plus},
      {120, AgeGroup::k65Plus},
  };
  for (const auto& [age, group] : cases) EXPECT_EQ(AgeGroupOf(age), group) << age;
  EXPECT_EQ(AgeGroupOf(std::nullopt), AgeGroup::kUnknown);
  EXPECT_EQ(AgeGroupOf(-1), AgeGroup::kUnknown);
  EXPECT_EQ(AgeGroupOf(121), AgeGroup::kUnknown);
}

TEST(AgeGroup, ChildrenAreZeroToSeventeen) {
  EXPECT_TRUE(IsChild(AgeGroup::k0To11));
  EXPECT_TRUE(IsChild(AgeGroup::k12To17));
  EXPECT_FALSE(IsChild(AgeGroup::k18To24));
  EXPECT_FALSE(IsChild(AgeGroup::kUnknown));
}

TEST(AgeGroup, ARangeCountsByItsYoungestAge) {
  EXPECT_EQ(AgeGroupOf(cases::AgeSpan{16, 19}), AgeGroup::k12To17);  // possibly a child
  EXPECT_EQ(AgeGroupOf(cases::AgeSpan{30, 40}), AgeGroup::k25To34);
  EXPECT_EQ(AgeGroupOf(cases::AgeSpan{20, 20}), AgeGroup::k18To24);
  EXPECT_EQ(AgeGroupOf(cases::AgeSpan{19, 16}), AgeGroup::kUnknown);
  EXPECT_EQ(AgeGroupOf(cases::AgeSpan{-1, 3}), AgeGroup::kUnknown);
  EXPECT_EQ(AgeGroupOf(cases::AgeSpan{100, 130}), AgeGroup::kUnknown);
}

TEST(AgeGroup, FromADateOfBirthOnTheReferenceDate) {
  const cases::DateOfBirth day = cases::DayOf(D(2008, 3, 1));
  EXPECT_EQ(AgeGroupOn(day, D(2026, 2, 28)), AgeGroup::k12To17);  // 17 the day before
  EXPECT_EQ(AgeGroupOn(day, D(2026, 3, 1)), AgeGroup::k18To24);   // 18th birthday
  // Born some time in 2008: on 2026-06-01 they are 17 or 18; counted as 17.
  const cases::DateOfBirth year = cases::PartialDate{2008, 0, 0};
  EXPECT_EQ(AgeGroupOn(year, D(2026, 6, 1)), AgeGroup::k12To17);
  const cases::DateOfBirth estimate = cases::AgeRange{25, 30, D(2026, 1, 15)};
  EXPECT_EQ(AgeGroupOn(estimate, D(2026, 1, 15)), AgeGroup::k25To34);
  EXPECT_EQ(AgeGroupOn(std::nullopt, D(2026, 1, 15)), AgeGroup::kUnknown);
}

TEST(AgeGroup, WordsRoundTrip) {
  EXPECT_EQ(AllAgeGroups().size(), 9u);
  for (auto g : AllAgeGroups()) EXPECT_EQ(ParseAgeGroup(ToString(g)), g);
  EXPECT_EQ(ToString(AgeGroup::k65Plus), "65_plus");
  EXPECT_EQ(ParseAgeGroup("65+"), std::nullopt);
}

TEST(GenderCategory, GirlsAndBoysAreChildren) {
  using cases::Gender;
  EXPECT_EQ(GenderCategoryOf(Gender::kFemale, AgeGroup::k12To17), GenderCategory::kGirl);
  EXPECT_EQ(GenderCategoryOf(Gender::kFemale, AgeGroup::k0To11), GenderCategory::kGirl);
  EXPECT_EQ(GenderCategoryOf(Gender::kFemale, AgeGroup::k18To24), GenderCategory::kWoman);
  EXPECT_EQ(GenderCategoryOf(Gender::kMale, AgeGroup::k0To11), GenderCategory::kBoy);
  EXPECT_EQ(GenderCategoryOf(Gender::kMale, AgeGroup::k65Plus), GenderCategory::kMan);
  // Unknown age: counted as an adult (categories.hpp).
  EXPECT_EQ(GenderCategoryOf(Gender::kFemale, AgeGroup::kUnknown), GenderCategory::kWoman);
  EXPECT_EQ(GenderCategoryOf(Gender::kMale, AgeGroup::kUnknown), GenderCategory::kMan);
  EXPECT_EQ(GenderCategoryOf(Gender::kOther, AgeGroup::k12To17), GenderCategory::kOther);
  EXPECT_EQ(GenderCategoryOf(Gender::kNotRecorded, AgeGroup::k12To17),
            GenderCategory::kNotRecorded);
}

TEST(GenderCategory, WordsRoundTrip) {
  EXPECT_EQ(AllGenderCategories().size(), 6u);
  for (auto c : AllGenderCategories()) EXPECT_EQ(ParseGenderCategory(ToString(c)), c);
  EXPECT_EQ(ToString(GenderCategory::kNotRecorded), "not_recorded");
}

TEST(CitizenshipGroup, FromCountriesOnTheReferenceDate) {
  const auto& m = Membership();
  const CivilDate on = D(2024, 6, 1);
  EXPECT_EQ(CitizenshipGroupOf(Known({"SE"}), on, m), CitizenshipGroup::kSweden);
  EXPECT_EQ(CitizenshipGroupOf(Known({"RO"}), on, m), CitizenshipGroup::kOtherEuEea);
  EXPECT_EQ(CitizenshipGroupOf(Known({"NO"}), on, m), CitizenshipGroup::kOtherEuEea);
  EXPECT_EQ(CitizenshipGroupOf(Known({"NG"}), on, m), CitizenshipGroup::kOutsideEuEea);
  EXPECT_EQ(CitizenshipGroupOf(Known({"TH"}), on, m), CitizenshipGroup::kOutsideEuEea);
  EXPECT_EQ(CitizenshipGroupOf({cases::CitizenshipStatus::kStateless, {}}, on, m),
            CitizenshipGroup::kStateless);
  EXPECT_EQ(CitizenshipGroupOf({cases::CitizenshipStatus::kUnknown, {}}, on, m),
            CitizenshipGroup::kUnknown);
  EXPECT_EQ(CitizenshipGroupOf(Known({}), on, m), CitizenshipGroup::kUnknown);
}

TEST(CitizenshipGroup, DependsOnTheDate) {
  const auto& m = Membership();
  EXPECT_EQ(CitizenshipGroupOf(Known({"GB"}), D(2020, 1, 31), m), CitizenshipGroup::kOtherEuEea);
  EXPECT_EQ(CitizenshipGroupOf(Known({"GB"}), D(2020, 2, 1), m), CitizenshipGroup::kOutsideEuEea);
  EXPECT_EQ(CitizenshipGroupOf(Known({"BG"}), D(2006, 12, 31), m), CitizenshipGroup::kOutsideEuEea);
  EXPECT_EQ(CitizenshipGroupOf(Known({"BG"}), D(2007, 1, 1), m), CitizenshipGroup::kOtherEuEea);
}

TEST(CitizenshipGroup, SeveralCountriesSwedenFirstThenEuEea) {
  const auto& m = Membership();
  const CivilDate on = D(2024, 6, 1);
  EXPECT_EQ(CitizenshipGroupOf(Known({"NG", "SE"}), on, m), CitizenshipGroup::kSweden);
  EXPECT_EQ(CitizenshipGroupOf(Known({"UA", "RO"}), on, m), CitizenshipGroup::kOtherEuEea);
  EXPECT_EQ(CitizenshipGroupOf(Known({"UA", "TH"}), on, m), CitizenshipGroup::kOutsideEuEea);
}

TEST(CitizenshipGroup, CodesAreReadLeniently) {
  const auto& m = Membership();
  const CivilDate on = D(2024, 6, 1);
  EXPECT_EQ(CitizenshipGroupOf(Known({"se"}), on, m), CitizenshipGroup::kSweden);
  EXPECT_EQ(CitizenshipGroupOf(Known({"SWE"}), on, m), CitizenshipGroup::kUnknown);
  EXPECT_EQ(CitizenshipGroupOf(Known({"S1", "NG"}), on, m), CitizenshipGroup::kOutsideEuEea);
}

TEST(CitizenshipGroup, WordsRoundTrip) {
  EXPECT_EQ(AllCitizenshipGroups().size(), 5u);
  for (auto g : AllCitizenshipGroups()) EXPECT_EQ(ParseCitizenshipGroup(ToString(g)), g);
  EXPECT_EQ(ToString(CitizenshipGroup::kOtherEuEea), "other_eu_eea");
}

TEST(EurostatCitizenship, EeaEftaAndStatelessAreNonEu) {
  const auto& m = Membership();
  const CivilDate on = D(2024, 6, 1);
  EXPECT_EQ(EurostatCitizenshipOf(Known({"SE", "NO"}), on, m),
            EurostatCitizenship::kReportingCountry);
  EXPECT_EQ(EurostatCitizenshipOf(Known({"RO"}), on, m), EurostatCitizenship::kOtherEu);
  EXPECT_EQ(EurostatCitizenshipOf(Known({"NO"}), on, m), EurostatCitizenship::kNonEu);
  EXPECT_EQ(EurostatCitizenshipOf(Known({"GB"}), D(2020, 2, 1), m), EurostatCitizenship::kNonEu);
  EXPECT_EQ(EurostatCitizenshipOf({cases::CitizenshipStatus::kStateless, {}}, on, m),
            EurostatCitizenship::kNonEu);
  EXPECT_EQ(EurostatCitizenshipOf({cases::CitizenshipStatus::kUnknown, {}}, on, m),
            EurostatCitizenship::kUnknown);
  EXPECT_EQ(ToString(EurostatCitizenship::kReportingCountry), "reporting_country");
}

}  // namespace
}  // namespace opennrm::stats
