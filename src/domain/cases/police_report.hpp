// Swedish police report numbers (diarienummer of a crime report, "K-nummer"),
// e.g. "5000-K123456-26": the registering unit's four-digit code, K, a
// running number and the two-digit year. Lenient about spacing, case and a
// four-digit year; refuses anything else. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace opennrm::cases {

// The canonical form ("5000-K123456-26") of a plausible police report
// number; nullopt for anything else.
std::optional<std::string> NormalisePoliceReportNumber(std::string_view text);

}  // namespace opennrm::cases
