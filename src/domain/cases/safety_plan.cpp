#include "domain/cases/safety_plan.hpp"

#include <algorithm>

#include "domain/cases/checks.hpp"
#include "domain/cases/enum_names.hpp"

namespace opennrm::cases {

namespace {

using detail::Item;
using detail::Path;
using N = std::string_view;

constexpr auto kLevels = detail::MakeNames<RiskLevel>(std::pair{RiskLevel::kLow, N("low")},
                                                      std::pair{RiskLevel::kMedium, N("medium")},
                                                      std::pair{RiskLevel::kHigh, N("high")});

// Emergency and service numbers are short (112, 114 14): three digits or more.
bool IsPhone(std::string_view phone) {
  int digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!(c == '+' && i == 0) && c != ' ' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 3 && digits <= 15;
}

}  // namespace

std::string_view ToString(RiskLevel level) { return kLevels.Name(level); }
std::optional<RiskLevel> ParseRiskLevel(std::string_view text) { return kLevels.Parse(text); }

void CheckSafetyPlan(const SafetyPlan& plan, CivilDate today, const std::string& path,
                     Problems& p) {
  for (std::size_t i = 0; i < plan.risks.size(); ++i) {
    detail::CheckText(p, Path(Item(Path(path, "risks"), i), "description"),
                      plan.risks[i].description, detail::kMaxLongText, true);
  }
  for (std::size_t i = 0; i < plan.measures.size(); ++i) {
    const std::string base = Item(Path(path, "measures"), i);
    detail::CheckText(p, Path(base, "description"), plan.measures[i].description,
                      detail::kMaxLongText, true);
    detail::CheckText(p, Path(base, "responsible"), plan.measures[i].responsible,
                      detail::kMaxShortText, false);
  }
  bool high = std::any_of(plan.risks.begin(), plan.risks.end(),
                          [](const Risk& r) { return r.level == RiskLevel::kHigh; });
  if (high && plan.measures.empty()) {
    p.Add(Path(path, "measures"), "measures_required", "A high risk needs protective measures.");
  }
  if (plan.who_to_call.empty()) {
    p.Add(Path(path, "who_to_call"), "required", "Say whom the person calls in danger.");
  }
  for (std::size_t i = 0; i < plan.who_to_call.size(); ++i) {
    const std::string base = Item(Path(path, "who_to_call"), i);
    const auto& c = plan.who_to_call[i];
    detail::CheckText(p, Path(base, "name"), c.name, detail::kMaxShortText, true);
    if (!IsPhone(c.phone)) p.Add(Path(base, "phone"), "format", "Not a phone number.");
  }
  detail::CheckNotFuture(p, Path(path, "made_on"), plan.made_on, today);
  if (plan.review_on && *plan.review_on < plan.made_on) {
    p.Add(Path(path, "review_on"), "end_before_start",
          "The review cannot come before the plan was made.");
  }
}

}  // namespace opennrm::cases
