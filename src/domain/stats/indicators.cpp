#include "domain/stats/indicators.hpp"

#include <algorithm>

namespace opennrm::stats {

namespace {

struct FlagColumn {
  size_t column;
  uint16_t flag;
};

bool InSeries(const Fact& f, const FactDictionary& d, const FactFilter& filter) {
  auto listed = [](const std::vector<std::string>& list, const std::vector<std::string>& words,
                   size_t index) {
    if (list.empty()) return true;
    return index < words.size() && std::find(list.begin(), list.end(), words[index]) != list.end();
  };
  return listed(filter.organisation_kinds, d.organisation_kinds, f.organisation_kind) &&
         listed(filter.organisations, d.organisations, f.organisation);
}

}  // namespace

const std::vector<std::string>& IndicatorColumns() {
  static const std::vector<std::string> v{"victims",
                                          "police_report",
                                          "reflection_period_applied",
                                          "reflection_period",
                                          "residence_permit_applied",
                                          "residence_permit",
                                          "safe_return"};
  return v;
}

const std::vector<std::string>& CooperationColumns() {
  static const std::vector<std::string> v{"consultations", "referrals_accepted", "municipalities"};
  return v;
}

const std::vector<std::string>& DaysToSupportBuckets() {
  static const std::vector<std::string> v{"0_7", "8_30", "31_90", "91_plus"};
  return v;
}

std::optional<std::string> DaysToSupportBucketOf(long long days) {
  if (days < 0) return std::nullopt;
  if (days <= 7) return "0_7";
  if (days <= 30) return "8_30";
  if (days <= 90) return "31_90";
  return "91_plus";
}

CountTable CountIndicators(const FactSnapshot& snapshot, const FactFilter& filter,
                           Dimension geography) {
  const FactDictionary& d = snapshot.dictionary;
  const bool by_county = geography == Dimension::kCounty;
  const std::vector<std::string>& areas = by_county ? d.counties : d.police_regions;
  CountTable t = ZeroTable(areas, IndicatorColumns(), /*rows_add_up=*/false,
                           /*columns_add_up=*/true);
  // A victim is one row; its flags are several columns: the row's total is
  // the victims, counted once.
  const FlagColumn flags[] = {{1, kFactPoliceReport},     {2, kFactReflectionApplied},
                              {3, kFactReflectionPeriod}, {4, kFactPermitApplied},
                              {5, kFactResidencePermit},  {6, kFactSafeReturn}};
  const int32_t from = DayNumber(filter.from);
  const int32_t to = DayNumber(filter.to);
  for (const Fact& f : snapshot.facts) {
    if (f.recorded_on < from || f.recorded_on > to || !InSeries(f, d, filter)) continue;
    size_t row = by_county ? f.county : f.police_region;
    if (row >= areas.size()) row = 0;  // "unknown"
    ++*t.cells[row][0];
    ++*t.column_totals[0];
    ++*t.row_totals[row];
    ++*t.total;
    for (const auto& fc : flags) {
      if ((f.flags & fc.flag) == 0) continue;
      ++*t.cells[row][fc.column];
      ++*t.column_totals[fc.column];
    }
  }
  return t;
}

std::optional<std::string> MedianBucket(const std::vector<std::optional<long long>>& counts) {
  long long n = 0;
  for (const auto& c : counts) {
    if (!c) return std::nullopt;
    n += *c;
  }
  if (n == 0 || counts.size() > DaysToSupportBuckets().size()) return std::nullopt;
  // The lower median: the (n+1)/2-th value in order.
  const long long rank = (n + 1) / 2;
  long long seen = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    seen += *counts[i];
    if (seen >= rank) return DaysToSupportBuckets()[i];
  }
  return std::nullopt;
}

}  // namespace opennrm::stats
