#include "domain/referrals/referral_decision.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "domain/cases/checks.hpp"

namespace opennrm::referrals {

namespace {

using access::Section;

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool Has(const std::vector<Section>& sections, Section s) {
  return std::find(sections.begin(), sections.end(), s) != sections.end();
}

std::string Quoted(BasisCode code) { return "'" + std::string(ToString(code)) + "'"; }

std::string KindList(const std::vector<orgs::Kind>& kinds) {
  std::string out;
  for (orgs::Kind k : kinds) out += (out.empty() ? "" : ", ") + std::string(orgs::ToString(k));
  return out;
}

void CheckRecipient(const DisclosureDraft& d, Problems& p) {
  const std::string field = "recipient_organisation_id";
  if (Blank(d.recipient.organisation_id)) {
    p.Add(field, "required", "Choose the organisation to refer to.");
    return;
  }
  if (d.recipient.organisation_id == d.sender.organisation_id) {
    p.Add(field, "same_organisation", "A referral goes to another organisation.");
  }
  if (!d.recipient.active) {
    p.Add(field, "recipient_inactive", "The organisation is not active in the directory.");
  }
  if (d.facts.includes_offence_roles && !orgs::IsPublicAuthority(d.recipient.kind)) {
    p.Add(field, "suspect_data_only_to_authority",
          "Data about suspects or buyers may be disclosed only to a public authority.");
  }
}

void CheckSections(const DisclosureDraft& d, Problems& p) {
  if (d.sections.empty()) p.Add("sections", "required", "Choose the sections to share.");
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    const auto begin = d.sections.begin();
    if (std::find(begin, begin + static_cast<long>(i), d.sections[i]) !=
        begin + static_cast<long>(i)) {
      p.Add(cases::detail::Item("sections", i), "duplicate", "The section is chosen twice.");
    } else if (d.sections[i] == Section::kProceedings &&
               !orgs::IsPublicAuthority(d.facts.owner_kind)) {
      p.Add(cases::detail::Item("sections", i), "section_not_in_case",
            "Only a case a public authority owns records criminal proceedings.");
    }
  }
}

// The rule word for a recipient outside the basis's recipient kinds.
std::string RecipientKindRule(BasisCode code) {
  switch (code) {
    case BasisCode::kDutyToReportChild:
      return "child_report_of_concern_only_to_social_services";
    case BasisCode::kCrimeSuspicion:
      return "crime_suspicion_only_to_police_or_prosecution";
    default:
      return "basis_not_for_recipient_kind";
  }
}

void CheckLimits(const BasisRule& rule, const DisclosureDraft& d, Problems& p) {
  if (!AllowsRecipient(rule, d.recipient.kind)) {
    p.Add("recipient_organisation_id", RecipientKindRule(rule.code),
          "On the basis " + Quoted(rule.code) +
              " data may go only to: " + KindList(rule.recipient_kinds) + ".");
  }
  if (rule.child_only && !d.facts.may_be_child) {
    p.Add("basis", "basis_only_for_child",
          "The basis " + Quoted(rule.code) + " applies only to a person who is or may be a child.");
  }
  if (rule.immediate_danger_only && !d.facts.immediate_danger) {
    p.Add(
        "basis", "basis_needs_immediate_danger",
        "The basis " + Quoted(rule.code) + " applies only when the person is in immediate danger.");
  }
  if (rule.justification_required && Blank(d.basis.justification)) {
    p.Add("justification", "justification_required",
          "Write why the basis " + Quoted(rule.code) + " applies.");
  }
}

void CheckConsent(const DisclosureDraft& d, CivilDate today, Problems& p) {
  const BasisChoice& b = d.basis;
  if (b.code != BasisCode::kConsent) {
    if (b.consent) {
      p.Add("consent_id", "only_with_consent_basis",
            "A consent is relied on only when the basis is the person's consent.");
    }
    return;
  }
  if (!b.consent) {
    p.Add("consent_id", "required", "Choose the person's consent the referral relies on.");
    return;
  }
  const Consent& c = *b.consent;
  if (c.person_id != d.facts.person_id) {
    p.Add("consent_id", "consent_other_person", "The consent was given by another person.");
    return;
  }
  const ConsentCoverage coverage =
      CheckCoverage(c, d.recipient.organisation_id, d.purpose, d.sections, today);
  switch (coverage) {
    case ConsentCoverage::kCovers:
      return;
    case ConsentCoverage::kRevoked:
      p.Add("consent_id", "consent_revoked",
            "The person revoked this consent on " + FormatIsoDate(c.revocation->revoked_on) + ".");
      return;
    default:
      p.Add("consent_id", "consent_not_covering",
            "The consent does not cover this referral (" + std::string(ToString(coverage)) +
                "): a consent covers only its own recipient, purpose and sections.");
  }
}

// Issue 5 point 4: support records of an organisation that is not a public
// authority go to the police or the prosecution only with the person's
// consent, or on vital interests in immediate danger.
void CheckSupportRecordsToPolice(const DisclosureDraft& d, Problems& p) {
  if (orgs::IsPublicAuthority(d.facts.owner_kind) || !IsPoliceOrProsecution(d.recipient.kind)) {
    return;
  }
  const bool support_records = std::any_of(d.sections.begin(), d.sections.end(), [](Section s) {
    return Has(SupportRecordSections(), s);
  });
  if (!support_records) return;
  const bool consent = d.basis.code == BasisCode::kConsent;
  const bool danger = d.basis.code == BasisCode::kVitalInterests && d.facts.immediate_danger;
  if (consent || danger) return;
  p.Add("basis", "support_records_to_police_need_consent",
        "Support records (support, needs and safety, notes) go to the police or the prosecution "
        "only with the person's consent, or when the person is in immediate danger. Support "
        "never depends on reporting.");
}

ApprovedScope Scope(const DisclosureDraft& d, const BasisRule& rule) {
  ApprovedScope s;
  s.basis = rule;
  if (d.basis.code == BasisCode::kConsent && d.basis.consent) s.consent_id = d.basis.consent->id;
  s.justification = d.basis.justification;
  for (Section section : access::AllSections()) {
    if (!Has(d.sections, section)) continue;
    if (d.facts.protected_identity && section == Section::kContact) {
      s.withheld.push_back(section);
    } else {
      s.sections.push_back(section);
    }
  }
  s.strip_places = d.facts.protected_identity;
  s.warn_recipient_protected = d.facts.protected_identity;
  return s;
}

}  // namespace

