// StatisticsReleaseRepository over a dialect-neutral SQL connection: one row
// per release in statistics_releases and one per table in
// statistics_release_tables (migration 0020), each table's published values
// as JSON (storage/codec/published_table_codec.hpp). Lives inside one unit of
// work; not thread-safe.
#pragma once

#include "ports/statistics_release_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlStatisticsReleaseRepository final : public ports::StatisticsReleaseRepository {
 public:
  explicit SqlStatisticsReleaseRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::ReleaseRecord& release,
                const std::vector<ports::PublishedTable>& tables) override;
  Result<std::vector<ports::ReleaseRecord>> Releases(std::optional<int> year) override;
  Result<std::optional<ports::ReleaseRecord>> Latest(int year) override;
  Result<std::optional<ports::PublishedTable>> Table(int year, int number, const std::string& id,
                                                     const std::string& series) override;
  Result<std::vector<ports::PublishedTable>> Tables(int year, int number) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
