// LeaseRepository over a dialect-neutral SQL connection: one conditional
// upsert, atomic on both SQLite and PostgreSQL. Not thread-safe; lives in a
// unit of work.
#pragma once

#include "ports/lease_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlLeaseRepository final : public ports::LeaseRepository {
 public:
  explicit SqlLeaseRepository(sql::Connection& conn) : conn_(conn) {}
  Result<bool> TryAcquire(const std::string& name, const std::string& holder, long long now_us,
                          long long expires_at_us) override;
  Status Release(const std::string& name, const std::string& holder) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
