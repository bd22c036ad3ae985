// KnowledgeRepository over a dialect-neutral SQL connection: one row per
// article in knowledge_articles (migration 0017), tags and reasons as
// comma-separated words. Lives inside one unit of work; not thread-safe.
#pragma once

#include "ports/knowledge_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlKnowledgeRepository final : public ports::KnowledgeRepository {
 public:
  explicit SqlKnowledgeRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const knowledge::Article& article) override;
  Result<bool> InsertIfAbsent(const knowledge::Article& article) override;
  Result<std::optional<knowledge::Article>> Find(const std::string& id) override;
  Result<std::optional<knowledge::Article>> FindBySlug(const std::string& slug) override;
  Status Update(const knowledge::Article& article, long long expected_version) override;
  Result<std::vector<knowledge::Article>> All(bool include_archived) override;

 private:
  Result<std::optional<knowledge::Article>> FindWhere(const char* column, const std::string& value);
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
