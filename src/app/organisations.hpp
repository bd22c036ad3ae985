// Use cases of the organisation directory: validate → transact. (Authorisation
// and audit join them with the security core.)
#pragma once

#include <optional>
#include <string>

#include "app/context.hpp"
#include "domain/orgs/organisation.hpp"
#include "ports/organisation_repository.hpp"

namespace opennrm::app {

// Creates an organisation from a validated draft. kInvalid names each field.
Result<orgs::Organisation> CreateOrganisation(const Context& ctx, orgs::OrganisationDraft draft);

// kNotFound when there is no such organisation.
Result<orgs::Organisation> GetOrganisation(const Context& ctx, const std::string& id);

// Replaces an organisation's data if `expected_version` is current (else
// kConflict). A nullopt protected address keeps the stored one.
Result<orgs::Organisation> UpdateOrganisation(const Context& ctx, const std::string& id,
                                              orgs::OrganisationDraft draft,
                                              long long expected_version);

// Activates or deactivates, with the same version check.
Result<orgs::Organisation> SetOrganisationActive(const Context& ctx, const std::string& id,
                                                 bool active, long long expected_version);

struct OrganisationQuery {
  std::optional<std::string> kind;
  std::optional<std::string> municipality;  // covers this municipality
  std::optional<std::string> service;
  std::optional<std::string> text;
  std::optional<bool> active = true;  // nullopt: both
  int limit = 50;
  int offset = 0;
};

// Lists organisations; unknown codes in the query give kInvalid naming the parameter.
Result<ports::OrganisationPage> ListOrganisations(const Context& ctx, const OrganisationQuery& q);

struct CoverageAnswer {
  geo::Place place;
  std::optional<std::string> service;
  std::vector<orgs::Organisation> organisations;
  // The directory snapshot the answer came from (null when uncached): the
  // same snapshot, place and service always give the same answer.
  DirectoryCache::Snapshot snapshot;
};

// Who covers municipality X (for service Y): active organisations only, in one call.
Result<CoverageAnswer> WhoCovers(const Context& ctx, const std::string& municipality,
                                 const std::optional<std::string>& service);

}  // namespace opennrm::app
