// What the consent use cases share (consents.cpp, consent_revoke.cpp):
// where a consent's free text is sealed, and a stored consent opened into
// its view. Internal; thread-safe (no state of its own).
#pragma once

#include <map>
#include <string>

#include "app/referrals/consents.hpp"
#include "ports/consent_repository.hpp"
#include "ports/field_cipher.hpp"

namespace opennrm::app::consent_internal {

// (organisation, "consents", "body", id): how it was given (interpreter, note).
ports::FieldLocation ConsentBodyAt(const std::string& org, const std::string& id);
// (organisation, "consents", "revocation", id): the person's reason.
ports::FieldLocation ConsentRevocationAt(const std::string& org, const std::string& id);

// The stored consent opened (body and reason unsealed), with the person's
// code and the recipient's name from the given maps (ids to words; "" when
// missing). kInternal when something stored cannot be read.
Result<ConsentView> OpenConsent(const Context& ctx, const ports::ConsentRow& row,
                                const std::map<std::string, std::string>& person_codes,
                                const std::map<std::string, std::string>& organisation_names);

}  // namespace opennrm::app::consent_internal
