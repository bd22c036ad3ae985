#include "domain/tracks/closure.hpp"

#include <array>
#include <string>
#include <utility>

namespace opennrm::tracks {

namespace {

constexpr std::array<std::pair<ClosureReason, std::string_view>, 6> kNames{{
    {ClosureReason::kSafeReturnCompleted, "safe_return_completed"},
    {ClosureReason::kIntegrated, "integrated"},
    {ClosureReason::kDeclinedSupport, "declined_support"},
    {ClosureReason::kLostContact, "lost_contact"},
    {ClosureReason::kNotATraffickingCase, "not_a_trafficking_case"},
    {ClosureReason::kTransferredAbroad, "transferred_abroad"},
}};

}  // namespace

const std::vector<ClosureReason>& AllClosureReasons() {
  static const std::vector<ClosureReason> kAll = [] {
    std::vector<ClosureReason> v;
    for (const auto& [reason, name] : kNames) v.push_back(reason);
    return v;
  }();
  return kAll;
}

std::string_view ToString(ClosureReason reason) {
  for (const auto& [r, name] : kNames) {
    if (r == reason) return name;
  }
  return "";
}

std::optional<ClosureReason> ParseClosureReason(std::string_view text) {
  for (const auto& [reason, name] : kNames) {
    if (name == text) return reason;
  }
  return std::nullopt;
}

Result<ClosureReason> RequireClosureReason(std::string_view text) {
  if (auto r = ParseClosureReason(text)) return *r;
  std::string list;
  for (const auto& [reason, name] : kNames) list += (list.empty() ? "" : ", ") + std::string(name);
  return Invalid("reason", "unknown_closure_reason",
                 "A case closes with one of: " + list + " (got '" + std::string(text) + "').");
}

}  // namespace opennrm::tracks
