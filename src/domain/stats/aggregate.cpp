#include "domain/stats/aggregate.hpp"

#include <algorithm>
#include <bit>

#include "domain/stats/aggregate_axis.hpp"

namespace opennrm::stats {

namespace {

constexpr int kMaxYears = 30;

std::optional<size_t> IndexIn(const std::vector<std::string>& words, const std::string& word) {
  for (size_t i = 1; i < words.size(); ++i) {  // [0] is "unknown": never an area
    if (words[i] == word) return i;
  }
  return std::nullopt;
}

// What a fact must be to be counted, as lookups.
struct CompiledFilter {
  int32_t first_day = 0;
  int32_t last_day = 0;
  std::vector<char> kind_ok;          // per organisation kind; empty: every kind
  std::vector<char> organisation_ok;  // per organisation; empty: every one
  int region = -1;                    // police region index, or -1: any
  int county = -1;                    // county index, or -1: any
  uint16_t require_flags = 0;

  bool Counts(const Fact& f) const {
    if (f.recorded_on < first_day || f.recorded_on > last_day) return false;
    if ((f.flags & require_flags) != require_flags) return false;
    if (!kind_ok.empty() &&
        (f.organisation_kind >= kind_ok.size() || !kind_ok[f.organisation_kind]))
      return false;
    if (!organisation_ok.empty() &&
        (f.organisation >= organisation_ok.size() || !organisation_ok[f.organisation]))
      return false;
    if (region >= 0 && f.police_region != region) return false;
    if (county >= 0 && f.county != county) return false;
    return true;
  }
};

CompiledFilter Compile(const FactFilter& filter, const FactDictionary& dictionary) {
  CompiledFilter c;
  c.first_day = DayNumber(filter.from);
  c.last_day = DayNumber(filter.to);
  c.require_flags = filter.require_flags;
  if (!filter.organisation_kinds.empty()) {
    c.kind_ok.assign(dictionary.organisation_kinds.size(), 0);
    for (size_t i = 0; i < dictionary.organisation_kinds.size(); ++i) {
      const auto& kinds = filter.organisation_kinds;
      c.kind_ok[i] =
          std::find(kinds.begin(), kinds.end(), dictionary.organisation_kinds[i]) != kinds.end();
    }
    // No kind known: nothing counts (an empty kind_ok would mean every kind).
    if (c.kind_ok.empty()) c.kind_ok.push_back(0);
  }
  if (!filter.organisations.empty()) {
    c.organisation_ok.assign(dictionary.organisations.size() + 1, 0);
    for (size_t i = 0; i < dictionary.organisations.size(); ++i) {
      const auto& orgs = filter.organisations;
      c.organisation_ok[i] =
          std::find(orgs.begin(), orgs.end(), dictionary.organisations[i]) != orgs.end();
    }
  }
  if (!filter.police_region.empty()) {
    c.region =
        static_cast<int>(IndexIn(dictionary.police_regions, filter.police_region).value_or(0));
  }
  if (!filter.county.empty()) {
    c.county = static_cast<int>(IndexIn(dictionary.counties, filter.county).value_or(0));
  }
  return c;
}

// Up to 64 categories of one fact on an axis.
struct Hits {
  uint32_t index[64];
  int count = 0;
};

void Collect(const internal::Axis& axis, const Fact& f, Hits& hits) {
  hits.count = 0;
  if (!axis.multi_valued()) {
    hits.index[hits.count++] = axis.IndexOf(f);
    return;
  }
  for (uint64_t bits = axis.BitsOf(f); bits; bits &= bits - 1) {
    hits.index[hits.count++] = static_cast<uint32_t>(std::countr_zero(bits));
  }
}

// Removes the countries no counted fact has (rows or columns).
void DropAbsentCountries(CountTable& t, bool on_rows) {
  auto& keys = on_rows ? t.rows : t.columns;
  auto& margin = on_rows ? t.row_totals : t.column_totals;
  std::vector<size_t> keep;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (margin[i].value_or(0) != 0) keep.push_back(i);
  }
  std::vector<std::string> new_keys;
  std::vector<Count> new_margin;
  for (size_t i : keep) {
    new_keys.push_back(keys[i]);
    new_margin.push_back(margin[i]);
  }
  if (on_rows) {
    std::vector<std::vector<Count>> cells;
    for (size_t i : keep) cells.push_back(t.cells[i]);
    t.cells = std::move(cells);
  } else {
    for (auto& row : t.cells) {
      std::vector<Count> cells;
      for (size_t i : keep) cells.push_back(row[i]);
      row = std::move(cells);
    }
  }
  keys = std::move(new_keys);
  margin = std::move(new_margin);
}

}  // namespace

