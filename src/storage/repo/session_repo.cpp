#include "storage/repo/session_repo.hpp"

#include <string_view>

#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kColumns =
    "id, token_hash, user_id, organisation_id, stage, csrf_token, created_at_us,"
    " last_seen_at_us, expires_at_us, revoked_at_us, client_label";

std::string_view StageName(ports::SessionStage stage) { return accounts::ToString(stage); }

Result<ports::SessionStage> ParseStage(std::string_view name) {
  auto stage = accounts::ParseSessionStage(name);
  if (!stage) return Internal("A stored session has an unknown stage.");
  return *stage;
}

Result<ports::SessionRecord> FromRow(const sql::Rows& rows, size_t r) {
  ports::SessionRecord s;
  s.id = rows.Text(r, 0);
  s.token_hash = rows.Text(r, 1);
  s.user_id = rows.Text(r, 2);
  s.organisation_id = rows.Text(r, 3);
  auto stage = ParseStage(rows.Text(r, 4));
  if (!stage) return tl::unexpected(stage.error());
  s.stage = *stage;
  s.csrf_token = rows.Text(r, 5);
  s.created_at_us = rows.Int(r, 6);
  s.last_seen_at_us = rows.Int(r, 7);
  s.expires_at_us = rows.Int(r, 8);
  s.revoked_at_us = OptIntAt(rows, r, 9);
  s.client_label = rows.Text(r, 10);
  return s;
}

Status ChangedOne(const Result<long long>& changed) {
  if (!changed) return tl::unexpected(changed.error());
  if (*changed == 0) return NotFound("The session does not exist.");
  return Ok();
}

}  // namespace

Status SqlSessionRepository::Insert(const ports::SessionRecord& s) {
  auto r = conn_.Execute(
      "INSERT INTO sessions (id, token_hash, user_id, organisation_id, stage, csrf_token,"
      " created_at_us, last_seen_at_us, expires_at_us, revoked_at_us, client_label)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {s.id, s.token_hash, s.user_id, s.organisation_id, std::string(StageName(s.stage)),
       s.csrf_token, s.created_at_us, s.last_seen_at_us, s.expires_at_us, OptInt(s.revoked_at_us),
       s.client_label});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::optional<ports::SessionRecord>> SqlSessionRepository::FindWhere(
    const char* column, const std::string& value) {
  auto rows = conn_.Query(
      std::string("SELECT ") + kColumns + " FROM sessions WHERE " + column + " = $1", {value});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::SessionRecord>{};
  auto s = FromRow(*rows, 0);
  if (!s) return tl::unexpected(s.error());
  return std::optional<ports::SessionRecord>(std::move(*s));
}

Result<std::optional<ports::SessionRecord>> SqlSessionRepository::FindByTokenHash(
    const std::string& token_hash) {
  return FindWhere("token_hash", token_hash);
}

Result<std::optional<ports::SessionRecord>> SqlSessionRepository::Find(const std::string& id) {
  return FindWhere("id", id);
}

Status SqlSessionRepository::SetStage(const std::string& id, ports::SessionStage stage) {
  return ChangedOne(conn_.Execute("UPDATE sessions SET stage = $2 WHERE id = $1",
                                  {id, std::string(StageName(stage))}));
}

Status SqlSessionRepository::Touch(const std::string& id, long long last_seen_at_us) {
  return ChangedOne(conn_.Execute("UPDATE sessions SET last_seen_at_us = $2 WHERE id = $1",
                                  {id, last_seen_at_us}));
}

Result<bool> SqlSessionRepository::Revoke(const std::string& user_id, const std::string& id,
                                          long long at_us) {
  auto r = conn_.Execute(
      "UPDATE sessions SET revoked_at_us = $3"
      " WHERE id = $2 AND user_id = $1 AND revoked_at_us IS NULL",
      {user_id, id, at_us});
  if (!r) return tl::unexpected(r.error());
  return *r == 1;
}

Result<long long> SqlSessionRepository::RevokeAll(const std::string& user_id, long long at_us) {
  // Live at `at_us`: neither revoked nor past its absolute end.
  return conn_.Execute(
      "UPDATE sessions SET revoked_at_us = $2"
      " WHERE user_id = $1 AND revoked_at_us IS NULL AND expires_at_us > $2",
      {user_id, at_us});
}

Result<std::vector<ports::SessionRecord>> SqlSessionRepository::ListLive(const std::string& user_id,
                                                                         long long now_us) {
  auto rows = conn_.Query(std::string("SELECT ") + kColumns +
                              " FROM sessions WHERE user_id = $1 AND revoked_at_us IS NULL"
                              " AND expires_at_us > $2 ORDER BY created_at_us DESC, id DESC",
                          {user_id, now_us});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::SessionRecord> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    auto s = FromRow(*rows, r);
    if (!s) return tl::unexpected(s.error());
    out.push_back(std::move(*s));
  }
  return out;
}

Result<long long> SqlSessionRepository::Prune(long long before_us) {
  // A session ends at its absolute expiry or when it is revoked.
  return conn_.Execute(
      "DELETE FROM sessions WHERE expires_at_us < $1"
      " OR (revoked_at_us IS NOT NULL AND revoked_at_us < $1)",
      {before_us});
}

Result<long long> SqlSessionRepository::SignInVersion() {
  auto rows = conn_.Query("SELECT version FROM sign_in_state WHERE id = 1", {});
  if (!rows) return tl::unexpected(rows.error());
  return rows->size() ? rows->Int(0, 0) : 0;
}

}  // namespace opennrm::storage::repo
