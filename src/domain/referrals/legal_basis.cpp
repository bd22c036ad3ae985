#include "domain/referrals/legal_basis.hpp"

#include <algorithm>
#include <utility>

#include "domain/cases/enum_names.hpp"

namespace opennrm::referrals {

namespace {

using N = std::string_view;

constexpr auto kCodes = cases::detail::MakeNames<BasisCode>(
    std::pair{BasisCode::kConsent, N("consent")},
    std::pair{BasisCode::kOwnTaskNecessity, N("own_task_necessity")},
    std::pair{BasisCode::kCrimeSuspicion, N("crime_suspicion")},
    std::pair{BasisCode::kDutyToReportChild, N("duty_to_report_child")},
    std::pair{BasisCode::kVitalInterests, N("vital_interests")});

std::string Where(std::size_t i) { return "bases[" + std::to_string(i) + "]"; }

bool Contains(const std::vector<orgs::Kind>& kinds, orgs::Kind kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

void CheckKinds(const std::vector<orgs::Kind>& kinds, const std::string& field, Problems& p) {
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (std::find(kinds.begin(), kinds.begin() + static_cast<long>(i), kinds[i]) !=
        kinds.begin() + static_cast<long>(i)) {
      p.Add(field + "[" + std::to_string(i) + "]", "duplicate",
            "'" + std::string(orgs::ToString(kinds[i])) + "' is listed twice.");
    }
  }
}

void Required(const std::string& value, const std::string& field, Problems& p) {
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
    p.Add(field, "required", "is missing.");
  }
}

void CheckRule(const BasisRule& r, const std::string& where, Problems& p) {
  Required(r.title_sv, where + ".title_sv", p);
  Required(r.title_en, where + ".title_en", p);
  Required(r.legal_reference_sv, where + ".legal_reference_sv", p);
  Required(r.legal_reference_en, where + ".legal_reference_en", p);
  if (r.sender_kinds.empty()) {
    p.Add(where + ".sender_kinds", "required", "A basis needs at least one sender kind.");
  }
  CheckKinds(r.sender_kinds, where + ".sender_kinds", p);
  CheckKinds(r.recipient_kinds, where + ".recipient_kinds", p);
  if (r.valid_to && *r.valid_to < r.valid_from) {
    p.Add(where + ".valid_to", "end_before_start", "must not be before valid_from.");
  }
}

bool PeriodsOverlap(const BasisRule& a, const BasisRule& b) {
  const bool a_ends_first = a.valid_to && *a.valid_to < b.valid_from;
  const bool b_ends_first = b.valid_to && *b.valid_to < a.valid_from;
  return !a_ends_first && !b_ends_first;
}

bool ShareSender(const BasisRule& a, const BasisRule& b) {
  return std::any_of(a.sender_kinds.begin(), a.sender_kinds.end(),
                     [&](orgs::Kind k) { return Contains(b.sender_kinds, k); });
}

}  // namespace

const std::vector<BasisCode>& AllBasisCodes() {
  static const std::vector<BasisCode> kAll = kCodes.All();
  return kAll;
}

std::string_view ToString(BasisCode code) { return kCodes.Name(code); }

std::optional<BasisCode> ParseBasisCode(std::string_view text) { return kCodes.Parse(text); }

bool InForceOn(const BasisRule& rule, CivilDate day) {
  return rule.valid_from <= day && (!rule.valid_to || day <= *rule.valid_to);
}

bool AllowsSender(const BasisRule& rule, orgs::Kind kind) {
  return Contains(rule.sender_kinds, kind);
}

bool AllowsRecipient(const BasisRule& rule, orgs::Kind kind) {
  return rule.recipient_kinds.empty() || Contains(rule.recipient_kinds, kind);
}

Result<BasisTable> BasisTable::Build(std::vector<BasisRule> rules) {
  Problems p;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    CheckRule(rules[i], Where(i), p);
    for (std::size_t j = 0; j < i; ++j) {
      const BasisRule& a = rules[j];
      const BasisRule& b = rules[i];
      if (a.code == b.code && PeriodsOverlap(a, b) && ShareSender(a, b)) {
        p.Add(Where(i) + ".valid_from", "overlaps",
              "'" + std::string(ToString(b.code)) + "' is in force on the same days as " +
                  Where(j) + " for the same sender kind.");
      }
    }
  }
  if (auto st = p.ToStatus("The disclosure bases are inconsistent."); !st) {
    return tl::unexpected(st.error());
  }
  return BasisTable(std::move(rules));
}

std::vector<const BasisRule*> BasisTable::Available(orgs::Kind kind, CivilDate day) const {
  std::vector<const BasisRule*> out;
  for (BasisCode code : AllBasisCodes()) {
    if (const BasisRule* r = Find(code, kind, day)) out.push_back(r);
  }
  return out;
}

const BasisRule* BasisTable::Find(BasisCode code, orgs::Kind kind, CivilDate day) const {
  for (const auto& r : rules_) {
    if (r.code == code && InForceOn(r, day) && AllowsSender(r, kind)) return &r;
  }
  return nullptr;
}

bool BasisTable::InForceForAnySender(BasisCode code, CivilDate day) const {
  return std::any_of(rules_.begin(), rules_.end(),
                     [&](const BasisRule& r) { return r.code == code && InForceOn(r, day); });
}

}  // namespace opennrm::referrals
