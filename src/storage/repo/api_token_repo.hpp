// ApiTokenRepository over a dialect-neutral SQL connection. A token's
// actions are stored in one column, separated by single spaces. Lives inside
// one unit of work; not thread-safe.
#pragma once

#include "ports/api_token_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlApiTokenRepository final : public ports::ApiTokenRepository {
 public:
  explicit SqlApiTokenRepository(sql::Connection& conn) : conn_(conn) {}
  // kInvalid if an action name is empty or holds white space.
  Status Insert(const ports::ApiTokenRecord& token) override;
  Result<std::optional<ports::ApiTokenRecord>> FindByHash(const std::string& token_hash) override;
  Result<std::optional<ports::ApiTokenRecord>> Find(const std::string& id) override;
  Result<std::vector<ports::ApiTokenRecord>> ListForOrganisation(
      const std::string& organisation_id) override;
  Result<bool> Revoke(const std::string& organisation_id, const std::string& id,
                      long long at_us) override;
  // Never moves last_used_at_us back; kNotFound when there is no token `id`.
  Status Touch(const std::string& id, long long at_us) override;

 private:
  Result<std::optional<ports::ApiTokenRecord>> FindWhere(const char* column,
                                                         const std::string& value);
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
