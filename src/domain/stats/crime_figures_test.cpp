#include "domain/stats/crime_figures.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace opennrm::stats {
namespace {

TEST(CrimeFigures, NamesRoundTripAndEveryOffenceHasItsPenalCodeReference) {
  for (Offence o : AllOffences()) {
    EXPECT_EQ(ParseOffence(ToString(o)), o);
    EXPECT_EQ(PenalCodeReference(o).rfind("BrB ", 0), 0u) << ToString(o);
  }
  for (CrimeMeasure m : AllCrimeMeasures()) EXPECT_EQ(ParseCrimeMeasure(ToString(m)), m);
  for (CrimeBreakdown b : AllCrimeBreakdowns()) {
    EXPECT_EQ(ParseCrimeBreakdown(ToString(b)), b);
    EXPECT_FALSE(CrimeCategoriesOf(b).empty());
  }
  EXPECT_EQ(AllOffences().size(), 5u);
  EXPECT_EQ(PenalCodeReference(Offence::kTrafficking), "BrB 4 kap. 1 a §");
  EXPECT_EQ(PenalCodeReference(Offence::kHumanExploitation), "BrB 4 kap. 1 b §");
  EXPECT_EQ(PenalCodeReference(Offence::kProcuring), "BrB 6 kap. 12 §");
  EXPECT_EQ(PenalCodeReference(Offence::kPurchaseOfSexualAct), "BrB 6 kap. 11 §");
  EXPECT_EQ(PenalCodeReference(Offence::kChildSexualActPurchase), "BrB 6 kap. 9 §");
  EXPECT_EQ(ParseOffence("Trafficking"), std::nullopt);
  EXPECT_EQ(ParseCrimeMeasure("victims"), std::nullopt);
  EXPECT_EQ(ParseCrimeBreakdown(""), std::nullopt);
}

TEST(CrimeFigures, CategoriesFollowTheEurostatSplits) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(CrimeCategoriesOf(CrimeBreakdown::kTotal), (V{"total"}));
  EXPECT_EQ(CrimeCategoriesOf(CrimeBreakdown::kSex), (V{"male", "female", "unknown"}));
  EXPECT_EQ(CrimeCategoriesOf(CrimeBreakdown::kAge), (V{"child", "adult", "unknown"}));
  EXPECT_EQ(CrimeCategoriesOf(CrimeBreakdown::kCitizenship),
            (V{"reporting_country", "other_eu", "non_eu", "unknown"}));
  EXPECT_EQ(CrimeCategoriesOf(CrimeBreakdown::kForm), (V{"sexual", "labour", "other"}));
}

TEST(CrimeFigures, OffencesAreCountedInTotalOnlyAndFormOnlyForTrafficking) {
  for (Offence o : AllOffences()) {
    for (CrimeMeasure m : AllCrimeMeasures()) {
      EXPECT_EQ(BreakdownRefusal(o, m, CrimeBreakdown::kTotal), std::nullopt);
      for (CrimeBreakdown b : {CrimeBreakdown::kSex, CrimeBreakdown::kAge,
                               CrimeBreakdown::kCitizenship, CrimeBreakdown::kForm}) {
        auto refusal = BreakdownRefusal(o, m, b);
        if (m == CrimeMeasure::kReportedOffences) {
          EXPECT_EQ(refusal, "not_for_measure");
        } else if (b == CrimeBreakdown::kForm && o != Offence::kTrafficking) {
          EXPECT_EQ(refusal, "not_for_offence") << ToString(o);
        } else {
          EXPECT_EQ(refusal, std::nullopt) << ToString(o) << " " << ToString(b);
        }
      }
    }
  }
}

TEST(CrimeFigures, ListedByYearThenTheListsOwnOrder) {
  auto fig = [](int year, Offence o, CrimeMeasure m, CrimeBreakdown b, std::string c) {
    CrimeFigure f;
    f.year = year;
    f.offence = o;
    f.measure = m;
    f.breakdown = b;
    f.category = std::move(c);
    return f;
  };
  std::vector<CrimeFigure> v{
      fig(2024, Offence::kProcuring, CrimeMeasure::kReportedOffences, CrimeBreakdown::kTotal,
          "total"),
      fig(2024, Offence::kTrafficking, CrimeMeasure::kSuspectedPersons, CrimeBreakdown::kSex,
          "unknown"),
      fig(2024, Offence::kTrafficking, CrimeMeasure::kSuspectedPersons, CrimeBreakdown::kSex,
          "male"),
      fig(2023, Offence::kChildSexualActPurchase, CrimeMeasure::kConvictedPersons,
          CrimeBreakdown::kTotal, "total"),
      fig(2024, Offence::kTrafficking, CrimeMeasure::kReportedOffences, CrimeBreakdown::kTotal,
          "total"),
  };
  std::sort(v.begin(), v.end(), ListedBefore);
  EXPECT_EQ(v[0].year, 2023);
  EXPECT_EQ(v[1].measure, CrimeMeasure::kReportedOffences);
  EXPECT_EQ(v[2].category, "male");  // list order, not alphabetical
  EXPECT_EQ(v[3].category, "unknown");
  EXPECT_EQ(v[4].offence, Offence::kProcuring);
}

}  // namespace
}  // namespace opennrm::stats
