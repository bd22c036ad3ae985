// JSON mapping of organisations: API types are separate from domain types.
#pragma once

#include "core/error.hpp"
#include "domain/orgs/organisation.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

struct OrganisationInput {
  orgs::OrganisationDraft draft;
  std::optional<long long> version;
};

// Reads an OrganisationInput; `require_version` for replacements. Records
// every type, presence and unknown-field problem in `problems`; the input
// holds what could be read, so the caller can check its rules too.
OrganisationInput ReadOrganisationInput(const Json& body, bool require_version, Problems& problems);

// The public representation: never includes the protected address.
Json OrganisationJson(const orgs::Organisation& org);

// "2026-11-28T21:00:00Z" from epoch microseconds.
std::string IsoTimestamp(long long epoch_us);

}  // namespace opennrm::http
