// StatisticsFactRepository over a dialect-neutral SQL connection; lists are
// stored comma-separated, steps and clocks as JSON arrays of words. Lives
// inside one unit of work; not thread-safe.
#pragma once

#include "ports/statistics_fact_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlStatisticsFactRepository final : public ports::StatisticsFactRepository {
 public:
  explicit SqlStatisticsFactRepository(sql::Connection& conn) : conn_(conn) {}
  Status AddVictim(const ports::VictimCategoriesRow& person,
                   const ports::CaseFactsRow& facts) override;
  Status UpdateCase(const std::string& case_id, const ports::CaseFactsRow& facts) override;
  Result<std::vector<ports::StatisticsFactRow>> OfCase(const std::string& case_id) override;
  Status MarkProtected(const std::string& case_id, const std::string& person_id) override;
  Status RemoveVictim(const std::string& case_id, const std::string& person_id,
                      long long removed_at_us) override;
  Result<std::vector<ports::StatisticsFactRow>> ChangedSince(
      long long since_us, size_t limit,
      const std::optional<ports::StatisticsFactCursor>& after) override;
  Result<std::vector<ports::StatisticsFactRemoval>> RemovedSince(long long since_us) override;
  Result<long long> PruneRemovals(long long before_us) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
