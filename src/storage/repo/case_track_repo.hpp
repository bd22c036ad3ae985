// CaseTrackRepository over a dialect-neutral SQL connection. Sealed
// proceedings bodies are binary and stored as base64 text (binary_text.hpp).
// Lives inside one unit of work; not thread-safe.
#pragma once

#include "ports/case_track_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlCaseTrackRepository final : public ports::CaseTrackRepository {
 public:
  explicit SqlCaseTrackRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::vector<ports::CaseTrackRow>> OfCase(const std::string& case_id) override;
  Status Move(const ports::CaseTrackRow& row,
              const std::optional<std::string>& expected_step) override;
  Result<std::optional<ports::ProceedingsRow>> LatestProceedings(
      const std::string& case_id) override;
  Result<std::vector<ports::ProceedingsRow>> ProceedingsVersions(
      const std::string& case_id) override;
  Status InsertProceedings(const ports::ProceedingsRow& row) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
