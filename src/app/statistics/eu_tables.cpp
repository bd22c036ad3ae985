// EuTables (release_tables.hpp): the Eurostat layout of a year (issue 7 item
// 6), BEFORE disclosure control. Registered victims of the release's series
// by sex x age band, citizenship x sex and form x sex (stats/eu_layout.hpp:
// the mappings are written down there), and the official crime figures of
// the year: trafficking's suspected, prosecuted and convicted persons by sex,
// and the related offences in a table of their own (never added to
// trafficking). The crime tables are official: published by their source,
// passed through disclosure control with threshold 1.
#include "app/statistics/eu_tables.hpp"
#include "app/statistics/crime_figures.hpp"
#include "app/statistics/release_tables.hpp"
#include "domain/stats/eu_layout.hpp"

namespace opennrm::app::statistics {

namespace {

RawTable Eu(std::string id, std::string series, std::string rows, std::string columns,
            stats::CountTable counts, bool official = false) {
  RawTable raw;
  raw.id = std::move(id);
  raw.group = "eu";
  raw.series = std::move(series);
  raw.row_dimension = std::move(rows);
  raw.column_dimension = std::move(columns);
  raw.counts = std::move(counts);
  raw.official = official;
  return raw;
}

// The stored rows as domain figures; a row with a word the lists lack is
// left out (the import checks every word, so none should be).
std::vector<stats::CrimeFigure> FiguresOf(const std::vector<ports::CrimeFigureRow>& rows) {
  std::vector<stats::CrimeFigure> out;
  for (const auto& r : rows) {
    auto offence = stats::ParseOffence(r.offence);
    auto measure = stats::ParseCrimeMeasure(r.measure);
    auto breakdown = stats::ParseCrimeBreakdown(r.breakdown);
    if (!offence || !measure || !breakdown) continue;
    stats::CrimeFigure f;
    f.year = r.year;
    f.offence = *offence;
    f.measure = *measure;
    f.breakdown = *breakdown;
    f.category = r.category;
    f.value = r.value;
    f.source = r.source;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

Result<std::vector<RawTable>> EuTables(ports::UnitOfWork& uow, const Context& ctx,
                                       const ReleaseInput& in) {
  std::vector<RawTable> out;
  if (in.facts) {
    stats::FactFilter filter;
    filter.from = CivilDate{in.year, 1, 1};
    filter.to = CivilDate{in.year, 12, 31};
    if (!in.series.empty()) filter.organisation_kinds = {in.series};
    const stats::EuEeaMembership* membership =
        ctx.case_rules && ctx.case_rules->eu_eea ? &*ctx.case_rules->eu_eea : nullptr;
    stats::EuVictimTables v = stats::CountEuVictims(*in.facts, filter, membership);
    out.push_back(
        Eu("eu.victims.sex.age_band", in.series, "eu_sex", "eu_age_band", std::move(v.sex_by_age)));
    out.push_back(Eu("eu.victims.citizenship.sex", in.series, "eu_citizenship", "eu_sex",
                     std::move(v.citizenship_by_sex)));
    out.push_back(
        Eu("eu.victims.form.sex", in.series, "eu_form", "eu_sex", std::move(v.form_by_sex)));
  }
  auto rows = CrimeFiguresOf(uow, in.year, in.year);
  if (!rows) return tl::unexpected(rows.error());
  stats::EuCrimeTables crime = stats::CountEuCrime(FiguresOf(*rows), in.year);
  out.push_back(Eu("eu.crime.trafficking.sex", "", "measure", "sex",
                   std::move(crime.trafficking_by_sex), /*official=*/true));
  out.push_back(Eu("eu.crime.other_offences", "", "offence", "measure",
                   std::move(crime.other_offences), /*official=*/true));
  return out;
}

}  // namespace opennrm::app::statistics

namespace opennrm::app::statistics {

Result<GroupView> ReadEu(const Context& ctx, const Caller& caller, std::optional<int> year,
                         const std::string& series, bool export_csv, const ClientInfo& client) {
  GroupRequest request;
  request.year = year;
  request.group = "eu";
  request.series = series.empty() ? "regional_coordinator" : series;
  request.action = export_csv ? "statistics.exported" : "statistics.eu_read";
  return ReadGroup(ctx, caller, request, client);
}

}  // namespace opennrm::app::statistics
