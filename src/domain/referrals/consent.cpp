#include "domain/referrals/consent.hpp"

#include <algorithm>
#include <utility>

#include "domain/cases/checks.hpp"
#include "domain/cases/enum_names.hpp"

namespace opennrm::referrals {

namespace {

using cases::detail::Path;
using N = std::string_view;

constexpr auto kForms = cases::detail::MakeNames<ConsentForm>(
    std::pair{ConsentForm::kSpoken, N("spoken")}, std::pair{ConsentForm::kWritten, N("written")},
    std::pair{ConsentForm::kSignedForm, N("signed_form")},
    std::pair{ConsentForm::kOther, N("other")});

constexpr auto kCoverages = cases::detail::MakeNames<ConsentCoverage>(
    std::pair{ConsentCoverage::kCovers, N("covers")},
    std::pair{ConsentCoverage::kNotYetGiven, N("not_yet_given")},
    std::pair{ConsentCoverage::kRevoked, N("revoked")},
    std::pair{ConsentCoverage::kOtherRecipient, N("other_recipient")},
    std::pair{ConsentCoverage::kOtherPurpose, N("other_purpose")},
    std::pair{ConsentCoverage::kSectionsOutside, N("sections_outside")});

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

void CheckRevocation(const Consent& consent, const ConsentRevocation& r, CivilDate today,
                     const std::string& path, Problems& p) {
  if (r.revoked_on < consent.given_on) {
    p.Add(Path(path, "revoked_on"), "before_given",
          "A consent cannot be revoked before the day it was given (" +
              FormatIsoDate(consent.given_on) + ").");
  }
  cases::detail::CheckNotFuture(p, Path(path, "revoked_on"), r.revoked_on, today);
  if (Blank(r.revoked_by)) {
    p.Add(Path(path, "revoked_by"), "required", "Who recorded the revocation.");
  }
  cases::detail::CheckText(p, Path(path, "reason"), r.reason, cases::detail::kMaxLongText, false);
}

}  // namespace

const std::vector<ConsentForm>& AllConsentForms() {
  static const std::vector<ConsentForm> kAll = kForms.All();
  return kAll;
}

std::string_view ToString(ConsentForm form) { return kForms.Name(form); }

std::optional<ConsentForm> ParseConsentForm(std::string_view text) { return kForms.Parse(text); }

std::string_view ToString(ConsentCoverage coverage) { return kCoverages.Name(coverage); }

Status ValidateConsent(const Consent& c, const cases::Person& person, const cases::Lookups& lookups,
                       CivilDate today) {
  Problems p;
  if (Blank(c.person_id)) {
    p.Add("person_id", "required", "Whose consent this is.");
  } else if (c.person_id != person.id) {
    p.Add("person_id", "other_person", "The consent names another person.");
  }
  if (Blank(c.recipient_organisation_id)) {
    p.Add("recipient_organisation_id", "required", "The organisation the consent is for.");
  }
  if (c.sections.empty()) {
    p.Add("sections", "required", "A consent names the sections it lets be shared.");
  }
  for (std::size_t i = 0; i < c.sections.size(); ++i) {
    const auto begin = c.sections.begin();
    if (std::find(begin, begin + static_cast<long>(i), c.sections[i]) !=
        begin + static_cast<long>(i)) {
      p.Add(cases::detail::Item("sections", i), "duplicate",
            "'" + std::string(access::ToString(c.sections[i])) + "' is listed twice.");
    }
  }
  cases::detail::CheckNotFuture(p, "given_on", c.given_on, today);
  if (!cases::Knows(lookups.is_language, c.language)) {
    p.Add("language", "unknown_language", "'" + c.language + "' is not a known language code.");
  }
  if (c.interpreter) cases::CheckInterpreter(*c.interpreter, lookups, "interpreter", p);
  cases::CheckUnderstood(person, c.language, c.interpreter, "", p);
  if (Blank(c.taken_by)) p.Add("taken_by", "required", "Who took the consent.");
  if (c.revocation) CheckRevocation(c, *c.revocation, today, "revocation", p);
  return p.ToStatus("The consent breaks one or more rules.");
}

Status ValidateRevocation(const Consent& consent, const ConsentRevocation& revocation,
                          CivilDate today) {
  Problems p;
  if (consent.revocation) {
    p.Add("revocation", "already_revoked",
          "The consent was revoked on " + FormatIsoDate(consent.revocation->revoked_on) + ".");
  }
  CheckRevocation(consent, revocation, today, "", p);
  return p.ToStatus("The revocation breaks one or more rules.");
}

Result<Consent> Revoke(Consent consent, ConsentRevocation revocation, CivilDate today) {
  if (auto st = ValidateRevocation(consent, revocation, today); !st) {
    return tl::unexpected(st.error());
  }
  consent.revocation = std::move(revocation);
  return consent;
}

bool IsRevokedOn(const Consent& consent, CivilDate day) {
  return consent.revocation && consent.revocation->revoked_on <= day;
}

std::vector<access::Section> SectionsOutside(const Consent& consent,
                                             const std::vector<access::Section>& sections) {
  std::vector<access::Section> out;
  for (access::Section s : sections) {
    if (std::find(consent.sections.begin(), consent.sections.end(), s) == consent.sections.end()) {
      out.push_back(s);
    }
  }
  return out;
}

ConsentCoverage CheckCoverage(const Consent& consent, std::string_view recipient_id,
                              Purpose purpose, const std::vector<access::Section>& sections,
                              CivilDate day) {
  if (day < consent.given_on) return ConsentCoverage::kNotYetGiven;
  if (IsRevokedOn(consent, day)) return ConsentCoverage::kRevoked;
  if (consent.recipient_organisation_id != recipient_id) return ConsentCoverage::kOtherRecipient;
  if (consent.purpose != purpose) return ConsentCoverage::kOtherPurpose;
  if (sections.empty() || !SectionsOutside(consent, sections).empty()) {
    return ConsentCoverage::kSectionsOutside;
  }
  return ConsentCoverage::kCovers;
}

bool Covers(const Consent& consent, std::string_view recipient_id, Purpose purpose,
            const std::vector<access::Section>& sections, CivilDate day) {
  return CheckCoverage(consent, recipient_id, purpose, sections, day) == ConsentCoverage::kCovers;
}

}  // namespace opennrm::referrals
