// Micro-benchmarks of the pieces every directory request goes through.
// Run: build/bench/micro_benchmark   (from the repository root: it reads data/)
#include <benchmark/benchmark.h>

#include "cli/reference_files.hpp"
#include "domain/geo/geography.hpp"
#include "domain/orgs/coverage.hpp"
#include "domain/orgs/seed.hpp"
#include "domain/text/fold.hpp"
#include "http/router.hpp"

namespace {

using namespace opennrm;

const geo::Geography& Sweden() {
  static const geo::Geography g = [] {
    auto files = cli::ReadReferenceFiles("data");
    return geo::Geography::Build(files.value().data.geography).value();
  }();
  return g;
}

void BM_Fold(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(text::Fold("Socialtjänsten, Örnsköldsviks kommun"));
}
BENCHMARK(BM_Fold);

void BM_LocateMunicipality(benchmark::State& state) {
  const auto& g = Sweden();
  for (auto _ : state) benchmark::DoNotOptimize(g.Locate("2584"));
}
BENCHMARK(BM_LocateMunicipality);

// Filtering the whole seeded directory (332 organisations) for one place.
void BM_CoverageFilter(benchmark::State& state) {
  const auto& g = Sweden();
  auto seed = orgs::SeedDirectory(g);
  auto place = *g.Locate("0180");
  for (auto _ : state) {
    int n = 0;
    for (const auto& e : seed) n += orgs::Covers(e.draft.coverage, place);
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(BM_CoverageFilter);

void BM_RouterFind(benchmark::State& state) {
  http::Router router;
  for (const char* p :
       {"/healthz", "/readyz", "/metrics", "/api/v1/geo/counties", "/api/v1/geo/counties/{code}",
        "/api/v1/geo/municipalities", "/api/v1/geo/municipalities/{code}", "/api/v1/organisations",
        "/api/v1/organisations/coverage", "/api/v1/organisations/{id}"}) {
    router.Add({"GET", p, nullptr});
  }
  for (auto _ : state)
    benchmark::DoNotOptimize(router.Find("GET", "/api/v1/organisations/coverage"));
}
BENCHMARK(BM_RouterFind);

}  // namespace

BENCHMARK_MAIN();
