// CaseLogRepository over a dialect-neutral SQL connection: entries with
// their details as a JSON object of words, and the facts recorded. Lives
// inside one unit of work; not thread-safe.
#pragma once

#include "ports/case_log_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlCaseLogRepository final : public ports::CaseLogRepository {
 public:
  explicit SqlCaseLogRepository(sql::Connection& conn) : conn_(conn) {}
  Status Append(ports::CaseEntryRow& entry) override;
  Result<ports::CaseEntryPage> Entries(const std::string& case_id, int limit, int offset) override;
  Result<std::vector<ports::CaseEntryRow>> EntriesOfKind(const std::string& case_id,
                                                         const std::string& kind) override;
  Result<bool> AddFact(const ports::CaseFactRow& fact) override;
  Result<std::vector<ports::CaseFactRow>> Facts(const std::string& case_id) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
