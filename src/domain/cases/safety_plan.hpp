// A safety plan made with the person: the risks they face, the measures that
// protect them and whom to call. Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::cases {

enum class RiskLevel { kLow, kMedium, kHigh };
std::string_view ToString(RiskLevel level);
std::optional<RiskLevel> ParseRiskLevel(std::string_view text);

struct Risk {
  std::string description;  // e.g. "the recruiter knows the shelter's town"
  RiskLevel level = RiskLevel::kMedium;
};

struct ProtectiveMeasure {
  std::string description;  // e.g. "move to a shelter in another police region"
  std::string responsible;  // who carries it out; may be empty
};

struct EmergencyContact {
  std::string name;  // e.g. "Police", "Shelter staff on duty"
  std::string phone;
};

struct SafetyPlan {
  std::vector<Risk> risks;
  std::vector<ProtectiveMeasure> measures;
  std::vector<EmergencyContact> who_to_call;
  CivilDate made_on;
  std::optional<CivilDate> review_on;  // when to go through it again
  bool made_with_person = true;        // the person took part
};

// Adds under `path`: "required" (risk and measure descriptions, a contact's
// name and phone, at least one contact), "format" (phone),
// "measures_required" (a high risk without any measure), "not_future"
// (made_on), "end_before_start" (review before the plan was made).
void CheckSafetyPlan(const SafetyPlan& plan, CivilDate today, const std::string& path,
                     Problems& problems);

}  // namespace opennrm::cases
