// The aggregation engine (issue 7 item 1): counts presumed victims in a
// FactSnapshot by up to two dimensions, for a period, a series and an area.
// The result is a CountTable BEFORE disclosure control: it never leaves the
// product except through disclosure_control.hpp (or, for a coordinator's own
// organisation, as exact figures marked not for publication).
//
// Counting rules, written down:
// - One series per reporting organisation: no person is matched across
//   organisations. A series is the set of organisation kinds (or single
//   organisations) whose facts are counted; the regional coordinators'
//   series is the national headline.
// - A fact counts in the period of its `recorded_on` day.
// - Categories are complete: every region, county, gender category, age
//   group, citizenship group, case type, form, sector, step and outcome of
//   the dictionary, and every period in the range, appear even when zero
//   (a known 0). Country lists only the countries with a counted fact,
//   sorted by code. "unknown" of police region, county, case type and
//   country comes last; outcome keeps the dictionary's order ("open" first).
// - A multi-valued dimension (form, sector, step) counts a fact in each of
//   its categories, and a fact with none of them in no category; the margin
//   of such a dimension counts each fact once, so the table says that its
//   lines do not add up.
// Pure; thread-safe on a const snapshot.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/stats/count_table.hpp"
#include "domain/stats/dimension.hpp"
#include "domain/stats/fact.hpp"

namespace opennrm::stats {

struct FactFilter {
  CivilDate from;                               // inclusive, on recorded_on
  CivilDate to;                                 // inclusive
  std::vector<std::string> organisation_kinds;  // the series by kind; empty: every kind
  std::vector<std::string> organisations;       // organisation ids; empty: every one
  std::string police_region;                    // "": the whole country
  std::string county;                           // "": every county (of the region)
  uint16_t require_flags = 0;                   // FactFlag bits every counted fact has
};

struct FactQuery {
  FactFilter filter;
  std::optional<Dimension> rows;     // none: one row "total"
  std::optional<Dimension> columns;  // none: one column "total"
};

// The query is sound: from <= to, at most 30 years, rows != columns, a
// police region or county the dictionary knows (and a county inside the
// region). Fails kInvalid naming "from"/"to"/"columns"/"area" and the rule
// ("order", "range", "same_dimension", "unknown_code", "outside_region").
Status CheckQuery(const FactQuery& query, const FactDictionary& dictionary);

// The counts. REQUIRES: CheckQuery passed.
CountTable Aggregate(const FactSnapshot& snapshot, const FactQuery& query);

// The category keys of a dimension for the dictionary and period (what
// Aggregate puts on that axis, before "country" drops absent countries).
std::vector<std::string> CategoriesOf(Dimension dimension, const FactDictionary& dictionary,
                                      const CivilDate& from, const CivilDate& to);

}  // namespace opennrm::stats
