// ReadAnnualReport and the section captions (annual_report.hpp).
#include "app/statistics/annual_report.hpp"

#include "app/statistics/release_groups.hpp"
#include "app/statistics/release_view.hpp"
#include "domain/stats/indicators.hpp"

namespace opennrm::app::statistics {

namespace {

constexpr const char* kSeries = "regional_coordinator";

struct SectionSpec {
  const char* id;
  const char* table;
};

// The report's order.
constexpr SectionSpec kSections[] = {
    {"headline", "victims.police_region"},
    {"regions", "victims.county"},
    {"gender", "victims.police_region.gender"},
    {"age", "victims.police_region.age_group"},
    {"citizenship", "victims.police_region.citizenship_group"},
    {"forms", "victims.police_region.form"},
    {"sectors", "victims.police_region.sector"},
    {"indicators", "indicators.police_region"},
    {"cooperation", "indicators.police_region.cooperation"},
    {"time_to_support", "indicators.police_region.days_to_support"},
    {"hotline", "hotline.month.channel"},
    {"hotline_response", "hotline.month.response"},
    {"eu_victims", "eu.victims.sex.age_band"},
    {"eu_citizenship", "eu.victims.citizenship.sex"},
    {"eu_forms", "eu.victims.form.sex"},
    {"crime_trafficking", "eu.crime.trafficking.sex"},
    {"crime_other", "eu.crime.other_offences"},
};

size_t ColumnOf(const stats::ProtectedTable& t, std::string_view key) {
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c] == key) return c;
  }
  return t.columns.size();
}

// "Across the country: 41.2% of presumed victims: police report." for each
// flag column, from the published column total and total.
stats::Caption NationalShares(const stats::ProtectedTable& t, const stats::Labels& labels) {
  std::vector<stats::Caption> parts;
  for (const char* column : {"police_report", "reflection_period_applied", "reflection_period",
                             "residence_permit_applied", "residence_permit", "safe_return"}) {
    const size_t c = ColumnOf(t, column);
    if (c == t.columns.size()) continue;
    parts.push_back(
        stats::ShareCaption(column, stats::ShareOf(t.column_totals[c], t.total), labels));
  }
  return stats::Join(parts);
}

stats::Caption Totals(const stats::ProtectedTable& t) {
  std::vector<stats::Caption> parts;
  const std::pair<const char*, stats::Caption> words[] = {
      {"consultations", {"konsultationer med stödtelefonen", "consultations with the hotline"}},
      {"referrals_accepted",
       {"godtagna hänvisningar mellan organisationer", "referrals accepted between organisations"}},
      {"municipalities",
       {"kommuner som konsulterade eller hänvisade", "municipalities that consulted or referred"}},
  };
  for (const auto& [key, label] : words) {
    const size_t c = ColumnOf(t, key);
    if (c == t.columns.size()) continue;
    const auto& cell = t.column_totals[c];
    if (cell.status != stats::CellStatus::kShown || !cell.value) continue;
    const auto n = stats::NumberWords(*cell.value);
    parts.push_back({n.sv + " " + label.sv + ".", n.en + " " + label.en + "."});
  }
  return stats::Join(parts);
}

stats::Caption Convicted(const stats::ProtectedTable& t) {
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (t.rows[r] != "convicted_persons") continue;
    const auto& cell = t.row_totals[r];
    if (cell.status != stats::CellStatus::kShown || !cell.value) break;
    const auto n = stats::NumberWords(*cell.value);
    return {n.sv + " personer dömdes för människohandel (officiell statistik).",
            n.en + " persons were convicted of trafficking (official statistics)."};
  }
  return {"Den officiella statistiken anger inte antalet dömda.",
          "The official statistics give no number of convicted persons."};
}

}  // namespace

stats::Caption CaptionOf(const std::string& section, int year, const ports::PublishedTable& table,
                         const stats::Labels& labels) {
  const stats::ProtectedTable& t = table.table;
  if (section == "headline") {
    return stats::Join({stats::HeadlineCaption(year, t.total),
                        stats::AreasCaption(t, "police_region", table.rates_per_100000, labels)});
  }
  if (section == "regions") return stats::AreasCaption(t, "county", table.rates_per_100000, labels);
  if (section == "indicators") return NationalShares(t, labels);
  if (section == "cooperation") return Totals(t);
  if (section == "time_to_support") {
    std::vector<std::optional<long long>> counts;
    for (const auto& c : t.column_totals) {
      counts.push_back(c.status == stats::CellStatus::kShown ? c.value : std::nullopt);
    }
    return stats::MedianCaption(stats::MedianBucket(counts), labels);
  }
  if (section == "hotline") {
    return stats::Join({stats::LargestGroupCaption(t, true, labels),
                        stats::LargestGroupCaption(t, false, labels)});
  }
  if (section == "crime_trafficking") return Convicted(t);
  if (section == "eu_victims" || section == "eu_citizenship" || section == "eu_forms") {
    return stats::LargestGroupCaption(t, section != "eu_victims", labels);
  }
  if (section == "crime_other" || section == "hotline_response") return {};
  return stats::LargestGroupCaption(t, true, labels);
}

Result<AnnualReport> ReadAnnualReport(const Context& ctx, const Caller& caller,
                                      std::optional<int> year, bool export_file,
                                      const ClientInfo& client) {
  const std::string action = export_file ? "statistics.exported" : "statistics.annual_report_read";
  if (auto st = AuthoriseRead(ctx, caller, action, client); !st) return tl::unexpected(st.error());
  if (auto st = CheckViewYear(year); !st) return tl::unexpected(st.error());
  stats::Labels labels;
  for (const auto& r : ctx.reference->geography.police_regions()) {
    labels[r.id] = {r.name, r.name_en};
  }
  for (const auto& c : ctx.reference->geography.counties()) labels[c.code] = {c.name, c.name};
  AnnualReport report;
  report.series = kSeries;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto release = FindRelease(**uow, *year);
    if (!release) return tl::unexpected(release.error());
    if (!*release) return NotFound("The year is not published.");
    report.release = **release;
    for (const auto& spec : kSections) {
      auto table = StoredTable(**uow, report.release, spec.table, kSeries);
      if (!table) return tl::unexpected(table.error());
      if (!*table) continue;
      ReportSection s;
      s.id = spec.id;
      s.caption = CaptionOf(s.id, *year, **table, labels);
      s.table = std::move(**table);
      report.sections.push_back(std::move(s));
    }
  }
  std::vector<std::string> ids;
  for (const auto& s : report.sections) ids.push_back(s.table.id);
  if (auto st = AuditStatisticsRead(ctx, caller, action, *year, ids, client); !st) {
    return tl::unexpected(st.error());
  }
  return report;
}

}  // namespace opennrm::app::statistics
