// ConsultationRepository over a dialect-neutral SQL connection: the same SQL
// on SQLite and PostgreSQL. Sealed parts are binary and stored as base64
// text (binary_text.hpp); lists of words comma-separated; optional numbers
// and flags as null. The queue (List, ReceivedBetween) is in
// consultation_repo_list.cpp. Lives inside one unit of work; not thread-safe.
#pragma once

#include "ports/consultation_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlConsultationRepository final : public ports::ConsultationRepository {
 public:
  // At most this many matching consultations are counted for a page's total.
  static constexpr long long kCountCap = 1000;

  explicit SqlConsultationRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::ConsultationRow& row) override;
  Result<std::optional<ports::ConsultationRow>> Find(const std::string& id) override;
  Status Update(const ports::ConsultationRow& row, long long expected_version) override;
  Result<long long> NextCodeNumber(int year) override;
  Result<ports::ConsultationPage> List(const ports::ConsultationFilter& filter) override;
  Result<std::vector<ports::ConsultationRow>> ReceivedBetween(const std::string& organisation_id,
                                                              long long from_us, long long to_us,
                                                              int limit) override;
  Result<std::vector<ports::ConsultationStatisticsRow>> ForStatistics(long long from_us,
                                                                      long long to_us) override;
  Status InsertFollowUp(const ports::FollowUpRow& row) override;
  Result<bool> MarkFollowUpDone(const std::string& follow_up_id, long long done_at_us,
                                const std::string& done_by) override;
  Result<std::optional<ports::FollowUpRow>> FindFollowUp(const std::string& follow_up_id) override;
  Result<std::vector<ports::FollowUpRow>> FollowUps(const std::string& consultation_id) override;
  Status AppendDangerStep(const ports::DangerStepRow& row) override;
  Result<std::vector<ports::DangerStepRow>> DangerSteps(
      const std::string& consultation_id) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
