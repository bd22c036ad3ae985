// Short generated captions of the annual report (issue 7 item 7), in Swedish
// and English, computed from PUBLISHED values only: a caption reads the
// protected table (after disclosure control) and never a raw count, never
// names a hidden value, and claims "the largest" only when no hidden value
// could be larger. Pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/stats/disclosure_control.hpp"

namespace opennrm::stats {

struct Caption {
  std::string sv;
  std::string en;
  bool operator==(const Caption&) const = default;
};

// Words for category keys. The built-in ones cover the closed lists
// (gender, age and citizenship groups, Eurostat words, forms, channels,
// topics, buckets); the caller adds area names (police regions, counties).
using Labels = std::map<std::string, Caption, std::less<>>;
// The label of `key`: from `extra`, else built in, else the key itself.
Caption LabelOf(std::string_view key, const Labels& extra = {});

// "In 2025, 250 presumed victims were identified." / hidden / not known.
Caption HeadlineCaption(int year, const ProtectedCell& total);

// "Presumed victims are shown for 12 of 21 counties; 3 are hidden by
// statistical disclosure control." over the rows of a geography table
// (the row "unknown" is not an area). `level` is "police_region" or
// "county". With every rate shown, adds the highest rate per 100,000.
Caption AreasCaption(const ProtectedTable& table, std::string_view level,
                     const std::vector<ProtectedRate>& rates_per_100000, const Labels& labels);

// The key of the largest of `cells` (one per key), when it is shown, larger
// than every other shown one and larger than anything hidden could be: with
// `adds_up` and a shown total, hidden values sum to total - shown; otherwise
// nothing may be hidden. nullopt when no claim is safe.
std::optional<std::string> LargestKey(const std::vector<std::string>& keys,
                                      const std::vector<ProtectedCell>& cells,
                                      const ProtectedCell& total, bool adds_up);

// "The largest group is women." over the column totals (`by_columns`) or the
// row totals of the table; "The published figures do not show which group
// is largest." when LargestKey makes no claim.
Caption LargestGroupCaption(const ProtectedTable& table, bool by_columns, const Labels& labels);

// "41.2% of presumed victims: police report." for a shown share; empty otherwise.
Caption ShareCaption(std::string_view column, const ProtectedRate& share, const Labels& labels);

// "The median time from first consultation to an accepted referral: 8-30 days."
// for a median bucket (indicators.hpp MedianBucket); "not known" without one.
Caption MedianCaption(const std::optional<std::string>& bucket, const Labels& labels);

// Joins captions with a space, skipping empty ones.
Caption Join(const std::vector<Caption>& parts);

// A number as captions write it: "1 234" (sv) and "1,234" (en).
Caption NumberWords(long long n);

}  // namespace opennrm::stats
