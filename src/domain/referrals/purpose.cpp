#include "domain/referrals/purpose.hpp"

#include <utility>

#include "domain/cases/enum_names.hpp"

namespace opennrm::referrals {

namespace {

using N = std::string_view;

constexpr auto kPurposes = cases::detail::MakeNames<Purpose>(
    std::pair{Purpose::kSupport, N("support")}, std::pair{Purpose::kShelter, N("shelter")},
    std::pair{Purpose::kReturn, N("return")},
    std::pair{Purpose::kReflectionPeriodApplication, N("reflection_period_application")},
    std::pair{Purpose::kReportToPolice, N("report_to_police")},
    std::pair{Purpose::kChildProtection, N("child_protection")},
    std::pair{Purpose::kOther, N("other")});

}  // namespace

const std::vector<Purpose>& AllPurposes() {
  static const std::vector<Purpose> kAll = kPurposes.All();
  return kAll;
}

std::string_view ToString(Purpose purpose) { return kPurposes.Name(purpose); }

std::optional<Purpose> ParsePurpose(std::string_view text) { return kPurposes.Parse(text); }

}  // namespace opennrm::referrals
