#include "storage/repo/user_repo.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/text/fold.hpp"
#include "storage/repo/binary_text.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kColumns =
    "u.id, u.organisation_id, u.username, u.display_name, u.password_hash,"
    " u.must_change_password, u.totp_secret_sealed, u.totp_pending_sealed, u.totp_last_step,"
    " u.active, u.created_at_us, u.updated_at_us, u.version";

Result<ports::UserRecord> FromRow(const sql::Rows& rows, size_t r) {
  ports::UserRecord u;
  u.id = rows.Text(r, 0);
  u.organisation_id = rows.Text(r, 1);
  u.username = rows.Text(r, 2);
  u.display_name = rows.Text(r, 3);
  u.password_hash = rows.Text(r, 4);
  u.must_change_password = rows.Int(r, 5) != 0;
  auto secret = FromBase64(rows.Text(r, 6), "users.totp_secret_sealed");
  if (!secret) return tl::unexpected(secret.error());
  u.totp_secret_sealed = std::move(*secret);
  auto pending = FromBase64(rows.Text(r, 7), "users.totp_pending_sealed");
  if (!pending) return tl::unexpected(pending.error());
  u.totp_pending_sealed = std::move(*pending);
  u.totp_last_step = OptIntAt(rows, r, 8);
  u.active = rows.Int(r, 9) != 0;
  u.created_at_us = rows.Int(r, 10);
  u.updated_at_us = rows.Int(r, 11);
  u.version = rows.Int(r, 12);
  return u;
}

// Escapes LIKE wildcards; the pattern uses '\' as its escape character.
std::string LikeContains(const std::string& folded) {
  std::string out = "%";
  for (char c : folded) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

}  // namespace

Status SqlUserRepository::Insert(const ports::UserRecord& u) {
  auto r = conn_.Execute(
      "INSERT INTO users (id, organisation_id, username, display_name, display_name_folded,"
      " password_hash, must_change_password, totp_secret_sealed, totp_pending_sealed,"
      " totp_last_step, active, version, created_at_us, updated_at_us)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
      {u.id, u.organisation_id, u.username, u.display_name, text::Fold(u.display_name),
       u.password_hash, static_cast<long long>(u.must_change_password),
       ToBase64(u.totp_secret_sealed), ToBase64(u.totp_pending_sealed), OptInt(u.totp_last_step),
       static_cast<long long>(u.active), u.version, u.created_at_us, u.updated_at_us});
  if (!r) return tl::unexpected(r.error());
  return WriteRoles(u);
}

Status SqlUserRepository::WriteRoles(const ports::UserRecord& u) {
  auto deleted = conn_.Execute("DELETE FROM user_roles WHERE user_id = $1", {u.id});
  if (!deleted) return tl::unexpected(deleted.error());
  std::set<access::Role> roles(u.roles.begin(), u.roles.end());
  for (access::Role role : roles) {
    auto r = conn_.Execute("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
                           {u.id, std::string(access::ToString(role))});
    if (!r) return tl::unexpected(r.error());
  }
  return Ok();
}

Result<std::optional<ports::UserRecord>> SqlUserRepository::Find(const std::string& id) {
  return FindWhere("id", id);
}

Result<std::optional<ports::UserRecord>> SqlUserRepository::FindByUsername(
    const std::string& folded_username) {
  return FindWhere("username", folded_username);
}

Result<std::optional<ports::UserRecord>> SqlUserRepository::FindWhere(const char* column,
                                                                      const std::string& value) {
  auto rows = conn_.Query(
      std::string("SELECT ") + kColumns + " FROM users u WHERE u." + column + " = $1", {value});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::UserRecord>{};
  auto user = FromRow(*rows, 0);
  if (!user) return tl::unexpected(user.error());
  std::vector<ports::UserRecord> items{std::move(*user)};
  if (auto st = LoadRoles(items); !st) return tl::unexpected(st.error());
  return std::optional<ports::UserRecord>(std::move(items[0]));
}

Status SqlUserRepository::Update(const ports::UserRecord& u, long long expected_version) {
  // totp_last_step only moves forward (NULL lowest): an edit made from a
  // record read before a login's ConsumeTotpStep must not reopen that step.
  // created_at_us is kept.
  auto r = conn_.Execute(
      "UPDATE users SET organisation_id = $2, username = $3, display_name = $4,"
      " display_name_folded = $5, password_hash = $6, must_change_password = $7,"
      " totp_secret_sealed = $8, totp_pending_sealed = $9,"
      " totp_last_step = CASE WHEN totp_last_step IS NULL"
      " OR totp_last_step < CAST($10 AS BIGINT) THEN CAST($10 AS BIGINT) ELSE totp_last_step END,"
      " active = $11, version = $12, updated_at_us = $13 WHERE id = $1 AND version = $14",
      {u.id, u.organisation_id, u.username, u.display_name, text::Fold(u.display_name),
       u.password_hash, static_cast<long long>(u.must_change_password),
       ToBase64(u.totp_secret_sealed), ToBase64(u.totp_pending_sealed), OptInt(u.totp_last_step),
       static_cast<long long>(u.active), u.version, u.updated_at_us, expected_version});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) {
    return Fail(ErrorCode::kConflict,
                "The user was changed by someone else; reload it and try again.");
  }
  return WriteRoles(u);
}

