// HotlineTables (release_tables.hpp): the hotline's consultations of a year
// (issue 7 item 5), BEFORE disclosure control. Consultations are counted,
// never persons, over every national unit's consultations received in the
// Stockholm calendar year; geography is an axis (the area of the
// consultation's municipality, "unknown" when abroad or not known), never a
// filter, and not a "geography" table: no rates per inhabitant, no margin
// shared with the victims' tables. The seasonal pattern is the month table.
#include "app/statistics/hotline_tables.hpp"
#include "app/statistics/release_tables.hpp"
#include "app/statistics/statistics_sources.hpp"
#include "core/stockholm_date.hpp"
#include "domain/hotline/consultation.hpp"
#include "domain/stats/hotline_dims.hpp"

namespace opennrm::app::statistics {

namespace {

size_t IndexOf(const std::vector<std::string>& keys, const std::string& key) {
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return i;
  }
  return keys.size();
}

// A table of consultations whose rows and columns add up.
class Counter {
 public:
  Counter(std::string id, std::string rows_word, std::vector<std::string> rows,
          std::string columns_word, std::vector<std::string> columns)
      : id_(std::move(id)),
        rows_word_(std::move(rows_word)),
        columns_word_(std::move(columns_word)),
        table_(stats::ZeroTable(std::move(rows), std::move(columns))) {}

  // Counts one consultation; a key outside the lists goes to the last row or
  // column ("other" / "unknown" by construction of the lists).
  void Add(const std::string& row, const std::string& column) {
    size_t r = std::min(IndexOf(table_.rows, row), table_.rows.size() - 1);
    size_t c = std::min(IndexOf(table_.columns, column), table_.columns.size() - 1);
    ++*table_.cells[r][c];
    ++*table_.row_totals[r];
    ++*table_.column_totals[c];
    ++*table_.total;
  }

  RawTable Take() {
    RawTable raw;
    raw.id = id_;
    raw.group = "hotline";
    raw.row_dimension = rows_word_;
    raw.column_dimension = columns_word_;
    raw.counts = std::move(table_);
    return raw;
  }

 private:
  std::string id_, rows_word_, columns_word_;
  stats::CountTable table_;
};

template <class E>
std::vector<std::string> Words(const std::vector<E>& all) {
  std::vector<std::string> out;
  for (E e : all) out.emplace_back(hotline::ToString(e));
  return out;
}

// Area keys with "unknown" moved last, so that Counter puts strays there.
std::vector<std::string> AreasLast(const geo::Geography& g, bool by_county) {
  auto keys = AreaKeys(g, by_county);
  keys.erase(keys.begin());
  keys.push_back("unknown");
  return keys;
}

}  // namespace

Result<std::vector<RawTable>> HotlineTables(ports::UnitOfWork& uow, const Context& ctx,
                                            const ReleaseInput& in) {
  const geo::Geography& g = ctx.reference->geography;
  const YearSpan span = YearSpanOf(in.year);
  auto consultations = uow.consultations().ForStatistics(span.from_us, span.to_us);
  if (!consultations) return tl::unexpected(consultations.error());
  auto orgs = OrganisationsById(uow);
  if (!orgs) return tl::unexpected(orgs.error());

  const auto regions = AreasLast(g, false);
  const auto months = stats::MonthsOf(in.year);
  std::vector<std::string> buckets;
  for (auto b : stats::AllResponseBuckets()) buckets.emplace_back(stats::ToString(b));
  Counter by_channel("hotline.month.channel", "month", months, "channel",
                     Words(hotline::AllChannels()));
  Counter by_week("hotline.week", "week", stats::IsoWeeksOf(in.year), "total", {"total"});
  Counter by_topic("hotline.topic.police_region", "topic", Words(hotline::AllTopics()),
                   "police_region", regions);
  Counter by_professional("hotline.professional.police_region", "professional",
                          stats::ProfessionalTypes(), "police_region", regions);
  Counter by_county("hotline.county", "county", AreasLast(g, true), "total", {"total"});
  Counter by_response("hotline.month.response", "month", months, "response", buckets);
  // Referred among all: the columns are not a partition of a row.
  stats::CountTable referred =
      stats::ZeroTable(regions, {"consultations", "referred"}, /*rows_add_up=*/false, true);

  for (const auto& c : *consultations) {
    const CivilDate day = StockholmDateOf(TimePoint(std::chrono::microseconds(c.received_at_us)));
    const std::string region = AreaOfMunicipality(g, c.municipality_code, false);
    by_channel.Add(stats::MonthKey(day), c.channel);
    by_week.Add(stats::IsoWeekKey(day), "total");
    by_topic.Add(c.topic, region);
    std::optional<orgs::Kind> kind;
    if (auto it = orgs->find(c.caller_organisation_id); it != orgs->end()) {
      kind = it->second.data.kind;
    }
    by_professional.Add(stats::ProfessionalType(kind), region);
    by_county.Add(AreaOfMunicipality(g, c.municipality_code, true), "total");
    by_response.Add(stats::MonthKey(day), std::string(stats::ToString(stats::ResponseBucketOf(
                                              c.respond_by_us, c.first_response_at_us))));
    const size_t r = std::min(IndexOf(regions, region), regions.size() - 1);
    ++*referred.cells[r][0];
    ++*referred.row_totals[r];
    ++*referred.column_totals[0];
    ++*referred.total;
    if (c.referred) {
      ++*referred.cells[r][1];
      ++*referred.column_totals[1];
    }
  }
  std::vector<RawTable> out;
  for (Counter* counter :
       {&by_channel, &by_week, &by_topic, &by_professional, &by_county, &by_response}) {
    out.push_back(counter->Take());
  }
  RawTable share;
  share.id = "hotline.police_region.referred";
  share.group = "hotline";
  share.row_dimension = "police_region";
  share.column_dimension = "consultation";
  share.share_base = "consultations";
  share.counts = std::move(referred);
  out.push_back(std::move(share));
  return out;
}

}  // namespace opennrm::app::statistics

namespace opennrm::app::statistics {

Result<GroupView> ReadHotline(const Context& ctx, const Caller& caller, std::optional<int> year,
                              const ClientInfo& client) {
  GroupRequest request;
  request.year = year;
  request.group = "hotline";
  request.action = "statistics.hotline_read";
  return ReadGroup(ctx, caller, request, client);
}

}  // namespace opennrm::app::statistics
