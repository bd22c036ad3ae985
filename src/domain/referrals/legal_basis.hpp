// Legal bases of disclosures (GLOSSARY.md "Legal basis"): the rules that let
// an organisation pass data about a person to another one, as dated data per
// sender kind (data/rules/disclosure_bases.toml). A public authority
// discloses under the Public Access to Information and Secrecy Act (OSL,
// 2009:400); an NGO or IOM under data-protection law (GDPR). One code may
// have several entries (other sender kinds, other law, later versions); the
// entries of one code never overlap in time for the same sender kind.
// Thread-safety: immutable once built; safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::referrals {

// The kinds of basis. The disclosure validator knows what each means:
// kConsent needs a consent record, the others a written justification where
// the rule asks for one.
enum class BasisCode {
  kConsent,            // the person's consent (samtycke)
  kOwnTaskNecessity,   // necessary for the sender's own task (nödvändigt utlämnande)
  kCrimeSuspicion,     // suspicion of crime above a threshold (misstanke om brott)
  kDutyToReportChild,  // the report of concern about a child (orosanmälan)
  kVitalInterests,     // vital interests of the person, in immediate danger
};

const std::vector<BasisCode>& AllBasisCodes();
// "consent", "own_task_necessity", "crime_suspicion", "duty_to_report_child",
// "vital_interests".
std::string_view ToString(BasisCode code);
std::optional<BasisCode> ParseBasisCode(std::string_view text);

// One dated entry of the table.
struct BasisRule {
  BasisCode code = BasisCode::kConsent;
  std::string title_sv;  // for people, in plain words
  std::string title_en;
  std::vector<orgs::Kind> sender_kinds;  // who may use it; never empty
  std::string legal_reference_sv;        // the provision, as Swedish law cites it
  std::string legal_reference_en;
  bool justification_required = true;  // the sender writes why the basis applies
  // Limits; empty / false: none.
  std::vector<orgs::Kind> recipient_kinds;  // only to these recipient kinds
  bool child_only = false;                  // only about a person who is or may be a child
  bool immediate_danger_only = false;       // only when the person is in immediate danger
  bool needs_check = false;                 // confirm against the law before showing as advice
  CivilDate valid_from;
  std::optional<CivilDate> valid_to;  // the last day in force; nullopt: still in force
};

// Whether `rule` is in force on `day` (valid_from and valid_to inclusive).
bool InForceOn(const BasisRule& rule, CivilDate day);
// Whether organisations of `kind` may use `rule`.
bool AllowsSender(const BasisRule& rule, orgs::Kind kind);
// Whether `rule` lets data go to an organisation of `kind`.
bool AllowsRecipient(const BasisRule& rule, orgs::Kind kind);

class BasisTable {
 public:
  BasisTable() = default;

  // Checks each entry (titles and both references present, sender kinds
  // present and unique, recipient kinds unique, valid_to not before
  // valid_from) and the entries of each code together (no two in force on
  // the same day for the same sender kind: "overlaps"). Problems name
  // "bases[i].<field>", i being the index in `rules`.
  static Result<BasisTable> Build(std::vector<BasisRule> rules);

  // The bases a sender of `kind` may use on `day`, in the order of
  // AllBasisCodes() (at most one entry per code).
  std::vector<const BasisRule*> Available(orgs::Kind kind, CivilDate day) const;

  // The entry of `code` a sender of `kind` may use on `day`, or nullptr.
  const BasisRule* Find(BasisCode code, orgs::Kind kind, CivilDate day) const;

  // Whether any sender kind may use `code` on `day`.
  bool InForceForAnySender(BasisCode code, CivilDate day) const;

  // Every entry, in the order given to Build.
  const std::vector<BasisRule>& rules() const { return rules_; }

 private:
  explicit BasisTable(std::vector<BasisRule> rules) : rules_(std::move(rules)) {}
  std::vector<BasisRule> rules_;
};

}  // namespace opennrm::referrals