Result<ports::UserPage> SqlUserRepository::List(const ports::UserFilter& f) {
  std::string where = " WHERE 1 = 1";
  std::vector<Value> params;
  auto param = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (f.organisation_id) where += " AND u.organisation_id = " + param(*f.organisation_id);
  if (f.role) {
    where += " AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = " +
             param(std::string(access::ToString(*f.role))) + ")";
  }
  if (f.active) where += " AND u.active = " + param(static_cast<long long>(*f.active));
  if (f.folded_text && !f.folded_text->empty()) {
    std::string p = param(LikeContains(*f.folded_text));
    where += " AND (u.username LIKE " + p + " ESCAPE '\\' OR u.display_name_folded LIKE " + p +
             " ESCAPE '\\')";
  }
  ports::UserPage page;
  auto count = conn_.Query("SELECT COUNT(*) FROM users u" + where, params);
  if (!count) return tl::unexpected(count.error());
  page.total = count->Int(0, 0);
  if (page.total == 0) return page;
  // A negative LIMIT means "all" to SQLite but is an error to PostgreSQL.
  std::string limit = param(static_cast<long long>(std::max(f.limit, 0)));
  std::string offset = param(static_cast<long long>(std::max(f.offset, 0)));
  auto rows = conn_.Query(std::string("SELECT ") + kColumns + " FROM users u" + where +
                              " ORDER BY u.username LIMIT " + limit + " OFFSET " + offset,
                          params);
  if (!rows) return tl::unexpected(rows.error());
  for (size_t r = 0; r < rows->size(); ++r) {
    auto user = FromRow(*rows, r);
    if (!user) return tl::unexpected(user.error());
    page.items.push_back(std::move(*user));
  }
  if (auto st = LoadRoles(page.items); !st) return tl::unexpected(st.error());
  return page;
}

Status SqlUserRepository::LoadRoles(std::vector<ports::UserRecord>& users) {
  if (users.empty()) return Ok();
  std::map<std::string, ports::UserRecord*> by_id;
  std::vector<Value> ids;
  std::string in;
  for (auto& u : users) {
    by_id[u.id] = &u;
    ids.push_back(u.id);
    in += (in.empty() ? "$" : ", $") + std::to_string(ids.size());
  }
  auto rows =
      conn_.Query("SELECT user_id, role FROM user_roles WHERE user_id IN (" + in + ")", ids);
  if (!rows) return tl::unexpected(rows.error());
  for (size_t r = 0; r < rows->size(); ++r) {
    // A role name this binary does not know grants nothing (deny by default).
    if (auto role = access::ParseRole(rows->Text(r, 1))) {
      by_id[rows->Text(r, 0)]->roles.push_back(*role);
    }
  }
  for (auto& u : users) std::sort(u.roles.begin(), u.roles.end());  // declaration order
  return Ok();
}

Result<bool> SqlUserRepository::ConsumeTotpStep(const std::string& user_id, long long step) {
  // One conditional UPDATE: PostgreSQL re-checks the WHERE clause after
  // waiting for a concurrent writer's row lock, SQLite serialises writers, so
  // of two servers accepting the same step only one changes the row.
  auto r = conn_.Execute(
      "UPDATE users SET totp_last_step = $2"
      " WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
      {user_id, step});
  if (!r) return tl::unexpected(r.error());
  return *r == 1;
}

Result<bool> SqlUserRepository::AnyActiveWithRole(access::Role role) {
  auto rows = conn_.Query(
      "SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id"
      " WHERE r.role = $1 AND u.active = 1 LIMIT 1",
      {std::string(access::ToString(role))});
  if (!rows) return tl::unexpected(rows.error());
  return rows->size() > 0;
}

Status SqlUserRepository::ReplaceRecoveryCodes(const std::string& user_id,
                                               const std::vector<std::string>& hashes) {
  auto deleted = conn_.Execute("DELETE FROM recovery_codes WHERE user_id = $1", {user_id});
  if (!deleted) return tl::unexpected(deleted.error());
  for (const auto& hash : std::set<std::string>(hashes.begin(), hashes.end())) {
    auto r = conn_.Execute("INSERT INTO recovery_codes (user_id, hash) VALUES ($1, $2)",
                           {user_id, hash});
    if (!r) return tl::unexpected(r.error());
  }
  return Ok();
}

Result<std::vector<std::string>> SqlUserRepository::RecoveryCodeHashes(const std::string& user_id) {
  auto rows =
      conn_.Query("SELECT hash FROM recovery_codes WHERE user_id = $1 ORDER BY hash", {user_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<std::string> out;
  for (size_t r = 0; r < rows->size(); ++r) out.push_back(rows->Text(r, 0));
  return out;
}

Result<bool> SqlUserRepository::ConsumeRecoveryCode(const std::string& user_id,
                                                    const std::string& hash) {
  auto r =
      conn_.Execute("DELETE FROM recovery_codes WHERE user_id = $1 AND hash = $2", {user_id, hash});
  if (!r) return tl::unexpected(r.error());
  return *r == 1;
}

}  // namespace opennrm::storage::repo
