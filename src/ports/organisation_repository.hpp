// Where organisations are kept. Implemented by the storage adapters; used
// only inside a UnitOfWork, so it shares that unit's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::ports {

// The place an organisation must cover, resolved by the caller so storage
// needs no geography: municipality, its county and its police region.
struct CoveredPlace {
  std::string municipality;
  std::string county;
  std::string police_region;
};

struct OrganisationFilter {
  std::optional<orgs::Kind> kind;
  std::optional<CoveredPlace> covers;
  std::optional<std::string> service;
  std::optional<std::string> folded_text;  // matched against the folded name
  std::optional<bool> active;
  int limit = 50;
  int offset = 0;
  bool count_total = true;  // false: total is the number of items returned
};

struct OrganisationPage {
  std::vector<orgs::Organisation> items;
  long long total = 0;
};

class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;
  // Inserts a new organisation; kConflict if the id or seed key exists.
  // Insert and Update also advance DirectoryVersion in the same transaction.
  virtual Status Insert(const orgs::Organisation& org) = 0;
  virtual Result<std::optional<orgs::Organisation>> Find(const std::string& id) = 0;
  // As Find, without the lists (coverage codes, services, languages, capacity: left empty), in one
  // query: for whom a user works, on every request.
  virtual Result<std::optional<orgs::Organisation>> FindWithoutLists(const std::string& id) = 0;
  // Replaces the stored organisation when its version equals
  // `expected_version`, storing org.version; kConflict otherwise. When
  // org.data.protected_address is nullopt the stored one is kept. The
  // protected address arrives sealed by the use case (binary bytes); an
  // empty string clears it.
  virtual Status Update(const orgs::Organisation& org, long long expected_version) = 0;
  // Ordered by name, then id.
  virtual Result<OrganisationPage> List(const OrganisationFilter& filter) = 0;
  virtual Result<bool> SeedKeyExists(const std::string& seed_key) = 0;
  // A number that changes with every write to the directory (by any server).
  virtual Result<long long> DirectoryVersion() = 0;
};

}  // namespace opennrm::ports
