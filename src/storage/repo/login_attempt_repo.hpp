// LoginAttemptRepository over a dialect-neutral SQL connection: one row per
// failed login in login_failures, keyed by opaque digests. Lives inside one
// unit of work; not thread-safe.
#pragma once

#include "ports/login_attempt_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlLoginAttemptRepository final : public ports::LoginAttemptRepository {
 public:
  explicit SqlLoginAttemptRepository(sql::Connection& conn) : conn_(conn) {}
  Status RecordFailure(const std::string& account_key, const std::string& address_key,
                       long long at_us) override;
  Result<ports::FailureCounts> Count(const std::string& account_key, const std::string& address_key,
                                     long long since_us) override;
  Result<long long> Prune(long long before_us) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
