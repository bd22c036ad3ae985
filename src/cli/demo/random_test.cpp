#include "cli/demo/random.hpp"

#include <gtest/gtest.h>

namespace opennrm::cli::demo {
namespace {

TEST(DemoRandom, TheSameSeedGivesTheSameSequenceOnEveryPlatform) {
  DemoRandom a(42), b(42), c(43);
  // SplitMix64's published first output for seed 42 after one increment.
  std::uint64_t first = a.Next();
  EXPECT_EQ(first, b.Next());
  EXPECT_NE(first, c.Next());
  EXPECT_EQ(DemoRandom(0).Next(), 0xE220A8397B1DCDAFULL);  // SplitMix64 reference value
}

TEST(DemoRandom, CaseStreamsDependOnSeedAndIndexOnly) {
  EXPECT_EQ(DemoRandom::ForCase(7, 100).Next(), DemoRandom::ForCase(7, 100).Next());
  EXPECT_NE(DemoRandom::ForCase(7, 100).Next(), DemoRandom::ForCase(7, 101).Next());
  EXPECT_NE(DemoRandom::ForCase(7, 100).Next(), DemoRandom::ForCase(8, 100).Next());
}

TEST(DemoRandom, DrawsStayInRangeAndFollowWeights) {
  DemoRandom r(1);
  int counts[3] = {0, 0, 0};
  for (int i = 0; i < 30000; ++i) {
    int x = r.Between(-2, 2);
    ASSERT_GE(x, -2);
    ASSERT_LE(x, 2);
    double u = r.Unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ++counts[r.Weighted({1, 0, 3})];
  }
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[2] / 30000.0, 0.75, 0.02);
}

TEST(WeightedIndex, SkipsZeroWeightsAndFollowsTheRest) {
  WeightedIndex index({0, 2, 0, 6});
  DemoRandom r(3);
  int counts[4] = {0, 0, 0, 0};
  for (int i = 0; i < 20000; ++i) ++counts[index.Draw(r)];
  EXPECT_EQ(counts[0], 0);
  EXPECT_EQ(counts[2], 0);
  EXPECT_NEAR(counts[3] / 20000.0, 0.75, 0.02);
}

}  // namespace
}  // namespace opennrm::cli::demo
