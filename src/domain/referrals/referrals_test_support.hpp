// Test support for the unit tests of this folder (included by *_test.cpp
// only): a synthetic bases table and purpose table shaped like the shipped
// files (not read from them: the files have their own test in src/cli), and
// helpers to read results. Synthetic data only.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/orgs/organisation.hpp"
#include "domain/referrals/legal_basis.hpp"
#include "domain/referrals/purpose_table.hpp"

namespace opennrm::referrals::testing {

inline CivilDate Day(int y, unsigned m, unsigned d) { return CivilDate{y, m, d}; }

inline std::vector<orgs::Kind> Authorities() {
  std::vector<orgs::Kind> out;
  for (orgs::Kind k : orgs::AllKinds()) {
    if (orgs::IsPublicAuthority(k)) out.push_back(k);
  }
  return out;
}

inline std::vector<orgs::Kind> NotAuthorities() {
  std::vector<orgs::Kind> out;
  for (orgs::Kind k : orgs::AllKinds()) {
    if (!orgs::IsPublicAuthority(k)) out.push_back(k);
  }
  return out;
}

inline BasisRule Basis(BasisCode code, std::vector<orgs::Kind> senders, CivilDate from) {
  BasisRule r;
  r.code = code;
  r.title_sv = "Titel";
  r.title_en = "Title";
  r.sender_kinds = std::move(senders);
  r.legal_reference_sv = "Synthetic reference (sv)";
  r.legal_reference_en = "Synthetic reference (en)";
  r.justification_required = code != BasisCode::kConsent;
  r.valid_from = from;
  return r;
}

// Authorities: consent, own task, crime suspicion (police, prosecution);
// others: consent, vital interests (immediate danger); everyone: the report
// of concern (children, to municipal social services). From 2010-01-01.
inline std::vector<BasisRule> TestBasisRules() {
  const CivilDate from = Day(2010, 1, 1);
  std::vector<BasisRule> rules{Basis(BasisCode::kConsent, Authorities(), from),
                               Basis(BasisCode::kConsent, NotAuthorities(), from),
                               Basis(BasisCode::kOwnTaskNecessity, Authorities(), from),
                               Basis(BasisCode::kCrimeSuspicion, Authorities(), from),
                               Basis(BasisCode::kDutyToReportChild, orgs::AllKinds(), from),
                               Basis(BasisCode::kVitalInterests, NotAuthorities(), from)};
  rules[3].recipient_kinds = {orgs::Kind::kPoliceRegion, orgs::Kind::kProsecutionAuthority};
  rules[4].recipient_kinds = {orgs::Kind::kMunicipalSocialServices};
  rules[4].child_only = true;
  rules[5].immediate_danger_only = true;
  return rules;
}

inline const BasisTable& TestBases() {
  static const BasisTable kTable = *BasisTable::Build(TestBasisRules());
  return kTable;
}

inline std::vector<PurposeRule> TestPurposeRules() {
  std::vector<PurposeRule> rules;
  for (Purpose p : AllPurposes()) {
    PurposeRule r;
    r.purpose = p;
    r.response_days = p == Purpose::kChildProtection ? 1 : 7;
    r.outcomes = {"fulfilled", "other"};
    if (p == Purpose::kShelter) r.outcomes = {"shelter_place_given", "other"};
    rules.push_back(r);
  }
  return rules;
}

inline const PurposeTable& TestPurposes() {
  static const PurposeTable kTable = *PurposeTable::Build(TestPurposeRules());
  return kTable;
}

// "field/rule" for every problem of a failed result, in order; empty on success.
template <class R>
std::vector<std::string> Rules(const R& result) {
  std::vector<std::string> out;
  if (result) return out;
  for (const auto& f : result.error().fields) out.push_back(f.field + "/" + f.rule);
  return out;
}

inline bool HasRule(const std::vector<std::string>& rules, std::string_view field_rule) {
  return std::find(rules.begin(), rules.end(), field_rule) != rules.end();
}

}  // namespace opennrm::referrals::testing
