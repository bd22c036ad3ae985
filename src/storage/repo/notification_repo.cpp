#include "storage/repo/notification_repo.hpp"

#include <algorithm>

#include "storage/repo/binary_text.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

Status SqlNotificationRepository::Insert(const ports::NotificationRecord& n) {
  auto r = conn_.Execute(
      "INSERT INTO notifications (id, user_id, organisation_id, kind, subject_type, subject_id,"
      " actor_user_id, detail_sealed, created_at_us, read_at_us)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {n.id, n.user_id, n.organisation_id, n.kind, n.subject_type, n.subject_id, n.actor_user_id,
       ToBase64(n.detail_sealed), n.created_at_us, OptInt(n.read_at_us)});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<ports::NotificationPage> SqlNotificationRepository::List(const std::string& user_id,
                                                                bool unread_only, int limit,
                                                                int offset) {
  const std::string where =
      std::string(" WHERE user_id = $1") + (unread_only ? " AND read_at_us IS NULL" : "");
  ports::NotificationPage page;
  auto counts = conn_.Query(
      "SELECT (SELECT COUNT(*) FROM notifications" + where +
          "), (SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at_us IS NULL)",
      {user_id});
  if (!counts) return tl::unexpected(counts.error());
  page.total = counts->Int(0, 0);
  page.unread = counts->Int(0, 1);
  if (page.total == 0) return page;
  // A negative LIMIT means "all" to SQLite but is an error to PostgreSQL.
  auto rows = conn_.Query(
      "SELECT id, user_id, organisation_id, kind, subject_type, subject_id, actor_user_id,"
      " detail_sealed, created_at_us, read_at_us FROM notifications" +
          where + " ORDER BY created_at_us DESC, id DESC LIMIT $2 OFFSET $3",
      {user_id, static_cast<long long>(std::max(limit, 0)),
       static_cast<long long>(std::max(offset, 0))});
  if (!rows) return tl::unexpected(rows.error());
  for (size_t r = 0; r < rows->size(); ++r) {
    ports::NotificationRecord n;
    n.id = rows->Text(r, 0);
    n.user_id = rows->Text(r, 1);
    n.organisation_id = rows->Text(r, 2);
    n.kind = rows->Text(r, 3);
    n.subject_type = rows->Text(r, 4);
    n.subject_id = rows->Text(r, 5);
    n.actor_user_id = rows->Text(r, 6);
    auto detail = FromBase64(rows->Text(r, 7), "notifications.detail_sealed");
    if (!detail) return tl::unexpected(detail.error());
    n.detail_sealed = std::move(*detail);
    n.created_at_us = rows->Int(r, 8);
    n.read_at_us = OptIntAt(*rows, r, 9);
    page.items.push_back(std::move(n));
  }
  return page;
}

Result<long long> SqlNotificationRepository::CountUnread(const std::string& user_id) {
  auto rows = conn_.Query(
      "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at_us IS NULL", {user_id});
  if (!rows) return tl::unexpected(rows.error());
  return rows->Int(0, 0);
}

Result<bool> SqlNotificationRepository::MarkRead(const std::string& user_id, const std::string& id,
                                                 long long at_us) {
  // Both databases count a matched row as changed even when the value stays.
  auto r = conn_.Execute(
      "UPDATE notifications SET read_at_us = COALESCE(read_at_us, $3)"
      " WHERE id = $2 AND user_id = $1",
      {user_id, id, at_us});
  if (!r) return tl::unexpected(r.error());
  return *r == 1;
}

Result<long long> SqlNotificationRepository::MarkAllRead(const std::string& user_id,
                                                         long long at_us) {
  return conn_.Execute(
      "UPDATE notifications SET read_at_us = $2 WHERE user_id = $1 AND read_at_us IS NULL",
      {user_id, at_us});
}

}  // namespace opennrm::storage::repo
