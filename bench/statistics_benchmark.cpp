// The aggregation engine (issue 7 item 9): stats::Aggregate over 1,000,000
// synthetic presumed-victim facts spread over ten years (2016-2025), with the
// skew of bench/synthetic_victims.hpp (like Sweden's published figures). One
// year, national: police region x gender, county x form, month x nothing.
// Prints the snapshot's memory.
// Run: build-rel/bench/statistics_benchmark
#include <benchmark/benchmark.h>

#include <iostream>
#include <random>

#include "app/statistics/fact_cache.hpp"
#include "app/statistics/fact_decode.hpp"
#include "domain/stats/aggregate.hpp"
#include "synthetic_victims.hpp"

namespace {

using namespace opennrm;

using bench::kSyntheticRegions;

std::shared_ptr<const stats::FactSnapshot> Synthetic(size_t n) {
  app::statistics::FactDecoder decoder(nullptr, nullptr);
  auto s = std::make_shared<stats::FactSnapshot>();
  s->dictionary = decoder.dictionary();
  auto& d = s->dictionary;
  std::vector<std::vector<uint8_t>> region_counties;
  for (const auto& r : kSyntheticRegions) {
    d.police_regions.push_back(r.id);
    region_counties.emplace_back();
    for (const char* c : r.counties) {
      region_counties.back().push_back(static_cast<uint8_t>(d.counties.size()));
      d.counties.push_back(c);
      d.county_regions.push_back(static_cast<uint8_t>(d.police_regions.size() - 1));
    }
  }
  for (const char* c : bench::kCountries) d.countries.push_back(c);
  for (int i = 0; i < 40; ++i) d.steps.push_back("track.step" + std::to_string(i));
  for (int i = 0; i < 300; ++i) d.organisations.push_back("org-" + std::to_string(i));

  std::mt19937_64 rng(7);
  std::vector<double> region_weights;
  for (const auto& r : kSyntheticRegions) region_weights.push_back(r.weight);
  std::discrete_distribution<int> region(region_weights.begin(), region_weights.end());
  std::discrete_distribution<int> gender(bench::kGenderWeights.begin(),
                                         bench::kGenderWeights.end());
  std::discrete_distribution<int> country(bench::kCountryWeights.begin(),
                                          bench::kCountryWeights.end());
  std::discrete_distribution<int> form_count(bench::kMainFormCountWeights.begin(),
                                             bench::kMainFormCountWeights.end());
  std::uniform_int_distribution<int> day(stats::DayNumber({2016, 1, 1}),
                                         stats::DayNumber({2025, 12, 31}));
  std::uniform_int_distribution<int> any(0, 1 << 30);
  s->facts.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    stats::Fact f;
    f.recorded_on = day(rng);
    f.organisation = static_cast<uint32_t>(any(rng) % 300);
    f.organisation_kind = static_cast<uint8_t>(any(rng) % d.organisation_kinds.size());
    const int r = region(rng);
    f.police_region = static_cast<uint8_t>(r + 1);
    const auto& counties = region_counties[static_cast<size_t>(r)];
    f.county = counties[static_cast<size_t>(any(rng)) % counties.size()];
    f.gender = static_cast<stats::GenderCategory>(gender(rng));
    const bool child =
        f.gender == stats::GenderCategory::kGirl || f.gender == stats::GenderCategory::kBoy;
    f.age = child ? stats::AgeGroup::k12To17 : static_cast<stats::AgeGroup>(2 + any(rng) % 6);
    f.country = static_cast<uint16_t>((country(rng) + 1) % 11);
    f.case_type = static_cast<uint8_t>(1 + any(rng) % 2);
    for (int k = form_count(rng); k > 0; --k) f.forms |= 1u << (any(rng) % 2 == 0 ? 0 : 1);
    if (any(rng) % 10 == 0) f.forms |= 1u << (2 + any(rng) % 6);
    f.steps = (uint64_t{1} << (1 + any(rng) % 4)) - 1;
    f.flags = static_cast<uint16_t>(any(rng) & 0x1e);
    s->facts.push_back(f);
  }
  return s;
}

const std::shared_ptr<const stats::FactSnapshot>& Facts() {
  static const auto facts = [] {
    auto s = Synthetic(1'000'000);
    std::cout << "facts: " << s->facts.size() << ", sizeof(Fact): " << sizeof(stats::Fact)
              << " B, snapshot memory: " << app::statistics::SnapshotBytes(*s) / (1024.0 * 1024.0)
              << " MiB\n";
    return s;
  }();
  return facts;
}

void Run(benchmark::State& state, std::optional<stats::Dimension> rows,
         std::optional<stats::Dimension> columns) {
  const auto& facts = Facts();
  stats::FactQuery q;
  q.filter.from = {2025, 1, 1};
  q.filter.to = {2025, 12, 31};
  q.rows = rows;
  q.columns = columns;
  if (!stats::CheckQuery(q, facts->dictionary)) state.SkipWithError("query refused");
  long long total = 0;
  for (auto _ : state) {
    auto t = stats::Aggregate(*facts, q);
    total = t.total.value_or(0);
    benchmark::DoNotOptimize(t);
  }
  state.counters["facts_in_year"] = static_cast<double>(total);
  state.counters["facts_scanned_per_s"] = benchmark::Counter(
      static_cast<double>(facts->facts.size()), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_RegionByGender(benchmark::State& state) {
  Run(state, stats::Dimension::kPoliceRegion, stats::Dimension::kGender);
}
void BM_CountyByForm(benchmark::State& state) {
  Run(state, stats::Dimension::kCounty, stats::Dimension::kForm);
}
void BM_MonthTotal(benchmark::State& state) { Run(state, stats::Dimension::kMonth, std::nullopt); }

BENCHMARK(BM_RegionByGender)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CountyByForm)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MonthTotal)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
