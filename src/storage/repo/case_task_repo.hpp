// CaseTaskRepository over a dialect-neutral SQL connection. Sealed titles are
// binary and stored as base64 text (binary_text.hpp). Lives inside one unit
// of work; not thread-safe.
#pragma once

#include "ports/case_task_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlCaseTaskRepository final : public ports::CaseTaskRepository {
 public:
  explicit SqlCaseTaskRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::TaskRow& task) override;
  Result<std::optional<ports::TaskRow>> Find(const std::string& id) override;
  Status Update(const ports::TaskRow& task, long long expected_version) override;
  Result<std::vector<ports::TaskRow>> OfCase(const std::string& case_id) override;
  Result<std::vector<ports::TaskRow>> OpenOfClock(const std::string& clock_id) override;
  Result<std::vector<ports::MyTaskRow>> OpenAssignedTo(const std::string& user_id,
                                                       const std::string& organisation_id,
                                                       int limit) override;
  Result<std::vector<ports::TaskRow>> OpenByHandDueBy(CivilDate by) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
