#include "domain/stats/dimension.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace opennrm::stats {
namespace {

TEST(Dimension, EveryDimensionHasAWordThatParsesBack) {
  std::set<std::string> words;
  for (Dimension d : AllDimensions()) {
    auto word = std::string(ToString(d));
    EXPECT_TRUE(words.insert(word).second) << word;
    EXPECT_EQ(ParseDimension(word), d);
    EXPECT_FALSE(IsFinerThanCounty(d)) << word;
  }
  EXPECT_EQ(words.size(), 16u);
}

TEST(Dimension, UnknownWordsAreRefused) {
  EXPECT_FALSE(ParseDimension("municipality"));
  EXPECT_FALSE(ParseDimension("Year"));
  EXPECT_FALSE(ParseDimension(""));
}

TEST(Dimension, MultiValuedAndPeriods) {
  EXPECT_TRUE(IsMultiValued(Dimension::kForm));
  EXPECT_TRUE(IsMultiValued(Dimension::kSector));
  EXPECT_TRUE(IsMultiValued(Dimension::kStep));
  EXPECT_FALSE(IsMultiValued(Dimension::kGender));
  EXPECT_TRUE(IsPeriod(Dimension::kQuarter));
  EXPECT_FALSE(IsPeriod(Dimension::kCounty));
}

}  // namespace
}  // namespace opennrm::stats
