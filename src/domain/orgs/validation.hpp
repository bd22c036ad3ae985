// The rules an organisation must satisfy before it is written. Pure: the
// caller passes the reference data and today's date.
#pragma once

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/geo/geography.hpp"
#include "domain/orgs/organisation.hpp"
#include "domain/ref/reference.hpp"

namespace opennrm::orgs {

// Checks every field and normalises what has a canonical form (trimmed name,
// E.164 phone, lower-case e-mail domain, sorted unique codes). Returns every
// broken rule at once, each naming its field.
Result<OrganisationDraft> Validate(OrganisationDraft draft, const geo::Geography& geography,
                                   const ref::Catalogs& catalogs, CivilDate today);

// Whether `email` is a plausible address (local@domain.tld, no spaces).
bool IsValidEmail(std::string_view email);

// Normalises a phone number to E.164 (Swedish numbers may omit +46);
// nullopt when it is not a valid number.
std::optional<std::string> NormalisePhone(std::string_view phone);

}  // namespace opennrm::orgs
