#include "domain/stats/person_categories.hpp"

#include <gtest/gtest.h>

namespace opennrm::stats {
namespace {

CivilDate D(int y, unsigned m, unsigned d) { return CivilDate{y, m, d}; }

const EuEeaMembership& Membership() {
  static const EuEeaMembership m = [] {
    auto r = EuEeaMembership::Build({
        {"SE", Bloc::kEu, D(1995, 1, 1), std::nullopt, "Act of Accession 1994"},
        {"RO", Bloc::kEu, D(2007, 1, 1), std::nullopt, "Act of Accession 2005"},
        {"NO", Bloc::kEeaEfta, D(1994, 1, 1), std::nullopt, "EEA Agreement"},
    });
    EXPECT_TRUE(r);
    return std::move(*r);
  }();
  return m;
}

cases::Person Adult(cases::Gender g, std::vector<std::string> countries) {
  cases::Person p;
  p.gender = g;
  p.date_of_birth = cases::PartialDate{1990, 5, 1};
  p.citizenship = {cases::CitizenshipStatus::kKnown, std::move(countries)};
  return p;
}

TEST(PersonCategories, AnAdultWomanOfOneCountry) {
  auto c = CategoriesOf(Adult(cases::Gender::kFemale, {"TH"}), D(2026, 11, 29), Membership());
  EXPECT_EQ(c.gender, GenderCategory::kWoman);
  EXPECT_EQ(c.age, AgeGroup::k35To44);
  EXPECT_EQ(c.citizenship, CitizenshipGroup::kOutsideEuEea);
  EXPECT_EQ(c.country, "TH");
}

TEST(PersonCategories, TheCountryThatDecidedTheGroupIsKept) {
  auto on = D(2026, 11, 29);
  EXPECT_EQ(CategoriesOf(Adult(cases::Gender::kMale, {"UA", "ro"}), on, Membership()).country,
            "RO");
  EXPECT_EQ(CategoriesOf(Adult(cases::Gender::kMale, {"RO", "SE"}), on, Membership()).country,
            "SE");
  EXPECT_EQ(CategoriesOf(Adult(cases::Gender::kMale, {"NG", "UA"}), on, Membership()).country,
            "NG");
}

TEST(PersonCategories, AChildByEstimateIsAGirlOrBoy) {
  cases::Person p = Adult(cases::Gender::kMale, {"RO"});
  p.date_of_birth = cases::AgeRange{15, 19, D(2026, 11, 1)};  // the youngest age decides
  auto c = CategoriesOf(p, D(2026, 11, 29), Membership());
  EXPECT_EQ(c.age, AgeGroup::k12To17);
  EXPECT_EQ(c.gender, GenderCategory::kBoy);
  EXPECT_EQ(c.citizenship, CitizenshipGroup::kOtherEuEea);
}

TEST(PersonCategories, UnknownStatelessAndProtectedKeepNoCountry) {
  auto on = D(2026, 11, 29);
  cases::Person unknown;
  auto u = CategoriesOf(unknown, on, Membership());
  EXPECT_EQ(u.age, AgeGroup::kUnknown);
  EXPECT_EQ(u.gender, GenderCategory::kNotRecorded);
  EXPECT_EQ(u.citizenship, CitizenshipGroup::kUnknown);
  EXPECT_EQ(u.country, "");
  cases::Person stateless = Adult(cases::Gender::kFemale, {});
  stateless.citizenship.status = cases::CitizenshipStatus::kStateless;
  EXPECT_EQ(CategoriesOf(stateless, on, Membership()).citizenship, CitizenshipGroup::kStateless);
  EXPECT_EQ(CategoriesOf(stateless, on, Membership()).country, "");
  cases::Person hidden = Adult(cases::Gender::kFemale, {"TH"});
  hidden.protection = cases::ProtectionLevel::kSecrecyMarking;
  auto h = CategoriesOf(hidden, on, Membership());
  EXPECT_EQ(h.citizenship, CitizenshipGroup::kOutsideEuEea) << "the group is still counted";
  EXPECT_EQ(h.country, "");
}

}  // namespace
}  // namespace opennrm::stats
