#include "storage/repo/api_token_repo.hpp"

#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kColumns =
    "id, organisation_id, created_by, name, token_hash, actions, created_at_us, expires_at_us,"
    " revoked_at_us, last_used_at_us";

Result<std::string> JoinActions(const std::vector<std::string>& actions) {
  std::string out;
  for (const auto& a : actions) {
    if (a.empty() || a.find_first_of(" \t\r\n\f\v") != std::string::npos) {
      return Invalid("actions", "format", "An action name is empty or holds white space.");
    }
    if (!out.empty()) out += ' ';
    out += a;
  }
  return out;
}

std::vector<std::string> SplitActions(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

ports::ApiTokenRecord FromRow(const sql::Rows& rows, size_t r) {
  ports::ApiTokenRecord t;
  t.id = rows.Text(r, 0);
  t.organisation_id = rows.Text(r, 1);
  t.created_by = rows.Text(r, 2);
  t.name = rows.Text(r, 3);
  t.token_hash = rows.Text(r, 4);
  t.actions = SplitActions(rows.Text(r, 5));
  t.created_at_us = rows.Int(r, 6);
  t.expires_at_us = rows.Int(r, 7);
  t.revoked_at_us = OptIntAt(rows, r, 8);
  t.last_used_at_us = OptIntAt(rows, r, 9);
  return t;
}

}  // namespace

Status SqlApiTokenRepository::Insert(const ports::ApiTokenRecord& t) {
  auto actions = JoinActions(t.actions);
  if (!actions) return tl::unexpected(actions.error());
  auto r = conn_.Execute(
      "INSERT INTO api_tokens (id, organisation_id, created_by, name, token_hash, actions,"
      " created_at_us, expires_at_us, revoked_at_us, last_used_at_us)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {t.id, t.organisation_id, t.created_by, t.name, t.token_hash, *actions, t.created_at_us,
       t.expires_at_us, OptInt(t.revoked_at_us), OptInt(t.last_used_at_us)});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::optional<ports::ApiTokenRecord>> SqlApiTokenRepository::FindWhere(
    const char* column, const std::string& value) {
  auto rows = conn_.Query(
      std::string("SELECT ") + kColumns + " FROM api_tokens WHERE " + column + " = $1", {value});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::ApiTokenRecord>{};
  return std::optional<ports::ApiTokenRecord>(FromRow(*rows, 0));
}

Result<std::optional<ports::ApiTokenRecord>> SqlApiTokenRepository::FindByHash(
    const std::string& token_hash) {
  return FindWhere("token_hash", token_hash);
}

Result<std::optional<ports::ApiTokenRecord>> SqlApiTokenRepository::Find(const std::string& id) {
  return FindWhere("id", id);
}

Result<std::vector<ports::ApiTokenRecord>> SqlApiTokenRepository::ListForOrganisation(
    const std::string& organisation_id) {
  auto rows = conn_.Query(std::string("SELECT ") + kColumns +
                              " FROM api_tokens WHERE organisation_id = $1"
                              " ORDER BY created_at_us DESC, id DESC",
                          {organisation_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ApiTokenRecord> out;
  for (size_t r = 0; r < rows->size(); ++r) out.push_back(FromRow(*rows, r));
  return out;
}

Result<bool> SqlApiTokenRepository::Revoke(const std::string& organisation_id,
                                           const std::string& id, long long at_us) {
  auto r = conn_.Execute(
      "UPDATE api_tokens SET revoked_at_us = $3"
      " WHERE id = $2 AND organisation_id = $1 AND revoked_at_us IS NULL",
      {organisation_id, id, at_us});
  if (!r) return tl::unexpected(r.error());
  return *r == 1;
}

Status SqlApiTokenRepository::Touch(const std::string& id, long long at_us) {
  // Requests finish out of order across servers; the latest use wins.
  auto r = conn_.Execute(
      "UPDATE api_tokens SET last_used_at_us = CASE WHEN last_used_at_us IS NULL"
      " OR last_used_at_us < $2 THEN $2 ELSE last_used_at_us END WHERE id = $1",
      {id, at_us});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) return NotFound("The API token does not exist.");
  return Ok();
}

}  // namespace opennrm::storage::repo
