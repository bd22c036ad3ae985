// SessionRepository over a dialect-neutral SQL connection. The stage is
// stored by name ('totp', 'enrol_totp', 'change_password', 'active'). Lives
// inside one unit of work; not thread-safe.
#pragma once

#include "ports/session_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlSessionRepository final : public ports::SessionRepository {
 public:
  explicit SqlSessionRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::SessionRecord& session) override;
  Result<std::optional<ports::SessionRecord>> FindByTokenHash(
      const std::string& token_hash) override;
  Result<std::optional<ports::SessionRecord>> Find(const std::string& id) override;
  // kNotFound when there is no session `id`.
  Status SetStage(const std::string& id, ports::SessionStage stage) override;
  // kNotFound when there is no session `id`.
  Status Touch(const std::string& id, long long last_seen_at_us) override;
  Result<bool> Revoke(const std::string& user_id, const std::string& id, long long at_us) override;
  Result<long long> RevokeAll(const std::string& user_id, long long at_us) override;
  Result<std::vector<ports::SessionRecord>> ListLive(const std::string& user_id,
                                                     long long now_us) override;
  Result<long long> Prune(long long before_us) override;
  // Kept by triggers (migration 0022), so every writer moves it.
  Result<long long> SignInVersion() override;

 private:
  Result<std::optional<ports::SessionRecord>> FindWhere(const char* column,
                                                        const std::string& value);
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
