// The hotline statistics as read (issue 7 item 5; GET /statistics/hotline):
// every published hotline table of a year, from the stored release. The raw
// tables are built by HotlineTables (release_tables.hpp). statistics.read;
// audited before the answer. Thread-safe.
#pragma once

#include <optional>

#include "app/statistics/release_groups.hpp"

namespace opennrm::app::statistics {

// kInvalid `year`; kNotFound (unpublished); kForbidden.
Result<GroupView> ReadHotline(const Context& ctx, const Caller& caller, std::optional<int> year,
                              const ClientInfo& client);

}  // namespace opennrm::app::statistics
