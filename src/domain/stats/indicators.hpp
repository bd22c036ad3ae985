// The main-challenge indicators (issue 7 item 4) per police region or county,
// BEFORE disclosure control. Pure; thread-safe on a const snapshot.
//
// Counting rules, written down:
// - Victims: presumed victims identified (facts recorded in the year, of the
//   series). police_report, reflection_period_applied, reflection_period,
//   residence_permit_applied, residence_permit and safe_return count the
//   victims whose fact carries that flag (fact.hpp): a reflection period or
//   permit applied for (whatever the decision, awaiting it included), and
//   GRANTED (a decision let its clock run). A victim counts once per column
//   however many applications were made.
// - A victim has several flags, so the cells of a row do not add up to
//   anything; a column adds up over the areas (with "unknown").
// - Cooperation (consultations, referrals accepted, municipalities that
//   consulted the hotline or referred at least once) counts consultations,
//   referrals and MUNICIPALITIES, never persons; its rows have no total.
// - Time from first consultation to support: the days from a consultation's
//   received date (Stockholm) to the acceptance of a referral made from it,
//   in buckets: a count table that disclosure control can protect. A median
//   of a handful of referrals would reveal one referral's days, so the median
//   is only ever read from the published buckets (MedianBucket).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/stats/aggregate.hpp"
#include "domain/stats/count_table.hpp"
#include "domain/stats/dimension.hpp"
#include "domain/stats/fact.hpp"

namespace opennrm::stats {

// "victims", "police_report", "reflection_period_applied",
// "reflection_period", "residence_permit_applied", "residence_permit",
// "safe_return".
const std::vector<std::string>& IndicatorColumns();
// "consultations", "referrals_accepted", "municipalities".
const std::vector<std::string>& CooperationColumns();
// "0_7", "8_30", "31_90", "91_plus" (days).
const std::vector<std::string>& DaysToSupportBuckets();

// The bucket of a number of days; nullopt when negative (a data error).
std::optional<std::string> DaysToSupportBucketOf(long long days);

// The indicators by `geography` (kPoliceRegion or kCounty) over the facts
// recorded in [filter.from, filter.to] of filter's series (area and flags
// are ignored). Rows: every region or county of the dictionary, "unknown"
// first (the dictionary's order).
CountTable CountIndicators(const FactSnapshot& snapshot, const FactFilter& filter,
                           Dimension geography);

// The bucket holding the median of published bucket counts (in
// DaysToSupportBuckets() order), or nullopt when a count is not known (a
// hidden or blank count could move the median) or all are 0.
std::optional<std::string> MedianBucket(const std::vector<std::optional<long long>>& counts);

}  // namespace opennrm::stats
