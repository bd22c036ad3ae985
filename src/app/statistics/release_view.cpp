// ReadPublishedTable and the helpers of release_view.hpp.
#include "app/statistics/release_view.hpp"

#include "app/auth/internal.hpp"
#include "app/statistics/statistics_settings.hpp"
#include "domain/stats/table_catalogue.hpp"

namespace opennrm::app::statistics {

using namespace auth_internal;

namespace {

Status CheckYear(int year) {
  if (year < 1990 || year > 9999) return Invalid("year", "range", "A year from 1990 to 9999.");
  return Ok();
}

// The sum of published cells: suppressed when any is, unknown when any is.
stats::ProtectedCell SumOf(const std::vector<const stats::ProtectedCell*>& cells) {
  stats::ProtectedCell out;
  long long sum = 0;
  bool unknown = false;
  for (const auto* c : cells) {
    if (c->status == stats::CellStatus::kSuppressed) {
      out.status = stats::CellStatus::kSuppressed;
      out.because = stats::HiddenBecause::kEarlierRelease;
      return out;
    }
    if (c->status == stats::CellStatus::kUnknown || !c->value) {
      unknown = true;
    } else {
      sum += *c->value;
    }
  }
  if (unknown) return out;
  out.status = stats::CellStatus::kShown;
  out.value = sum;
  return out;
}

std::vector<std::string> RowsOfArea(const Context& ctx, const ports::PublishedTable& t,
                                    const Area& area) {
  std::vector<std::string> wanted;
  if (area.level == t.geography) {
    wanted.push_back(area.code);
  } else if (area.level == "police_region" && t.geography == "county") {
    for (const auto* c : ctx.reference->geography.CountiesOf(area.code)) wanted.push_back(c->code);
  }
  return wanted;
}

}  // namespace

Result<Area> ParseArea(const Context& ctx, std::string_view text) {
  if (text.empty() || text == "national") return Area{};
  const auto slash = text.find('/');
  const std::string_view level = text.substr(0, slash);
  const std::string code(slash == std::string_view::npos ? "" : text.substr(slash + 1));
  if (level == "municipality") {
    return Invalid("area", "finer_than_county",
                   "Published tables are by police region or county, never by municipality.");
  }
  if (slash == std::string_view::npos || code.empty() ||
      (level != "police_region" && level != "county")) {
    return Invalid("area", "format", "national, police_region/<id> or county/<code>.");
  }
  const auto& g = ctx.reference->geography;
  if ((level == "police_region" && !g.FindPoliceRegion(code)) ||
      (level == "county" && !g.FindCounty(code))) {
    return Invalid("area", "unknown_code", "No such " + std::string(level) + ".");
  }
  return Area{std::string(level), code};
}

std::string ToString(const Area& area) {
  return area.level == "national" ? "national" : area.level + "/" + area.code;
}

Status RequireStatisticsRead(const Caller& caller) {
  return Require(access::Decide(caller.actor, access::Action::kStatisticsRead, {}));
}

Result<std::optional<ports::ReleaseRecord>> FindRelease(ports::UnitOfWork& uow, int year,
                                                        std::optional<int> number) {
  if (!number) return uow.statistics_releases().Latest(year);
  auto all = uow.statistics_releases().Releases(year);
  if (!all) return tl::unexpected(all.error());
  for (const auto& r : *all) {
    if (r.number == *number) return std::optional<ports::ReleaseRecord>(r);
  }
  return std::optional<ports::ReleaseRecord>();
}

Result<std::optional<ports::PublishedTable>> StoredTable(ports::UnitOfWork& uow,
                                                         const ports::ReleaseRecord& release,
                                                         const std::string& id,
                                                         const std::string& series) {
  auto t = uow.statistics_releases().Table(release.year, release.number, id, series);
  if (!t || *t || series.empty()) return t;
  return uow.statistics_releases().Table(release.year, release.number, id, "");
}

Result<ports::PublishedTable> CutToArea(const Context& ctx, const ports::PublishedTable& table,
                                        const Area& area) {
  if (area.level == "national") return table;
  const auto wanted = RowsOfArea(ctx, table, area);
  if (table.geography.empty() || wanted.empty()) {
    return Invalid(
        "area", "not_by_area",
        "This table is not published by that kind of area; read it nationally" +
            std::string(table.geography == "police_region" ? " or by police region." : "."));
  }
  const auto& t = table.table;
  ports::PublishedTable out = table;
  auto& o = out.table;
  o.rows.clear();
  o.cells.clear();
  o.row_totals.clear();
  out.rates_per_100000.clear();
  for (auto& [column, shares] : out.shares) shares.clear();
  for (const auto& key : wanted) {
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (t.rows[r] != key) continue;
      o.rows.push_back(key);
      o.cells.push_back(t.cells[r]);
      o.row_totals.push_back(t.row_totals[r]);
      if (r < table.rates_per_100000.size()) {
        out.rates_per_100000.push_back(table.rates_per_100000[r]);
      }
      for (size_t s = 0; s < table.shares.size(); ++s) {
        out.shares[s].second.push_back(table.shares[s].second[r]);
      }
    }
  }
  // Margins of the cut: what its published rows already show, nothing more.
  for (size_t c = 0; c < o.columns.size(); ++c) {
    std::vector<const stats::ProtectedCell*> column;
    for (const auto& row : o.cells) column.push_back(&row[c]);
    o.column_totals[c] = SumOf(column);
  }
  std::vector<const stats::ProtectedCell*> totals;
  for (const auto& cell : o.row_totals) totals.push_back(&cell);
  o.total = SumOf(totals);
  return out;
}

