#include "app/statistics/publisher.hpp"

#include <cmath>
#include <map>
#include <set>

#include "app/statistics/release_consistency.hpp"

namespace opennrm::app::statistics {

namespace {

// Enough for every cell of a release to be forced one at a time; reached
// only by a bug (forced cells grow every round or the loop stops).
constexpr int kMaxRounds = 1000;

stats::ProtectedRate Rounded(stats::ProtectedRate r, double scale) {
  if (r.value) r.value = std::round(*r.value * scale) / scale;
  return r;
}

std::vector<stats::ProtectedRate> RatesOf(const RawTable& raw, const stats::ProtectedTable& t,
                                          const geo::Geography& geography, int year) {
  std::vector<stats::ProtectedRate> out;
  if (raw.geography.empty()) return out;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    auto population = PopulationOf(geography, raw.geography, t.rows[r], year);
    out.push_back(Rounded(stats::RateOf(t.row_totals[r], population, 100000.0), 100.0));
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<stats::ProtectedRate>>> SharesOf(
    const RawTable& raw, const stats::ProtectedTable& t) {
  std::vector<std::pair<std::string, std::vector<stats::ProtectedRate>>> out;
  if (raw.share_base.empty()) return out;
  size_t base = t.columns.size();
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c] == raw.share_base) base = c;
  }
  if (base == t.columns.size()) return out;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (c == base) continue;
    std::vector<stats::ProtectedRate> shares;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      shares.push_back(Rounded(stats::ShareOf(t.cells[r][c], t.cells[r][base]), 10.0));
    }
    out.emplace_back(t.columns[c], std::move(shares));
  }
  return out;
}

}  // namespace

std::optional<double> PopulationOf(const geo::Geography& geography, const std::string& level,
                                   const std::string& code, int year) {
  auto county_population = [&](const geo::County& c) -> std::optional<double> {
    if (!c.population || c.population->year > year || c.population->count <= 0) {
      return std::nullopt;
    }
    return static_cast<double>(c.population->count);
  };
  if (level == "county") {
    const auto* c = geography.FindCounty(code);
    return c ? county_population(*c) : std::nullopt;
  }
  if (level == "police_region") {
    if (!geography.FindPoliceRegion(code)) return std::nullopt;
    double sum = 0;
    auto counties = geography.CountiesOf(code);
    if (counties.empty()) return std::nullopt;
    for (const auto* c : counties) {
      auto p = county_population(*c);
      if (!p) return std::nullopt;
      sum += *p;
    }
    return sum;
  }
  return std::nullopt;
}

Result<std::vector<ports::PublishedTable>> ProtectRelease(const ReleaseToProtect& in,
                                                          const geo::Geography& geography) {
  const size_t n = in.tables.size();
  std::set<std::pair<std::string, std::string>> keys;
  std::vector<const RawTable*> raw;
  std::vector<stats::SdcPolicy> policies;
  std::vector<const stats::ProtectedTable*> earlier(n, nullptr);
  std::map<std::pair<std::string, std::string>, const stats::ProtectedTable*> before;
  for (const auto& e : in.earlier) before[{e.id, e.series}] = &e.table;
  for (size_t i = 0; i < n; ++i) {
    const RawTable& t = in.tables[i];
    if (!keys.insert({t.id, t.series}).second) {
      return Internal("Two statistics tables of a release are both " + t.id + " " + t.series + ".");
    }
    if (auto st = stats::CheckTable(t.counts); !st) {
      return Internal("The statistics table " + t.id +
                      " does not hold together: " + st.error().message);
    }
    raw.push_back(&t);
    policies.push_back(t.official ? stats::SdcPolicy{1, 1} : in.policy);
    auto it = before.find({t.id, t.series});
    if (it != before.end()) earlier[i] = it->second;
  }

  std::vector<std::vector<stats::CellKey>> forced(n);
  std::vector<stats::ProtectedTable> published(n);
  std::vector<bool> dirty(n, true);
  for (int round = 0;; ++round) {
    if (round == kMaxRounds) return Internal("Disclosure control of the release did not settle.");
    for (size_t i = 0; i < n; ++i) {
      if (dirty[i])
        published[i] = stats::Protect(raw[i]->counts, policies[i], earlier[i], forced[i]);
    }
    auto more = MoreToHide(raw, published, geography);
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
      dirty[i] = !more[i].empty();
      any = any || dirty[i];
      forced[i].insert(forced[i].end(), more[i].begin(), more[i].end());
    }
    if (!any) break;
  }

  std::vector<ports::PublishedTable> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const RawTable& t = *raw[i];
    ports::PublishedTable p;
    p.id = t.id;
    p.group = t.group;
    p.series = t.series;
    p.row_dimension = t.row_dimension;
    p.column_dimension = t.column_dimension;
    p.geography = t.geography;
    p.official = t.official;
    p.share_base = t.share_base;
    p.rates_per_100000 = RatesOf(t, published[i], geography, in.year);
    p.shares = SharesOf(t, published[i]);
    p.table = std::move(published[i]);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace opennrm::app::statistics
