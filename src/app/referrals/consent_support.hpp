// What the consent use cases share (consents.cpp, consent_revoke.cpp):
// where a consent's free text is sealed, and a stored consent opened into
// its view. Internal; thread-safe (no state of its own).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "app/referrals/consents.hpp"
#include "domain/orgs/organisation.hpp"
#include "ports/consent_repository.hpp"
#include "ports/field_cipher.hpp"

namespace opennrm::app::consent_internal {

// (organisation, "consents", "body", id): how it was given (interpreter, note).
ports::FieldLocation ConsentBodyAt(const std::string& org, const std::string& id);
// (organisation, "consents", "revocation", id): the person's reason.
ports::FieldLocation ConsentRevocationAt(const std::string& org, const std::string& id);

// The input's codes as domain values (person, recipient, purpose, form,
// sections, date, language, interpreter); unknown words and a missing
// section are problems ("purpose", "form", "sections[i]": "unknown_code";
// "sections": "required"; "note": "utf8", "max_length").
referrals::Consent ConsentFromInput(const NewConsent& in, Problems& p);

// The recipient's problems ("recipient_organisation_id":
// "unknown_organisation", "own_organisation", "inactive_organisation") for
// a consent recorded by `own_organisation_id`; `recipient` as found in the
// directory (nullopt: not found). Nothing when no id was given.
void CheckConsentRecipient(const std::string& recipient_id,
                           const std::optional<orgs::Organisation>& recipient,
                           const std::string& own_organisation_id, Problems& p);

// The stored consent opened (body and reason unsealed), with the person's
// code and the recipient's name from the given maps (ids to words; "" when
// missing). kInternal when something stored cannot be read.
Result<ConsentView> OpenConsent(const Context& ctx, const ports::ConsentRow& row,
                                const std::map<std::string, std::string>& person_codes,
                                const std::map<std::string, std::string>& organisation_names);

}  // namespace opennrm::app::consent_internal
