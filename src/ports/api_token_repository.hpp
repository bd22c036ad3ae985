// API tokens for integrations (security core): scoped to one organisation
// and a set of actions, shown once, stored as a digest, expiring, revocable.
// Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

struct ApiTokenRecord {
  std::string id;
  std::string organisation_id;
  std::string created_by;  // user id
  std::string name;        // what the integration is, e.g. "case system export"
  std::string token_hash;
  std::vector<std::string> actions;  // access::Action names
  long long created_at_us = 0;
  long long expires_at_us = 0;
  std::optional<long long> revoked_at_us;
  std::optional<long long> last_used_at_us;
};

class ApiTokenRepository {
 public:
  virtual ~ApiTokenRepository() = default;
  virtual Status Insert(const ApiTokenRecord& token) = 0;
  virtual Result<std::optional<ApiTokenRecord>> FindByHash(const std::string& token_hash) = 0;
  virtual Result<std::optional<ApiTokenRecord>> Find(const std::string& id) = 0;
  // Newest first.
  virtual Result<std::vector<ApiTokenRecord>> ListForOrganisation(
      const std::string& organisation_id) = 0;
  // False if the token is not the organisation's or already revoked.
  virtual Result<bool> Revoke(const std::string& organisation_id, const std::string& id,
                              long long at_us) = 0;
  virtual Status Touch(const std::string& id, long long at_us) = 0;
};

}  // namespace opennrm::ports
