#include "app/statistics/release_consistency.hpp"

#include <map>
#include <set>
#include <string>

namespace opennrm::app::statistics {

namespace {

using Key = std::pair<std::string, std::string>;  // (row, column); "" = margin

struct Grid {
  const RawTable* raw;
  const stats::ProtectedTable* published;
  std::map<std::string, size_t> row_index;
  std::map<std::string, size_t> column_index;
};

Grid GridOf(const RawTable* raw, const stats::ProtectedTable* published) {
  Grid g{raw, published, {}, {}};
  for (size_t r = 0; r < published->rows.size(); ++r) g.row_index[published->rows[r]] = r;
  for (size_t c = 0; c < published->columns.size(); ++c) g.column_index[published->columns[c]] = c;
  return g;
}

const stats::ProtectedCell* CellAt(const Grid& g, const Key& k) {
  const auto& t = *g.published;
  if (k.first.empty() && k.second.empty()) return &t.total;
  if (k.first.empty()) {
    auto c = g.column_index.find(k.second);
    return c == g.column_index.end() ? nullptr : &t.column_totals[c->second];
  }
  auto r = g.row_index.find(k.first);
  if (r == g.row_index.end()) return nullptr;
  if (k.second.empty()) return &t.row_totals[r->second];
  auto c = g.column_index.find(k.second);
  return c == g.column_index.end() ? nullptr : &t.cells[r->second][c->second];
}

stats::Count RawAt(const Grid& g, const Key& k) {
  const auto& t = g.raw->counts;
  if (k.first.empty() && k.second.empty()) return t.total;
  if (k.first.empty()) return t.column_totals[g.column_index.at(k.second)];
  const size_t r = g.row_index.at(k.first);
  if (k.second.empty()) return t.row_totals[r];
  return t.cells[r][g.column_index.at(k.second)];
}

bool Hidden(const Grid& g, const Key& k) {
  const auto* c = CellAt(g, k);
  return c && c->status == stats::CellStatus::kSuppressed;
}

bool Shown(const Grid& g, const Key& k) {
  const auto* c = CellAt(g, k);
  return c && c->status == stats::CellStatus::kShown;
}

std::string CountWord(const stats::Count& c) { return c ? std::to_string(*c) : "?"; }

std::string Signature(const std::string& series, const std::vector<std::string>& keys,
                      const std::vector<stats::Count>& values) {
  std::string s = series + "|";
  for (size_t i = 0; i < keys.size(); ++i) s += keys[i] + "=" + CountWord(values[i]) + ",";
  return s;
}

class Collector {
 public:
  explicit Collector(size_t n) : out_(n) {}
  void Hide(const std::vector<Grid>& grids, size_t table, const Key& k) {
    if (Hidden(grids[table], k) || !Shown(grids[table], k)) return;
    if (seen_.insert({table, k}).second) out_[table].push_back({k.first, k.second});
  }
  std::vector<std::vector<stats::CellKey>> Take() { return std::move(out_); }

 private:
  std::vector<std::vector<stats::CellKey>> out_;
  std::set<std::pair<size_t, Key>> seen_;
};

// Tables publishing the same margin line hide the same keys of it.
void ShareMargins(const std::vector<Grid>& grids, Collector& more) {
  std::map<std::string, std::vector<size_t>> by_rows, by_columns, by_total;
  for (size_t i = 0; i < grids.size(); ++i) {
    const RawTable& r = *grids[i].raw;
    if (r.official) continue;
    by_rows[Signature(r.series, r.counts.rows, r.counts.row_totals)].push_back(i);
    by_columns[Signature(r.series, r.counts.columns, r.counts.column_totals)].push_back(i);
    if (r.counts.total) by_total[r.series + "|" + CountWord(r.counts.total)].push_back(i);
  }
  auto share = [&](const std::map<std::string, std::vector<size_t>>& groups, auto keys_of) {
    for (const auto& [signature, members] : groups) {
      if (members.size() < 2) continue;
      std::set<Key> hidden;
      for (size_t i : members) {
        for (const Key& k : keys_of(grids[i])) {
          if (Hidden(grids[i], k)) hidden.insert(k);
        }
      }
      for (size_t i : members) {
        for (const Key& k : hidden) more.Hide(grids, i, k);
      }
    }
  };
  share(by_rows, [](const Grid& g) {
    std::vector<Key> ks;
    for (const auto& r : g.published->rows) ks.push_back({r, ""});
    return ks;
  });
  share(by_columns, [](const Grid& g) {
    std::vector<Key> ks;
    for (const auto& c : g.published->columns) ks.push_back({"", c});
    return ks;
  });
  share(by_total, [](const Grid&) { return std::vector<Key>{{"", ""}}; });
}

// The region of a county row ("unknown" for "unknown"); "" when not known.
std::string RegionOf(const geo::Geography& geography, const std::string& county) {
  if (county == "unknown") return "unknown";
  const auto* c = geography.FindCounty(county);
  return c ? c->police_region : "";
}

void RegionsAndCounties(const std::vector<Grid>& grids, const geo::Geography& geography,
                        Collector& more) {
  for (size_t ri = 0; ri < grids.size(); ++ri) {
    const RawTable& region = *grids[ri].raw;
    if (region.official || region.geography != "police_region") continue;
    for (size_t ci = 0; ci < grids.size(); ++ci) {
      const RawTable& county = *grids[ci].raw;
      if (county.official || county.geography != "county" || county.series != region.series ||
          county.group != region.group || county.column_dimension != region.column_dimension ||
          county.counts.columns != region.counts.columns) {
        continue;
      }
      std::map<std::string, std::vector<std::string>> counties_of;
      for (const auto& k : county.counts.rows) counties_of[RegionOf(geography, k)].push_back(k);
      std::vector<std::string> columns = county.counts.columns;
      columns.push_back("");  // the row totals
      for (const auto& r : region.counts.rows) {
        const auto& ks = counties_of[r];
        if (ks.empty()) continue;
        for (const auto& c : columns) {
          const Key rk{r, c};
          if (!RawAt(grids[ri], rk)) continue;  // unknown: no equation
          size_t hidden = 0;
          bool usable = true;
          for (const auto& k : ks) {
            usable = usable && RawAt(grids[ci], {k, c}).has_value();
            hidden += Hidden(grids[ci], {k, c}) ? 1 : 0;
          }
          if (!usable) continue;
          if (hidden == 1 && !Hidden(grids[ri], rk)) more.Hide(grids, ri, rk);
          if (hidden == 0 && Hidden(grids[ri], rk)) {
            const std::string* pick = nullptr;
            long long best = 0;
            for (const auto& k : ks) {
              const long long v = *RawAt(grids[ci], {k, c});
              if (v > 0 && (pick == nullptr || v < best)) pick = &k, best = v;
            }
            more.Hide(grids, ci, {pick ? *pick : ks.front(), c});
          }
        }
      }
    }
  }
}

}  // namespace

std::vector<std::vector<stats::CellKey>> MoreToHide(
    const std::vector<const RawTable*>& raw, const std::vector<stats::ProtectedTable>& published,
    const geo::Geography& geography) {
  std::vector<Grid> grids;
  for (size_t i = 0; i < raw.size(); ++i) grids.push_back(GridOf(raw[i], &published[i]));
  Collector more(raw.size());
  ShareMargins(grids, more);
  RegionsAndCounties(grids, geography, more);
  return more.Take();
}

}  // namespace opennrm::app::statistics
