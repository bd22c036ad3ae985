#include "statistics_seed_rows.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include "domain/stats/fact.hpp"
#include "synthetic_victims.hpp"

namespace opennrm::bench {

namespace {

// Relative shares of the rows by kind of organisation (the release series).
const std::vector<std::pair<orgs::Kind, double>> kKindShares = {
    {orgs::Kind::kRegionalCoordinator, 55},
    {orgs::Kind::kMunicipalSocialServices, 20},
    {orgs::Kind::kPoliceRegion, 10},
    {orgs::Kind::kNgoShelter, 8},
    {orgs::Kind::kIom, 4},
    {orgs::Kind::kMigrationAgency, 3},
};

std::string Day(int day) { return FormatIsoDate(stats::DateOfDayNumber(day)); }

long long DayStartUs(int day) {  // 00:00 UTC
  const CivilDate d = stats::DateOfDayNumber(day);
  const std::chrono::sys_days days{std::chrono::year{d.year} / std::chrono::month{d.month} /
                                   std::chrono::day{d.day}};
  return std::chrono::duration_cast<std::chrono::microseconds>(days.time_since_epoch()).count();
}

}  // namespace

Result<SyntheticStatisticsRows> SyntheticStatisticsRows::Make(
    const geo::Geography& geography, std::vector<SeedOrganisation> organisations, int first_year,
    int last_year, CivilDate today, long long now_us, std::string steps_version,
    std::uint64_t seed) {
  SyntheticStatisticsRows g;
  g.rng_.seed(seed);
  g.first_day_ = stats::DayNumber({first_year, 1, 1});
  g.today_ = stats::DayNumber(today);
  g.now_us_ = now_us;
  g.last_day_ = std::min(stats::DayNumber({last_year, 12, 31}), g.today_);
  g.steps_version_ = std::move(steps_version);
  std::vector<double> region_weights;
  for (const auto& r : kSyntheticRegions) {
    Region region{r.id, {}, {}};
    std::vector<double> population;
    for (const auto* c : geography.CountiesOf(r.id)) {
      region.counties.push_back(c->code);
      population.push_back(c->population ? static_cast<double>(c->population->count) : 1.0);
    }
    if (region.counties.empty()) return Internal(std::string("No county in police region ") + r.id);
    region.county = std::discrete_distribution<int>(population.begin(), population.end());
    g.regions_.push_back(std::move(region));
    region_weights.push_back(r.weight);
  }
  g.region_ = std::discrete_distribution<int>(region_weights.begin(), region_weights.end());
  std::vector<double> kind_weights;
  for (const auto& [kind, share] : kKindShares) {
    if (std::none_of(organisations.begin(), organisations.end(),
                     [&](const auto& o) { return o.kind == kind; })) {
      continue;
    }
    g.kinds_.push_back(kind);
    kind_weights.push_back(share);
  }
  g.kind_ = std::discrete_distribution<int>(kind_weights.begin(), kind_weights.end());
  g.gender_ = std::discrete_distribution<int>(kGenderWeights.begin(), kGenderWeights.end());
  g.adult_age_ = std::discrete_distribution<int>({22, 32, 22, 14, 7, 1, 2});  // 18_24 .. unknown
  g.country_ = std::discrete_distribution<int>(kCountryWeights.begin(), kCountryWeights.end());
  g.case_type_ = std::discrete_distribution<int>({55, 35, 4, 4, 2});  // cases::AllCaseTypes order
  g.form_count_ =
      std::discrete_distribution<int>(kMainFormCountWeights.begin(), kMainFormCountWeights.end());
  g.sector_ = std::discrete_distribution<int>({25, 20, 15, 15, 10, 5, 5, 5});
  g.outcome_ = std::discrete_distribution<int>({35, 20, 25, 12, 8});
  g.per_kind_.assign(orgs::AllKinds().size(), 0);
  g.organisations_ = std::move(organisations);
  for (const auto& r : g.regions_) {
    bool served = std::any_of(g.organisations_.begin(), g.organisations_.end(), [&](const auto& o) {
      return o.kind == orgs::Kind::kRegionalCoordinator &&
             std::count(o.coverage.codes.begin(), o.coverage.codes.end(), r.id) > 0;
    });
    if (!served) return Internal("No regional coordinator with a user serves " + r.id + ".");
  }
  return g;
}

// A moment of `day` (Stockholm): between 00:00 and 22:00 UTC, never after
// now, so that no two rows share a time and none is in the future.
long long SyntheticStatisticsRows::MomentOf(int day) {
  constexpr long long kHourUs = 3600LL * 1'000'000;
  const long long at =
      DayStartUs(day) + std::uniform_int_distribution<long long>(0, 22 * kHourUs - 1)(rng_);
  return std::min(at, now_us_ - 1'000'000);
}

// An organisation of a drawn kind that serves the place; a regional
// coordinator of the region when none of that kind does.
const SeedOrganisation& SyntheticStatisticsRows::DrawOrganisation(const std::string& region,
                                                                  const std::string& county) {
  auto serves = [&](const SeedOrganisation& o) {
    const auto& codes = o.coverage.codes;
    auto has = [&](const std::string& code) {
      return std::find(codes.begin(), codes.end(), code) != codes.end();
    };
    switch (o.coverage.scope) {
      case orgs::CoverageScope::kNational:
        return true;
      case orgs::CoverageScope::kPoliceRegions:
        return has(region);
      case orgs::CoverageScope::kCounties:
        return has(county);
      case orgs::CoverageScope::kMunicipalities:  // municipal codes start with the county's
        return std::any_of(codes.begin(), codes.end(),
                           [&](const std::string& m) { return m.rfind(county, 0) == 0; });
    }
    return false;
  };
  for (orgs::Kind kind :
       {kinds_[static_cast<size_t>(kind_(rng_))], orgs::Kind::kRegionalCoordinator}) {
    std::vector<const SeedOrganisation*> fit;
    for (const auto& o : organisations_) {
      if (o.kind == kind && serves(o)) fit.push_back(&o);
    }
    if (fit.empty()) continue;
    const SeedOrganisation& o = *fit[static_cast<size_t>(Between(0, int(fit.size()) - 1))];
    ++per_kind_[static_cast<size_t>(kind)];
    return o;
  }
  return organisations_.front();  // unreachable: Make checked every region has one
}

SeedRow SyntheticStatisticsRows::Next() {
  SeedRow row;
  const int recorded = Between(first_day_, last_day_);
  auto& region = regions_[static_cast<size_t>(region_(rng_))];
  const std::string& county = region.counties[static_cast<size_t>(region.county(rng_))];
  const SeedOrganisation& org = DrawOrganisation(region.id, county);
  row.person.organisation_id = org.id;
  row.person.organisation_kind = std::string(orgs::ToString(org.kind));
  row.person.recorded_on = Day(recorded);
  DrawCategories(row);
  if (!row.person.is_protected) {
    row.facts.police_region = region.id;
    row.facts.county = county;
  }
  DrawExploitation(row);
  const bool foreign = row.person.citizenship_group == "other_eu_eea" ||
                       row.person.citizenship_group == "outside_eu_eea";
  const int last_step = DrawSteps(row, recorded, foreign);
  const int last_clock = DrawClocks(row, recorded, foreign);
  const int closed = DrawClosure(row, std::max(last_step, last_clock));

  auto& c = row.kase;
  c.created_at_us = MomentOf(recorded);
  if (closed >= 0) c.closed_at_us = std::max(c.created_at_us, MomentOf(closed));
  row.facts.updated_at_us = std::max(
      {c.created_at_us, c.closed_at_us.value_or(0), MomentOf(std::max(last_step, last_clock))});
  c.organisation_id = org.id;
  c.type = row.facts.case_type;
  c.status = row.facts.status;
  c.closure_reason = row.facts.outcome;
  c.steps_version = steps_version_;
  c.created_by = org.user_id;
  c.updated_at_us = row.facts.updated_at_us;
  return row;
}

}  // namespace opennrm::bench
