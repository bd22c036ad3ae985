#include "app/referrals/consent_support.hpp"

#include "app/auth/internal.hpp"
#include "domain/cases/checks.hpp"

namespace opennrm::app::consent_internal {

using namespace auth_internal;

ports::FieldLocation ConsentBodyAt(const std::string& org, const std::string& id) {
  return ports::FieldLocation{org, "consents", "body", id};
}

ports::FieldLocation ConsentRevocationAt(const std::string& org, const std::string& id) {
  return ports::FieldLocation{org, "consents", "revocation", id};
}

referrals::Consent ConsentFromInput(const NewConsent& in, Problems& p) {
  referrals::Consent c;
  c.person_id = in.person_id;
  c.recipient_organisation_id = in.recipient_organisation_id;
  if (auto purpose = referrals::ParsePurpose(in.purpose)) {
    c.purpose = *purpose;
  } else {
    p.Add("purpose", "unknown_code", "Unknown purpose: " + in.purpose.substr(0, 64));
  }
  if (auto form = referrals::ParseConsentForm(in.form)) {
    c.form = *form;
  } else {
    p.Add("form", "unknown_code", "Choose a form: spoken, written, signed_form or other.");
  }
  for (std::size_t i = 0; i < in.sections.size(); ++i) {
    if (auto s = access::ParseSection(in.sections[i])) {
      c.sections.push_back(*s);
    } else {
      p.Add("sections[" + std::to_string(i) + "]", "unknown_code",
            "Unknown section: " + in.sections[i].substr(0, 64));
    }
  }
  if (in.sections.empty()) {
    p.Add("sections", "required", "A consent names the sections it lets be shared.");
  }
  c.given_on = in.given_on;
  c.language = in.language;
  c.interpreter = in.interpreter;
  cases::detail::CheckText(p, "note", in.note, cases::detail::kMaxLongText, false);
  return c;
}

void CheckConsentRecipient(const std::string& recipient_id,
                           const std::optional<orgs::Organisation>& recipient,
                           const std::string& own_organisation_id, Problems& p) {
  if (recipient_id.empty()) return;
  if (!recipient) {
    p.Add("recipient_organisation_id", "unknown_organisation",
          "No such organisation in the directory.");
  } else if (recipient->id == own_organisation_id) {
    p.Add("recipient_organisation_id", "own_organisation",
          "A consent is for another organisation; the recorder's own needs none.");
  } else if (!recipient->data.active) {
    p.Add("recipient_organisation_id", "inactive_organisation",
          "The organisation is no longer active in the directory.");
  }
}

namespace {

std::string Find(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? std::string() : it->second;
}

}  // namespace

Result<ConsentView> OpenConsent(const Context& ctx, const ports::ConsentRow& row,
                                const std::map<std::string, std::string>& person_codes,
                                const std::map<std::string, std::string>& organisation_names) {
  ConsentView v;
  referrals::Consent& c = v.consent;
  c.id = row.id;
  c.person_id = row.person_id;
  c.recipient_organisation_id = row.recipient_organisation_id;
  auto purpose = referrals::ParsePurpose(row.purpose);
  auto form = referrals::ParseConsentForm(row.form);
  if (!purpose || !form) return Internal("A stored consent has an unknown purpose or form.");
  c.purpose = *purpose;
  c.form = *form;
  for (const auto& s : row.sections) {
    auto section = access::ParseSection(s);
    if (!section) return Internal("A stored consent has an unknown section.");
    c.sections.push_back(*section);
  }
  c.given_on = row.given_on;
  c.language = row.language;
  c.taken_by = row.taken_by;
  auto& cipher = Security(ctx).cipher;
  if (!row.body_sealed.empty()) {
    auto body = cipher.Open(ConsentBodyAt(row.organisation_id, row.id), row.body_sealed);
    if (!body) return Internal("A consent's details could not be opened.");
    // The body is kept in the conversation record's format: language,
    // interpreter and the note as its summary.
    auto how = ctx.codec->DecodeConversation(*body);
    if (!how) return tl::unexpected(how.error());
    c.interpreter = how->interpreter;
    v.note = how->summary;
  }
  if (row.revoked_on) {
    referrals::ConsentRevocation r{*row.revoked_on, row.revoked_by, ""};
    if (!row.revocation_sealed.empty()) {
      auto reason =
          cipher.Open(ConsentRevocationAt(row.organisation_id, row.id), row.revocation_sealed);
      if (!reason) return Internal("A revocation's reason could not be opened.");
      r.reason = std::move(*reason);
    }
    c.revocation = std::move(r);
  }
  v.case_id = row.case_id;
  v.consultation_id = row.consultation_id;
  v.organisation_id = row.organisation_id;
  v.person_code = Find(person_codes, row.person_id);
  v.recipient_name = Find(organisation_names, row.recipient_organisation_id);
  v.recorded_at_us = row.created_at_us;
  v.version = row.version;
  return v;
}

}  // namespace opennrm::app::consent_internal
