// The purposes of referrals as the product is configured
// (data/rules/referral_purposes.toml): per purpose, the default number of
// days the recipient has to answer, the outcomes a recipient may record when
// the purpose is fulfilled, and guidance for the referral dialog (the
// recipient kinds a purpose usually goes to, the sections usually shared).
// Guidance is never a rule: the sender chooses recipient and sections.
// Thread-safety: immutable once built; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/access/section.hpp"
#include "domain/orgs/organisation.hpp"
#include "domain/referrals/purpose.hpp"

namespace opennrm::referrals {

constexpr int kMaxResponseDays = 365;

struct PurposeRule {
  Purpose purpose = Purpose::kOther;
  int response_days = 0;              // the recipient answers by the day sent + response_days
  std::vector<std::string> outcomes;  // codes ("shelter_place_given")
  std::vector<orgs::Kind> usual_recipient_kinds;    // guidance only
  std::vector<access::Section> suggested_sections;  // guidance only
};

class PurposeTable {
 public:
  PurposeTable() = default;

  // Checks every rule and that each purpose is listed exactly once.
  // Problems name "purposes[i].<field>" ("duplicate", "range", "required",
  // "format"), or "purposes" with "missing_purpose".
  static Result<PurposeTable> Build(std::vector<PurposeRule> rules);

  // The rule of `purpose`; nullptr only in an empty (default) table.
  const PurposeRule* Find(Purpose purpose) const;

  // The day the recipient should answer by: `sent_on` + the purpose's days
  // (a civil date; no time zone). kInvalid "purpose"/"unknown_purpose" when
  // the table lacks the purpose.
  Result<CivilDate> ResponseDeadline(Purpose purpose, CivilDate sent_on) const;

  // Whether `outcome` is one of the purpose's outcome codes.
  bool IsOutcome(Purpose purpose, std::string_view outcome) const;

  // Every rule, in the order of AllPurposes().
  const std::vector<PurposeRule>& rules() const { return rules_; }

 private:
  explicit PurposeTable(std::vector<PurposeRule> rules) : rules_(std::move(rules)) {}
  std::vector<PurposeRule> rules_;
};

// Whether `code` is a stable code word: 1-64 of [a-z0-9_], starting with a letter.
bool IsCodeWord(std::string_view code);

}  // namespace opennrm::referrals