Status AuditStatisticsRead(const Context& ctx, const Caller& caller, const std::string& action,
                           int year, const std::vector<std::string>& table_ids,
                           const ClientInfo& client) {
  auto e = EventOf(ctx, caller.actor, action, "allowed", client.request_id);
  e.purpose = "statistics";
  for (const auto& id : table_ids) {
    e.objects.push_back(Object("statistics_table", std::to_string(year) + "/" + id, ""));
  }
  return AuditBeforeAnswer(ctx, std::move(e));
}

Result<TableView> ReadPublishedTable(const Context& ctx, const Caller& caller,
                                     const TableRequest& request, const ClientInfo& client) {
  const std::string action = request.export_csv ? "statistics.exported" : "statistics.table_read";
  if (auto st = RequireStatisticsRead(caller); !st) {
    auto e = EventOf(ctx, caller.actor, action, "denied", client.request_id);
    e.purpose = "statistics";
    (void)Audit(ctx, std::move(e));
    return tl::unexpected(st.error());
  }
  Problems p;
  if (auto st = CheckYear(request.year); !st) p.Add("year", "range", "A year from 1990 to 9999.");
  if (!stats::IsReleaseSeries(request.series)) {
    p.Add("series", "unknown_code", "A series is the kind of organisation that reported.");
  }
  const int minimum = ctx.statistics_settings ? ctx.statistics_settings->minimum_threshold : 0;
  if (request.threshold && *request.threshold < minimum) {
    p.Add("threshold", "below_minimum",
          "The threshold may not be below " + std::to_string(minimum) + ".");
  }
  auto area = ParseArea(ctx, request.area);
  if (!area) {
    for (const auto& f : area.error().fields) p.Add(f.field, f.rule, f.detail);
  }
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());

  TableView view;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto release = FindRelease(**uow, request.year, request.release);
    if (!release) return tl::unexpected(release.error());
    if (!*release) return NotFound("No such published table.");
    auto table = StoredTable(**uow, **release, request.id, request.series);
    if (!table) return tl::unexpected(table.error());
    if (!*table) return NotFound("No such published table.");
    view.release = **release;
    view.table = std::move(**table);
  }
  if (request.threshold && *request.threshold != view.table.table.policy.threshold &&
      !view.table.official) {
    return Invalid("threshold", "not_configured",
                   "Tables are published with the configured threshold of " +
                       std::to_string(view.table.table.policy.threshold) +
                       "; a published table cannot be protected again with another.");
  }
  auto cut = CutToArea(ctx, view.table, *area);
  if (!cut) return tl::unexpected(cut.error());
  view.table = std::move(*cut);
  view.area = *area;
  if (auto st = AuditStatisticsRead(ctx, caller, action, request.year, {request.id}, client); !st) {
    return tl::unexpected(st.error());
  }
  return view;
}

}  // namespace opennrm::app::statistics
