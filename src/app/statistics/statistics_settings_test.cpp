#include "app/statistics/statistics_settings.hpp"

#include <gtest/gtest.h>

namespace opennrm::app::statistics {
namespace {

bool Fails(const Status& st, const std::string& field, const std::string& rule) {
  return !st && !st.error().fields.empty() && st.error().fields[0].field == field &&
         st.error().fields[0].rule == rule;
}

TEST(StatisticsSettings, DefaultsAreSound) { EXPECT_TRUE(CheckStatisticsSettings({})); }

TEST(StatisticsSettings, RefusesUnsafeOrImpossibleValues) {
  StatisticsSettings s;
  s.threshold = 4;  // below the minimum of 5
  EXPECT_TRUE(Fails(CheckStatisticsSettings(s), "statistics.threshold", "below_minimum"));
  s = {};
  s.minimum_threshold = 2;
  s.threshold = 2;
  EXPECT_TRUE(Fails(CheckStatisticsSettings(s), "statistics.minimum_threshold", "range"));
  s = {};
  s.rounding_base = 0;
  EXPECT_TRUE(Fails(CheckStatisticsSettings(s), "statistics.rounding_base", "range"));
  s.rounding_base = 101;
  EXPECT_TRUE(Fails(CheckStatisticsSettings(s), "statistics.rounding_base", "range"));
  s = {};
  s.threshold = 3;
  s.minimum_threshold = 3;
  s.rounding_base = 5;
  EXPECT_TRUE(CheckStatisticsSettings(s));
}

}  // namespace
}  // namespace opennrm::app::statistics
