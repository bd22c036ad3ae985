// UserRepository over a dialect-neutral SQL connection: users, their roles
// (user_roles) and recovery-code hashes (recovery_codes). Sealed TOTP secrets
// are stored as base64 text (binary_text.hpp). Lives inside one unit of work;
// not thread-safe.
#pragma once

#include "ports/user_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlUserRepository final : public ports::UserRepository {
 public:
  explicit SqlUserRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::UserRecord& user) override;
  Result<std::optional<ports::UserRecord>> Find(const std::string& id) override;
  Result<std::optional<ports::UserRecord>> FindByUsername(
      const std::string& folded_username) override;
  Status Update(const ports::UserRecord& user, long long expected_version) override;
  Result<ports::UserPage> List(const ports::UserFilter& filter) override;
  Result<bool> ConsumeTotpStep(const std::string& user_id, long long step) override;
  Result<bool> AnyActiveWithRole(access::Role role) override;
  Status ReplaceRecoveryCodes(const std::string& user_id,
                              const std::vector<std::string>& hashes) override;
  Result<std::vector<std::string>> RecoveryCodeHashes(const std::string& user_id) override;
  Result<bool> ConsumeRecoveryCode(const std::string& user_id, const std::string& hash) override;

 private:
  Result<std::optional<ports::UserRecord>> FindWhere(const char* column, const std::string& value);
  Status WriteRoles(const ports::UserRecord& user);
  Status LoadRoles(std::vector<ports::UserRecord>& users);
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
