#include "domain/cases/places.hpp"

#include <gtest/gtest.h>

#include "domain/cases/cases_test_support.hpp"

namespace opennrm::cases {
namespace {

using testing::Rules;

constexpr CivilDate kToday{2026, 3, 15};

PartialDate P(const char* text) { return *ParsePartialDate(text); }

std::vector<std::string> PlaceRules(const Places& places) {
  Problems p;
  CheckPlaces(places, testing::TestLookups(), "places", p);
  return Rules(p);
}

std::vector<std::string> PeriodRules(const Period& period) {
  Problems p;
  CheckPeriod(period, kToday, "period", p);
  return Rules(p);
}

TEST(Places, AcceptsKnownCodesSwedenIncluded) {
  EXPECT_TRUE(PlaceRules({{"0180", "1480"}, {"RO"}, {"DE", "PL"}, {"SE"}}).empty());
}

TEST(Places, NamesEachUnknownCode) {
  EXPECT_EQ(PlaceRules({{"0180", "9999"}, {"XX"}, {"se"}, {"SE", "SE"}}),
            (std::vector<std::string>{"places.municipalities[1]/unknown_municipality",
                                      "places.recruitment_countries[0]/unknown_country",
                                      "places.transit_countries[0]/unknown_country",
                                      "places.exploitation_countries[1]/duplicate"}));
}

TEST(Places, AMissingPredicateKnowsNoCode) {
  Problems p;
  CheckPlaces({{"0180"}, {}, {}, {"SE"}}, Lookups{}, "places", p);
  EXPECT_EQ(Rules(p),
            (std::vector<std::string>{"places.municipalities[0]/unknown_municipality",
                                      "places.exploitation_countries[0]/unknown_country"}));
}

TEST(Period, OpenAndPartialEndsAreFine) {
  EXPECT_TRUE(PeriodRules({}).empty());
  EXPECT_TRUE(PeriodRules({P("2025-06"), std::nullopt}).empty());
  EXPECT_TRUE(PeriodRules({std::nullopt, P("2025")}).empty());
  // Overlapping partial ends: "2025" to "2025-03" may well be in order.
  EXPECT_TRUE(PeriodRules({P("2025"), P("2025-03")}).empty());
  EXPECT_TRUE(PeriodRules({P("2025-03-10"), P("2025-03")}).empty());
  EXPECT_TRUE(PeriodRules({P("2025-03-10"), P("2025-03-10")}).empty());
}

TEST(Period, EndBeforeStartIsRefused) {
  EXPECT_EQ(PeriodRules({P("2025-03-10"), P("2025-03-09")}),
            std::vector<std::string>{"period.to/end_before_start"});
  EXPECT_EQ(PeriodRules({P("2025-03"), P("2025-02")}),
            std::vector<std::string>{"period.to/end_before_start"});
  EXPECT_EQ(PeriodRules({P("2025"), P("2024-12-31")}),
            std::vector<std::string>{"period.to/end_before_start"});
}

TEST(Period, StartInTheFutureOrInvalidIsRefused) {
  EXPECT_EQ(PeriodRules({P("2026-03-16"), std::nullopt}),
            std::vector<std::string>{"period.from/not_future"});
  EXPECT_TRUE(PeriodRules({P("2026-03"), std::nullopt}).empty());  // may have started today
  EXPECT_EQ(PeriodRules({PartialDate{2025, 2, 30}, PartialDate{2025, 13, 0}}),
            (std::vector<std::string>{"period.from/format", "period.to/format"}));
}

}  // namespace
}  // namespace opennrm::cases
