// The demo generator's source of chance: a small seeded generator
// (SplitMix64) whose sequence is the same on every platform and compiler, so
// one seed gives the same synthetic data everywhere (std::mt19937 would, but
// the standard distributions would not). Each case draws from a stream of its
// own, derived from the seed and the case's index, so plans do not depend on
// the order or the threads that make them. Not thread-safe: one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace opennrm::cli::demo {

class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed) {}
  // The stream of case `index` under `seed`.
  static DemoRandom ForCase(std::uint64_t seed, std::uint64_t index);

  std::uint64_t Next();
  // Uniform in [0, 1).
  double Unit();
  // Uniform in [0, n). REQUIRES: n > 0.
  std::size_t Below(std::size_t n);
  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int Between(int lo, int hi);
  // True with probability p.
  bool Chance(double p);
  // An index drawn with the given weights. REQUIRES: some weight > 0.
  std::size_t Weighted(const std::vector<double>& weights);

 private:
  std::uint64_t state_;
};

// Cumulative weights for repeated draws from one large table (for example 290
// municipalities by population): a draw is a binary search. Immutable once
// built; thread-safe to share.
class WeightedIndex {
 public:
  explicit WeightedIndex(const std::vector<double>& weights);
  std::size_t Draw(DemoRandom& random) const;
  std::size_t size() const { return cumulative_.size(); }
  double total() const { return cumulative_.empty() ? 0 : cumulative_.back(); }

 private:
  std::vector<double> cumulative_;
};

}  // namespace opennrm::cli::demo
