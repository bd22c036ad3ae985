// Routing decisions per second (issue 6 point 10): hotline::Route with the
// shipped rule set (data/rules/routing.toml), the shipped geography and a
// directory like the demo's (the seeded organisations: social services of
// the 290 municipalities, the regional coordinators, the police regions, the
// national authorities and IOM; plus the demo's shelters with capacity and
// occupancy), over varied situations: every municipality, topic, age group,
// citizenship group and gender, with and without immediate danger, consent,
// a wish to report or to return, a need for shelter.
// Run: build/bench/routing_benchmark   (from the repository root: it reads data/)
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "cli/demo/random.hpp"
#include "cli/demo/shelter_plan.hpp"
#include "cli/reference_files.hpp"
#include "cli/routing_rules_file.hpp"
#include "domain/geo/geography.hpp"
#include "domain/hotline/route.hpp"
#include "domain/orgs/seed.hpp"

namespace {

using namespace opennrm;

const CivilDate kToday = UtcDateOf(std::chrono::system_clock::now());

template <typename T>
T Or(Result<T> r, const char* what) {
  if (!r) {
    std::cerr << what << ": " << r.error().message << "\n";
    std::exit(1);
  }
  return std::move(*r);
}

struct Fixture {
  geo::Geography geography;
  hotline::RoutingRules rules;
  std::vector<orgs::Organisation> directory;
  std::vector<hotline::Situation> situations;
};

const Fixture& World() {
  static const Fixture f = [] {
    Fixture x;
    auto files = Or(cli::ReadReferenceFiles("data"), "data/");
    x.geography = Or(geo::Geography::Build(files.data.geography), "geography");
    x.rules = Or(cli::ReadRoutingRules("data/rules/routing.toml"), "routing.toml");
    int n = 0;
    for (auto& e : orgs::SeedDirectory(x.geography)) {
      x.directory.push_back({"org-" + std::to_string(++n), std::move(e.draft), false, e.seed_key});
    }
    for (auto& d : cli::demo::PlanShelters(x.geography, kToday, 1)) {
      x.directory.push_back({"org-" + std::to_string(++n), std::move(d), false, ""});
    }
    cli::demo::DemoRandom r(2026);
    const auto& topics = hotline::AllTopics();
    const auto& ages = hotline::AllAgeGroups();
    const auto& groups = hotline::AllCitizenshipGroups();
    const auto& genders = hotline::AllGenders();
    const auto forms = cases::AllExploitationForms();
    const auto& ms = x.geography.municipalities();
    for (std::size_t i = 0; i < 4 * ms.size(); ++i) {
      hotline::Situation s;
      s.municipality_code = ms[i % ms.size()].code;
      s.topic = topics[r.Below(topics.size())];
      if (r.Chance(0.7)) s.forms = {forms[r.Below(forms.size())]};
      s.age_group = ages[r.Below(ages.size())];
      s.citizenship = groups[r.Below(groups.size())];
      if (r.Chance(0.6)) s.holds_residence_permit = r.Chance(0.5);
      s.wants_to_report_to_police = r.Chance(0.2);
      s.wish_to_return = r.Chance(0.15);
      s.gender = genders[r.Below(genders.size())];
      s.needs_shelter = r.Chance(0.3);
      s.immediate_danger = r.Chance(0.1);
      s.consents_to_sharing = r.Chance(0.5);
      if (s.age_group == hotline::AgeGroup::kChild && r.Chance(0.5)) {
        s.social_services_involve_police = r.Chance(0.5);
      }
      x.situations.push_back(std::move(s));
    }
    return x;
  }();
  return f;
}

// One routing decision per iteration, cycling through the varied situations.
void BM_RouteShippedRules(benchmark::State& state) {
  const Fixture& f = World();
  std::size_t i = 0;
  std::size_t recommendations = 0;
  for (auto _ : state) {
    auto routed = hotline::Route(f.situations[i], kToday, f.geography, f.directory, f.rules);
    if (!routed) state.SkipWithError(routed.error().message.c_str());
    recommendations += routed->recommendations.size();
    benchmark::DoNotOptimize(routed);
    if (++i == f.situations.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["recommendations_per_decision"] =
      state.iterations() ? static_cast<double>(recommendations) / state.iterations() : 0;
  state.counters["rules"] = static_cast<double>(f.rules.rules().size());
  state.counters["organisations"] = static_cast<double>(f.directory.size());
}
BENCHMARK(BM_RouteShippedRules);

// The same with a need for shelter and immediate danger every time: the most rules apply.
void BM_RouteShelterAndDanger(benchmark::State& state) {
  const Fixture& f = World();
  std::vector<hotline::Situation> all = f.situations;
  for (auto& s : all) {
    s.needs_shelter = true;
    s.immediate_danger = true;
    s.consents_to_sharing = true;
  }
  std::size_t i = 0;
  for (auto _ : state) {
    auto routed = hotline::Route(all[i], kToday, f.geography, f.directory, f.rules);
    benchmark::DoNotOptimize(routed);
    if (++i == all.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_RouteShelterAndDanger);

}  // namespace

BENCHMARK_MAIN();
