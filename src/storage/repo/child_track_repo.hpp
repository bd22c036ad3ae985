// ChildTrackRepository over a dialect-neutral SQL connection. Sealed notes
// are binary and stored as base64 text. Lives inside one unit of work; not
// thread-safe.
#pragma once

#include "ports/child_track_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlChildTrackRepository final : public ports::ChildTrackRepository {
 public:
  explicit SqlChildTrackRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::ChildTrackRow& record) override;
  Result<std::vector<ports::ChildTrackRow>> OfCase(const std::string& case_id) override;
  Result<bool> OpenAlert(const ports::MissingAlertRow& alert) override;
  Result<std::optional<ports::MissingAlertRow>> ResolveAlert(const std::string& case_id,
                                                             const std::string& person_id,
                                                             const std::string& by,
                                                             long long at_us) override;
  Result<std::vector<ports::MissingAlertRow>> AlertsOfCase(const std::string& case_id) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
