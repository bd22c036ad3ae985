#include "cli/demo/random.hpp"

#include <algorithm>

namespace opennrm::cli::demo {

DemoRandom DemoRandom::ForCase(std::uint64_t seed, std::uint64_t index) {
  DemoRandom mix(seed ^ (index * 0x9E3779B97F4A7C15ULL + 0xD1B54A32D192ED03ULL));
  return DemoRandom(mix.Next() ^ index);
}

std::uint64_t DemoRandom::Next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

double DemoRandom::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

std::size_t DemoRandom::Below(std::size_t n) {
  return static_cast<std::size_t>(Unit() * static_cast<double>(n)) % n;
}

int DemoRandom::Between(int lo, int hi) {
  return lo + static_cast<int>(Below(static_cast<std::size_t>(hi - lo) + 1));
}

bool DemoRandom::Chance(double p) { return Unit() < p; }

std::size_t DemoRandom::Weighted(const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w;
  double x = Unit() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  // Rounding at the very end: the last index with any weight.
  for (std::size_t i = weights.size(); i-- > 0;) {
    if (weights[i] > 0) return i;
  }
  return 0;
}

WeightedIndex::WeightedIndex(const std::vector<double>& weights) {
  double sum = 0;
  cumulative_.reserve(weights.size());
  for (double w : weights) cumulative_.push_back(sum += std::max(0.0, w));
}

std::size_t WeightedIndex::Draw(DemoRandom& random) const {
  double x = random.Unit() * total();
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
  if (it == cumulative_.end()) --it;
  return static_cast<std::size_t>(it - cumulative_.begin());
}

}  // namespace opennrm::cli::demo
