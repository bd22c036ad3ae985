// CaseClockRepository over a dialect-neutral SQL connection: clocks, their
// renewals and the reminders claimed. Dates are stored as ISO text. Lives
// inside one unit of work; not thread-safe.
#pragma once

#include "ports/case_clock_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlCaseClockRepository final : public ports::CaseClockRepository {
 public:
  explicit SqlCaseClockRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::ClockRow& clock) override;
  Result<std::optional<ports::ClockRow>> Find(const std::string& id) override;
  Status Update(const ports::ClockRow& clock, long long expected_version) override;
  Result<std::vector<ports::ClockRow>> OfCase(const std::string& case_id) override;
  Result<std::vector<ports::ClockRow>> RunningEndingBy(CivilDate by) override;
  Status AddRenewal(const ports::ClockRenewalRow& renewal) override;
  Result<std::vector<ports::ClockRenewalRow>> Renewals(const std::string& clock_id) override;
  Result<bool> ClaimReminder(const std::string& subject_id, const std::string& reminder,
                             CivilDate on, long long at_us) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
