// The Eurostat layout as read (issue 7 item 6; GET /statistics/eu and
// /statistics/eu.csv): the published EU tables of a year and series (the
// victims' tables of the series, the official crime tables), from the stored
// release. The raw tables are built by EuTables (release_tables.hpp).
// statistics.read; a read is audited as "statistics.eu_read", the CSV as
// "statistics.exported". Thread-safe.
#pragma once

#include <optional>
#include <string>

#include "app/statistics/release_groups.hpp"

namespace opennrm::app::statistics {

// kInvalid `year`, `series`; kNotFound (unpublished); kForbidden.
Result<GroupView> ReadEu(const Context& ctx, const Caller& caller, std::optional<int> year,
                         const std::string& series, bool export_csv, const ClientInfo& client);

}  // namespace opennrm::app::statistics
