#include "storage/repo/knowledge_repo.hpp"

#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

constexpr const char* kColumns =
    "id, slug, title_sv, title_en, body_sv, body_en, tags, reasons, archived, created_by,"
    " created_at_us, updated_by, updated_at_us, version";

constexpr const char* kInsert =
    "INSERT INTO knowledge_articles (id, slug, title_sv, title_en, body_sv, body_en, tags,"
    " reasons, archived, created_by, created_at_us, updated_by, updated_at_us, version)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

// Tags and reason codes are words without commas (knowledge::IsTag, IsReasonCode).
std::vector<sql::Value> InsertValues(const knowledge::Article& a) {
  return {a.id,
          a.slug,
          a.title_sv,
          a.title_en,
          a.body_sv,
          a.body_en,
          JoinWords(a.tags),
          JoinWords(a.reasons),
          static_cast<long long>(a.archived ? 1 : 0),
          a.created_by,
          a.created_at_us,
          a.updated_by,
          a.updated_at_us,
          a.version};
}

knowledge::Article ArticleAt(const sql::Rows& rows, size_t r) {
  knowledge::Article a;
  a.id = rows.Text(r, 0);
  a.slug = rows.Text(r, 1);
  a.title_sv = rows.Text(r, 2);
  a.title_en = rows.Text(r, 3);
  a.body_sv = rows.Text(r, 4);
  a.body_en = rows.Text(r, 5);
  a.tags = SplitWords(rows.Text(r, 6));
  a.reasons = SplitWords(rows.Text(r, 7));
  a.archived = rows.Int(r, 8) != 0;
  a.created_by = rows.Text(r, 9);
  a.created_at_us = rows.Int(r, 10);
  a.updated_by = rows.Text(r, 11);
  a.updated_at_us = rows.Int(r, 12);
  a.version = rows.Int(r, 13);
  return a;
}

}  // namespace

Status SqlKnowledgeRepository::Insert(const knowledge::Article& a) {
  auto r = conn_.Execute(kInsert, InsertValues(a));
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<bool> SqlKnowledgeRepository::InsertIfAbsent(const knowledge::Article& a) {
  // Both SQLite (3.24+) and PostgreSQL skip the row on any unique conflict.
  auto r = conn_.Execute(std::string(kInsert) + " ON CONFLICT DO NOTHING", InsertValues(a));
  if (!r) return tl::unexpected(r.error());
  return *r > 0;
}

Result<std::optional<knowledge::Article>> SqlKnowledgeRepository::FindWhere(
    const char* column, const std::string& value) {
  auto rows = conn_.Query(
      std::string("SELECT ") + kColumns + " FROM knowledge_articles WHERE " + column + " = $1",
      {value});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<knowledge::Article>();
  return std::optional<knowledge::Article>(ArticleAt(*rows, 0));
}

Result<std::optional<knowledge::Article>> SqlKnowledgeRepository::Find(const std::string& id) {
  return FindWhere("id", id);
}

Result<std::optional<knowledge::Article>> SqlKnowledgeRepository::FindBySlug(
    const std::string& slug) {
  return FindWhere("slug", slug);
}

Status SqlKnowledgeRepository::Update(const knowledge::Article& a, long long expected_version) {
  auto r = conn_.Execute(
      "UPDATE knowledge_articles SET slug = $2, title_sv = $3, title_en = $4, body_sv = $5,"
      " body_en = $6, tags = $7, reasons = $8, archived = $9, updated_by = $10,"
      " updated_at_us = $11, version = $12 WHERE id = $1 AND version = $13",
      {a.id, a.slug, a.title_sv, a.title_en, a.body_sv, a.body_en, JoinWords(a.tags),
       JoinWords(a.reasons), static_cast<long long>(a.archived ? 1 : 0), a.updated_by,
       a.updated_at_us, a.version, expected_version});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) {
    auto found = Find(a.id);
    if (!found) return tl::unexpected(found.error());
    if (!*found) return NotFound("No such article.");
    return Fail(ErrorCode::kConflict,
                "The article was changed by someone else; reload it and try again.");
  }
  return Ok();
}

Result<std::vector<knowledge::Article>> SqlKnowledgeRepository::All(bool include_archived) {
  auto rows = conn_.Query(std::string("SELECT ") + kColumns + " FROM knowledge_articles" +
                              (include_archived ? "" : " WHERE archived = 0") + " ORDER BY slug",
                          {});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<knowledge::Article> out;
  for (size_t r = 0; r < rows->size(); ++r) out.push_back(ArticleAt(*rows, r));
  return out;
}

}  // namespace opennrm::storage::repo
