// CaseRecordRepository over a dialect-neutral SQL connection. Sealed bodies
// are binary and stored as base64 text (binary_text.hpp). Lives inside one
// unit of work; not thread-safe.
#pragma once

#include "ports/case_record_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlCaseRecordRepository final : public ports::CaseRecordRepository {
 public:
  explicit SqlCaseRecordRepository(sql::Connection& conn) : conn_(conn) {}
  Status Add(const ports::CaseRecordRow& record) override;
  Status Supersede(const ports::CaseRecordRow& record) override;
  Result<std::vector<ports::CaseRecordRow>> Versions(const std::string& case_id,
                                                     const std::string& person_id,
                                                     const std::string& kind) override;
  Status IndexExploitation(const std::string& case_id, const std::vector<ports::CaseFormRow>& forms,
                           const std::vector<ports::CasePlaceRow>& places) override;
  Status ForgetMunicipalities(const std::string& case_id) override;
  Result<std::vector<ports::CaseFormRow>> Forms(const std::string& case_id) override;
  Result<std::vector<ports::CasePlaceRow>> Places(const std::string& case_id) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