Status CheckQuery(const FactQuery& query, const FactDictionary& dictionary) {
  const auto& f = query.filter;
  if (f.from > f.to) return Invalid("from", "order", "The period must not end before it starts.");
  const CivilDate limit{f.from.year + kMaxYears, f.from.month, f.from.day};
  if (!(f.to < limit)) {
    return Invalid("to", "range", "A period is at most 30 years.");
  }
  if (query.rows && query.columns && *query.rows == *query.columns) {
    return Invalid("columns", "same_dimension", "Rows and columns must be different dimensions.");
  }
  std::optional<size_t> region;
  if (!f.police_region.empty()) {
    region = IndexIn(dictionary.police_regions, f.police_region);
    if (!region) return Invalid("area", "unknown_code", "No such police region.");
  }
  if (!f.county.empty()) {
    auto county = IndexIn(dictionary.counties, f.county);
    if (!county) return Invalid("area", "unknown_code", "No such county.");
    if (region && (*county >= dictionary.county_regions.size() ||
                   dictionary.county_regions[*county] != *region)) {
      return Invalid("area", "outside_region", "The county is not in that police region.");
    }
  }
  return Ok();
}

CountTable Aggregate(const FactSnapshot& snapshot, const FactQuery& query) {
  const CompiledFilter filter = Compile(query.filter, snapshot.dictionary);
  const internal::Axis rows(query.rows, snapshot.dictionary, filter.first_day, filter.last_day);
  const internal::Axis columns(query.columns, snapshot.dictionary, filter.first_day,
                               filter.last_day);
  const size_t nr = rows.keys().size();
  const size_t nc = columns.keys().size();
  std::vector<long long> cells(nr * nc, 0), row_totals(nr, 0), column_totals(nc, 0);
  long long total = 0;
  Hits r, c;
  auto count = [&](const Fact* begin, const Fact* end) {
    for (const Fact* f = begin; f != end; ++f) {
      if (!filter.Counts(*f)) continue;
      ++total;
      Collect(rows, *f, r);
      Collect(columns, *f, c);
      for (int i = 0; i < r.count; ++i) ++row_totals[r.index[i]];
      for (int j = 0; j < c.count; ++j) ++column_totals[c.index[j]];
      for (int i = 0; i < r.count; ++i) {
        // data(): an axis may have no categories (nc == 0), so no element to refer to.
        long long* line = cells.data() + r.index[i] * nc;
        for (int j = 0; j < c.count; ++j) ++line[c.index[j]];
      }
    }
  };
  const Fact* facts = snapshot.facts.data();
  const auto& start = snapshot.organisation_start;
  const size_t organisations = snapshot.dictionary.organisations.size();
  if (!filter.organisation_ok.empty() && start.size() == organisations + 1) {
    // Grouped by organisation: read only the organisations asked for.
    for (size_t o = 0; o < organisations; ++o) {
      if (!filter.organisation_ok[o]) continue;
      count(facts + start[o], facts + start[o + 1]);
    }
  } else {
    count(facts, facts + snapshot.facts.size());
  }

  CountTable t;
  t.rows = rows.keys();
  t.columns = columns.keys();
  t.cells.assign(nr, std::vector<Count>(nc));
  for (size_t i = 0; i < nr; ++i) {
    for (size_t j = 0; j < nc; ++j) t.cells[i][j] = cells[i * nc + j];
  }
  t.row_totals.assign(row_totals.begin(), row_totals.end());
  t.column_totals.assign(column_totals.begin(), column_totals.end());
  t.total = total;
  // A line adds up only when the other axis puts each fact in exactly one category.
  t.rows_add_up = !columns.multi_valued();
  t.columns_add_up = !rows.multi_valued();
  if (query.rows == Dimension::kCountry) DropAbsentCountries(t, true);
  if (query.columns == Dimension::kCountry) DropAbsentCountries(t, false);
  return t;
}

std::vector<std::string> CategoriesOf(Dimension dimension, const FactDictionary& dictionary,
                                      const CivilDate& from, const CivilDate& to) {
  return internal::Axis(dimension, dictionary, DayNumber(from), DayNumber(to)).keys();
}

}  // namespace opennrm::stats
