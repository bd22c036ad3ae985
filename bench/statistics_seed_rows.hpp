// Synthetic statistics rows for bench/statistics_seed (issue 7 item 9): one
// presumed victim per case, as the case-management code writes its row
// (src/app/cases/statistics_facts.cpp) — categories, forms and sectors, the
// police region and county of the case, the steps reached with their days
// (track moves), the reflection-period and residence-permit clocks with their
// status, and the closure — with the skew of bench/synthetic_victims.hpp.
// The organisation is drawn by kind (regional coordinators hold the largest
// share: their series is the national headline) among those that serve the
// drawn police region. Synthetic only; no row describes a real person.
// Not thread-safe: one generator per thread.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/geo/geography.hpp"
#include "domain/orgs/organisation.hpp"
#include "ports/case_repository.hpp"
#include "ports/statistics_fact_repository.hpp"

namespace opennrm::bench {

// An organisation synthetic cases may belong to.
struct SeedOrganisation {
  std::string id;
  orgs::Kind kind = orgs::Kind::kOther;
  std::string user_id;  // one of its users: the cases' creator
  orgs::Coverage coverage;
};

// One synthetic case with its one presumed victim. The ids and codes are
// left to the writer; the rest is filled.
struct SeedRow {
  ports::CaseRow kase;
  ports::VictimCategoriesRow person;
  ports::CaseFactsRow facts;
};

class SyntheticStatisticsRows {
 public:
  // Rows recorded from first_year-01-01 to last_year-12-31 (none after
  // `today`, no time after `now_us`), over `organisations` (of the release series' kinds), in
  // `geography`. Fails when no regional coordinator serves some police region.
  static Result<SyntheticStatisticsRows> Make(const geo::Geography& geography,
                                              std::vector<SeedOrganisation> organisations,
                                              int first_year, int last_year, CivilDate today,
                                              long long now_us, std::string steps_version,
                                              std::uint64_t seed);

  SeedRow Next();

  // How many rows each kind of organisation got so far, by the orgs::Kind value.
  const std::vector<long long>& per_kind() const { return per_kind_; }

 private:
  struct Region {
    std::string id;
    std::vector<std::string> counties;
    std::discrete_distribution<int> county;  // by population
  };
  SyntheticStatisticsRows() = default;
  const SeedOrganisation& DrawOrganisation(const std::string& region, const std::string& county);
  void DrawCategories(SeedRow& row);
  void DrawExploitation(SeedRow& row);
  // Each returns the day of the last thing it recorded (or `recorded`).
  int DrawSteps(SeedRow& row, int recorded, bool foreign);
  int DrawClocks(SeedRow& row, int recorded, bool foreign);
  // Closes the case, or not; the day it closed, or -1.
  int DrawClosure(SeedRow& row, int last_day);
  long long MomentOf(int day);
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  int Between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  std::mt19937_64 rng_;
  std::vector<Region> regions_;
  std::discrete_distribution<int> region_;
  std::vector<SeedOrganisation> organisations_;
  std::vector<orgs::Kind> kinds_;  // kinds with organisations, with their weights
  std::discrete_distribution<int> kind_;
  std::discrete_distribution<int> gender_, adult_age_, country_, case_type_, form_count_, sector_,
      outcome_;
  std::vector<long long> per_kind_;
  int first_day_ = 0, last_day_ = 0, today_ = 0;
  long long now_us_ = 0;
  std::string steps_version_;
};

}  // namespace opennrm::bench
