#include "domain/referrals/purpose_table.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/stockholm_date_math.hpp"

namespace opennrm::referrals {

namespace {

std::string Where(std::size_t i) { return "purposes[" + std::to_string(i) + "]"; }

template <class T>
void CheckUnique(const std::vector<T>& items, const std::string& field, Problems& p) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (std::find(items.begin(), items.begin() + static_cast<long>(i), items[i]) !=
        items.begin() + static_cast<long>(i)) {
      p.Add(field + "[" + std::to_string(i) + "]", "duplicate", "is listed twice.");
    }
  }
}

void CheckRule(const PurposeRule& r, const std::string& where, Problems& p) {
  if (r.response_days < 1 || r.response_days > kMaxResponseDays) {
    p.Add(where + ".response_days", "range",
          "must be from 1 to " + std::to_string(kMaxResponseDays) + " days.");
  }
  if (r.outcomes.empty()) {
    p.Add(where + ".outcomes", "required", "A purpose needs at least one outcome.");
  }
  for (std::size_t i = 0; i < r.outcomes.size(); ++i) {
    if (!IsCodeWord(r.outcomes[i])) {
      p.Add(where + ".outcomes[" + std::to_string(i) + "]", "format",
            "'" + r.outcomes[i] + "' is not a code word (a-z, 0-9, _).");
    }
  }
  CheckUnique(r.outcomes, where + ".outcomes", p);
  CheckUnique(r.usual_recipient_kinds, where + ".usual_recipient_kinds", p);
  CheckUnique(r.suggested_sections, where + ".suggested_sections", p);
}

}  // namespace

bool IsCodeWord(std::string_view code) {
  if (code.empty() || code.size() > 64 || code[0] < 'a' || code[0] > 'z') return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Result<PurposeTable> PurposeTable::Build(std::vector<PurposeRule> rules) {
  Problems p;
  std::set<Purpose> seen;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (!seen.insert(rules[i].purpose).second) {
      p.Add(Where(i) + ".purpose", "duplicate",
            "The purpose '" + std::string(ToString(rules[i].purpose)) + "' is listed twice.");
    }
    CheckRule(rules[i], Where(i), p);
  }
  for (Purpose purpose : AllPurposes()) {
    if (!seen.count(purpose)) {
      p.Add("purposes", "missing_purpose",
            "The purpose '" + std::string(ToString(purpose)) + "' is not listed.");
    }
  }
  if (auto st = p.ToStatus("The referral purposes are inconsistent."); !st) {
    return tl::unexpected(st.error());
  }
  const auto& order = AllPurposes();
  auto rank = [&](Purpose x) { return std::find(order.begin(), order.end(), x) - order.begin(); };
  std::sort(rules.begin(), rules.end(), [&](const PurposeRule& a, const PurposeRule& b) {
    return rank(a.purpose) < rank(b.purpose);
  });
  return PurposeTable(std::move(rules));
}

const PurposeRule* PurposeTable::Find(Purpose purpose) const {
  for (const auto& r : rules_) {
    if (r.purpose == purpose) return &r;
  }
  return nullptr;
}

Result<CivilDate> PurposeTable::ResponseDeadline(Purpose purpose, CivilDate sent_on) const {
  const PurposeRule* r = Find(purpose);
  if (!r) {
    return Invalid(
        "purpose", "unknown_purpose",
        "No response deadline is configured for '" + std::string(ToString(purpose)) + "'.");
  }
  return AddDays(sent_on, r->response_days);
}

bool PurposeTable::IsOutcome(Purpose purpose, std::string_view outcome) const {
  const PurposeRule* r = Find(purpose);
  return r && std::find(r->outcomes.begin(), r->outcomes.end(), outcome) != r->outcomes.end();
}

}  // namespace opennrm::referrals
