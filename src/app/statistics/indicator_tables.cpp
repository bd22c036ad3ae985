// IndicatorTables (release_tables.hpp): the main-challenge indicators of a
// year (issue 7 item 4), BEFORE disclosure control. Rules, written down:
// - indicators.<geography>: presumed victims and their flags per area, from
//   the facts of the release's series (stats/indicators.hpp); share base
//   "victims", rates per 100,000 added by the publisher.
// - indicators.<geography>.cooperation (no series): consultations received in
//   the year by the area of the consultation's municipality; referrals
//   accepted in the year by the area of the SENDER (the organisation that
//   referred: local cooperation is the sender's work; a sender covering the
//   whole country or several areas counts under "unknown"); municipalities
//   whose social services consulted the hotline or sent a referral in the
//   year — a count of MUNICIPALITIES, never of persons. The rows have no
//   total (three different units).
// - indicators.<geography>.days_to_support (no series): referrals made from
//   a consultation and accepted in the year, by the days from the
//   consultation's received date (Stockholm) to the acceptance, by the area
//   of the consultation's municipality.
#include <set>

#include "app/statistics/indicator_tables.hpp"
#include "app/statistics/release_tables.hpp"
#include "app/statistics/statistics_sources.hpp"
#include "core/clock.hpp"
#include "core/stockholm_date.hpp"
#include "domain/stats/indicators.hpp"

namespace opennrm::app::statistics {

namespace {

size_t IndexOf(const std::vector<std::string>& keys, const std::string& key) {
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return i;
  }
  return 0;  // "unknown"
}

std::string Level(bool by_county) { return by_county ? "county" : "police_region"; }

RawTable Cooperation(const geo::Geography& g, bool by_county,
                     const std::vector<ports::ConsultationStatisticsRow>& consultations,
                     const std::vector<ports::ReferralStatisticsRow>& referrals,
                     const std::map<std::string, orgs::Organisation>& orgs, int year) {
  const auto areas = AreaKeys(g, by_county);
  stats::CountTable t = stats::ZeroTable(areas, stats::CooperationColumns(),
                                         /*rows_add_up=*/false, /*columns_add_up=*/true);
  for (auto& total : t.row_totals) total = std::nullopt;  // three units: no row total
  t.total = std::nullopt;
  std::set<std::string> municipalities;
  for (const auto& c : consultations) {
    ++*t.cells[IndexOf(areas, AreaOfMunicipality(g, c.municipality_code, by_county))][0];
    ++*t.column_totals[0];
    if (auto it = orgs.find(c.caller_organisation_id); it != orgs.end()) {
      for (const auto& m : MunicipalitiesOf(it->second)) municipalities.insert(m);
    }
  }
  const CivilDate first{year, 1, 1}, last{year, 12, 31};
  for (const auto& r : referrals) {
    auto sender = orgs.find(r.sender_organisation_id);
    if (r.accepted_on && *r.accepted_on >= first && *r.accepted_on <= last) {
      const std::string area =
          sender == orgs.end() ? "unknown" : AreaOfOrganisation(g, sender->second, by_county);
      ++*t.cells[IndexOf(areas, area)][1];
      ++*t.column_totals[1];
    }
    if (r.sent_on >= first && r.sent_on <= last && sender != orgs.end()) {
      for (const auto& m : MunicipalitiesOf(sender->second)) municipalities.insert(m);
    }
  }
  for (const auto& m : municipalities) {
    if (!g.FindMunicipality(m)) continue;
    ++*t.cells[IndexOf(areas, AreaOfMunicipality(g, m, by_county))][2];
    ++*t.column_totals[2];
  }
  RawTable raw;
  raw.id = "indicators." + Level(by_county) + ".cooperation";
  raw.group = "indicators";
  raw.row_dimension = Level(by_county);
  raw.column_dimension = "indicator";
  raw.counts = std::move(t);
  return raw;
}

RawTable DaysToSupport(const geo::Geography& g, bool by_county,
                       const std::vector<ports::ReferralStatisticsRow>& referrals, int year) {
  const auto areas = AreaKeys(g, by_county);
  const auto& buckets = stats::DaysToSupportBuckets();
  stats::CountTable t = stats::ZeroTable(areas, buckets);
  const CivilDate first{year, 1, 1}, last{year, 12, 31};
  for (const auto& r : referrals) {
    if (r.source_kind != "consultation" || !r.accepted_on || !r.consultation_received_at_us ||
        *r.accepted_on < first || *r.accepted_on > last) {
      continue;
    }
    const CivilDate received =
        StockholmDateOf(TimePoint(std::chrono::microseconds(*r.consultation_received_at_us)));
    const long long days = stats::DayNumber(*r.accepted_on) - stats::DayNumber(received);
    auto bucket = stats::DaysToSupportBucketOf(days);
    if (!bucket) continue;  // accepted before received: not a fact we can count
    const size_t row =
        IndexOf(areas, AreaOfMunicipality(g, r.consultation_municipality_code, by_county));
    const size_t col = IndexOf(buckets, *bucket);
    ++*t.cells[row][col];
    ++*t.row_totals[row];
    ++*t.column_totals[col];
    ++*t.total;
  }
  RawTable raw;
  raw.id = "indicators." + Level(by_county) + ".days_to_support";
  raw.group = "indicators";
  raw.row_dimension = Level(by_county);
  raw.column_dimension = "days";
  raw.counts = std::move(t);
  return raw;
}

}  // namespace

Result<std::vector<RawTable>> IndicatorTables(ports::UnitOfWork& uow, const Context& ctx,
                                              const ReleaseInput& in) {
  std::vector<RawTable> out;
  const geo::Geography& g = ctx.reference->geography;
  if (in.facts) {
    stats::FactFilter filter;
    filter.from = CivilDate{in.year, 1, 1};
    filter.to = CivilDate{in.year, 12, 31};
    if (!in.series.empty()) filter.organisation_kinds = {in.series};
    for (bool by_county : {false, true}) {
      RawTable raw;
      raw.id = "indicators." + Level(by_county);
      raw.group = "indicators";
      raw.series = in.series;
      raw.row_dimension = Level(by_county);
      raw.column_dimension = "indicator";
      raw.counts = stats::CountIndicators(
          *in.facts, filter,
          by_county ? stats::Dimension::kCounty : stats::Dimension::kPoliceRegion);
      raw.geography = Level(by_county);
      raw.share_base = "victims";
      out.push_back(std::move(raw));
    }
  }
  // Consultations received up to the end of the year may be referred later;
  // referrals accepted in the year may come from consultations of earlier years.
  const YearSpan span = YearSpanOf(in.year);
  auto consultations = uow.consultations().ForStatistics(span.from_us, span.to_us);
  if (!consultations) return tl::unexpected(consultations.error());
  auto referrals =
      uow.referrals().ForStatistics(CivilDate{in.year - 1, 1, 1}, CivilDate{in.year, 12, 31});
  if (!referrals) return tl::unexpected(referrals.error());
  auto orgs = OrganisationsById(uow);
  if (!orgs) return tl::unexpected(orgs.error());
  for (bool by_county : {false, true}) {
    out.push_back(Cooperation(g, by_county, *consultations, *referrals, *orgs, in.year));
    out.push_back(DaysToSupport(g, by_county, *referrals, in.year));
  }
  return out;
}

}  // namespace opennrm::app::statistics
