// The purpose of a referral (GLOSSARY.md "Referral / disclosure"): why the
// sending organisation passes the person on. A consent is given for one
// purpose; the response deadline and the outcomes a recipient may record
// come from the purpose table (purpose_table.hpp). Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace opennrm::referrals {

enum class Purpose {
  kSupport,                      // support from the recipient
  kShelter,                      // a place in a shelter (skyddat boende)
  kReturn,                       // a safe return (e.g. the return programme run by IOM)
  kReflectionPeriodApplication,  // the social welfare board applies for a reflection period
  kReportToPolice,               // the person wants to report to the police
  kChildProtection,              // a child: report of concern (orosanmälan) or protection
  kOther,
};

// Every purpose, in display order.
const std::vector<Purpose>& AllPurposes();
// "support", "shelter", "return", "reflection_period_application",
// "report_to_police", "child_protection", "other".
std::string_view ToString(Purpose purpose);
std::optional<Purpose> ParsePurpose(std::string_view text);

}  // namespace opennrm::referrals
