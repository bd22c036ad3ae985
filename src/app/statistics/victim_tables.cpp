// VictimTables (release_tables.hpp): the predefined tables of presumed
// victims (domain/stats/table_catalogue.hpp) of one series and year, counted
// by the aggregation engine. Geography is always the rows, never a filter.
#include "app/statistics/release_tables.hpp"
#include "domain/stats/table_catalogue.hpp"

namespace opennrm::app::statistics {

std::vector<RawTable> VictimTables(const ReleaseInput& in) {
  std::vector<RawTable> out;
  if (!in.facts) return out;
  stats::FactQuery q;
  q.filter.from = CivilDate{in.year, 1, 1};
  q.filter.to = CivilDate{in.year, 12, 31};
  q.filter.organisation_kinds = {in.series};
  for (const auto& t : stats::VictimTableCatalogue()) {
    q.rows = t.rows;
    q.columns = t.columns;
    if (!stats::CheckQuery(q, in.facts->dictionary)) continue;  // cannot happen: fixed shapes
    RawTable raw;
    raw.id = t.id;
    raw.group = t.group;
    raw.series = in.series;
    raw.row_dimension = std::string(stats::ToString(t.rows));
    raw.column_dimension = stats::ColumnWord(t.columns);
    raw.counts = stats::Aggregate(*in.facts, q);
    raw.geography = raw.row_dimension;
    out.push_back(std::move(raw));
  }
  return out;
}

}  // namespace opennrm::app::statistics
