#include "app/referrals/consent_support.hpp"

#include "app/auth/internal.hpp"

namespace opennrm::app::consent_internal {

using namespace auth_internal;

ports::FieldLocation ConsentBodyAt(const std::string& org, const std::string& id) {
  return ports::FieldLocation{org, "consents", "body", id};
}

ports::FieldLocation ConsentRevocationAt(const std::string& org, const std::string& id) {
  return ports::FieldLocation{org, "consents", "revocation", id};
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
  v.organisation_id = row.organisation_id;
  v.person_code = Find(person_codes, row.person_id);
  v.recipient_name = Find(organisation_names, row.recipient_organisation_id);
  v.recorded_at_us = row.created_at_us;
  v.version = row.version;
  return v;
}

}  // namespace opennrm::app::consent_internal
