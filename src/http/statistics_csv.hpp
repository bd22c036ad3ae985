// CSV for published statistics (docs/statistics.md): one field of a cell
// ("..": hidden by disclosure control, "": unknown, else the published
// count) and one RFC 4180 line. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "domain/stats/disclosure_control.hpp"

namespace opennrm::http {

std::string StatisticsCsvCell(const stats::ProtectedCell& cell);

// The fields joined by commas, each quoted when it holds a comma, a quote or
// a line break; ends with CRLF.
std::string StatisticsCsvLine(const std::vector<std::string>& fields);

}  // namespace opennrm::http
