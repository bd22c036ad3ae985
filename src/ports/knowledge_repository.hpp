// The knowledge base as stored (hotline, issue 6 point 7): the national
// unit's articles for operators and professionals. Articles hold no personal
// data, so nothing is sealed. Tags and reasons are stable words; the
// repository keeps them in the order given. Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/knowledge/article.hpp"

namespace opennrm::ports {

class KnowledgeRepository {
 public:
  virtual ~KnowledgeRepository() = default;
  // kConflict if the id or the slug exists.
  virtual Status Insert(const knowledge::Article& article) = 0;
  // Inserts unless an article with the same slug (or id) exists, whoever
  // wrote it, so that importing the shipped articles from several servers at
  // once never overwrites an edit nor fails; true when inserted.
  virtual Result<bool> InsertIfAbsent(const knowledge::Article& article) = 0;
  virtual Result<std::optional<knowledge::Article>> Find(const std::string& id) = 0;
  virtual Result<std::optional<knowledge::Article>> FindBySlug(const std::string& slug) = 0;
  // Stores every field of `article` but id, created_by and created_at_us if
  // the stored version is `expected_version`; kNotFound when there is no such
  // article, kConflict when the version moved on or the new slug is taken.
  virtual Status Update(const knowledge::Article& article, long long expected_version) = 0;
  // Every article (archived ones too when asked), by slug.
  virtual Result<std::vector<knowledge::Article>> All(bool include_archived) = 0;
};

}  // namespace opennrm::ports