const std::vector<access::Section>& SupportRecordSections() {
  static const std::vector<Section> kSections{Section::kSupport, Section::kNeedsSafety,
                                              Section::kNotes};
  return kSections;
}

bool IsPoliceOrProsecution(orgs::Kind kind) {
  return kind == orgs::Kind::kPoliceRegion || kind == orgs::Kind::kProsecutionAuthority;
}

Result<ApprovedScope> DecideDisclosure(const DisclosureDraft& d, CivilDate today,
                                       const BasisTable& bases) {
  Problems p;
  CheckRecipient(d, p);
  CheckSections(d, p);
  const BasisRule* rule = nullptr;
  if (!d.basis.code) {
    p.Add("basis", "no_basis",
          "A referral needs the person's consent or another legal basis for the disclosure.");
  } else {
    rule = bases.Find(*d.basis.code, d.sender.kind, today);
    if (rule) {
      CheckLimits(*rule, d, p);
    } else if (bases.InForceForAnySender(*d.basis.code, today)) {
      p.Add("basis", "basis_not_for_sender_kind",
            "An organisation of kind '" + std::string(orgs::ToString(d.sender.kind)) +
                "' cannot disclose on the basis " + Quoted(*d.basis.code) + ".");
    } else {
      p.Add("basis", "basis_not_in_force",
            "The basis " + Quoted(*d.basis.code) + " is not in force on " + FormatIsoDate(today) +
                ".");
    }
  }
  CheckConsent(d, today, p);
  CheckSupportRecordsToPolice(d, p);
  cases::detail::CheckText(p, "justification", d.basis.justification, cases::detail::kMaxLongText,
                           false);
  if (!p.empty() || !rule) {
    return tl::unexpected(p.ToStatus("The referral cannot be sent as it is.").error());
  }
  ApprovedScope scope = Scope(d, *rule);
  if (scope.sections.empty()) {
    return Invalid("sections", "only_withheld_sections",
                   "A protected person's contact details are never disclosed; choose other "
                   "sections.");
  }
  return scope;
}

}  // namespace opennrm::referrals
