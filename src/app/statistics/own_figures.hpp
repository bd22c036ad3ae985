// Own figures (issue 7 item 3; GET /statistics/own): the EXACT counts of the
// presumed victims in the caller's own organisation's cases, by up to two
// dimensions, for a period — for work inside the product. Marked not for
// publication and never exported: no CSV, no API token (a token is how data
// leaves the product), and nothing of another organisation.
// statistics.own (a regional coordinator; a hotline operator's organisation
// keeps no cases, so it sees zeros). Audited before the answer as
// "statistics.own_read" (the object is the organisation, never a person);
// refusals as denied. Thread-safe.
#pragma once

#include <optional>
#include <string>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "core/date.hpp"
#include "domain/stats/count_table.hpp"

namespace opennrm::app::statistics {

struct OwnRequest {
  std::optional<CivilDate> from;  // none: 1 January of this year (Stockholm)
  std::optional<CivilDate> to;    // none: today (Stockholm)
  std::string rows;               // a dimension word; "": one row "total"
  std::string columns;            // a dimension word; "": one column "total"
  std::string format;             // "" or "json"; "csv" is refused
};

struct OwnTable {
  std::string organisation;  // the caller's organisation id
  CivilDate from;
  CivilDate to;
  std::string rows;          // the dimension word, or "total"
  std::string columns;       // the dimension word, or "total"
  stats::CountTable counts;  // exact; nullopt = unknown
};

// kInvalid: `format`/`not_for_publication` (csv) or `format`/`unknown_code`;
// `rows`/`columns` `unknown_dimension` or `same_dimension`; `from`/`order`;
// `to`/`range` (over 30 years). kForbidden (not statistics.own, or an API
// token). kUnavailable when the facts cannot be read.
Result<OwnTable> ReadOwnFigures(const Context& ctx, const Caller& caller, const OwnRequest& request,
                                const ClientInfo& client);

// The shared checks of the own-figures reads: statistics.own by a person
// (never a token); on refusal audits `action` as denied.
Status AuthoriseOwn(const Context& ctx, const Caller& caller, const std::string& action,
                    const ClientInfo& client);
// The format rule of every own-figures read.
Status CheckOwnFormat(const std::string& format);

}  // namespace opennrm::app::statistics
