// ReferenceRepository over a dialect-neutral SQL connection. Lives inside
// one unit of work; not thread-safe.
#pragma once

#include "ports/reference_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlReferenceRepository final : public ports::ReferenceRepository {
 public:
  explicit SqlReferenceRepository(sql::Connection& conn) : conn_(conn) {}
  Status Replace(const ports::ReferenceData& data) override;
  Result<ports::ReferenceData> Load() override;
  Result<std::string> Fingerprint() override;
  Status SetFingerprint(const std::string& fingerprint) override;

 private:
  // Inserts rows in batches of multi-row INSERT statements.
  Status InsertRows(const std::string& table, const std::vector<std::string>& columns,
                    const std::vector<std::vector<sql::Value>>& rows);
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
