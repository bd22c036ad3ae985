// DataKeyRepository over a dialect-neutral SQL connection. Wrapped keys are
// binary and stored as base64 text (binary_text.hpp). Lives inside one unit
// of work; not thread-safe.
#pragma once

#include "ports/data_key_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlDataKeyRepository final : public ports::DataKeyRepository {
 public:
  explicit SqlDataKeyRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::WrappedDataKey& key) override;
  Result<std::vector<ports::WrappedDataKey>> All() override;
  Result<std::vector<ports::WrappedDataKey>> ForOrganisation(
      const std::string& organisation_id) override;
  Result<bool> Rewrap(const std::string& organisation_id, int version,
                      const std::string& expected_fingerprint, const std::string& wrapped,
                      const std::string& fingerprint) override;

 private:
  Result<std::vector<ports::WrappedDataKey>> Select(const std::string& where,
                                                    const std::vector<sql::Value>& params);
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
