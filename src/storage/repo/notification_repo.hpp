// NotificationRepository over a dialect-neutral SQL connection. Sealed
// details are binary and stored as base64 text (binary_text.hpp). Lives
// inside one unit of work; not thread-safe.
#pragma once

#include "ports/notification_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlNotificationRepository final : public ports::NotificationRepository {
 public:
  explicit SqlNotificationRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::NotificationRecord& n) override;
  Result<ports::NotificationPage> List(const std::string& user_id, bool unread_only, int limit,
                                       int offset) override;
  Result<long long> CountUnread(const std::string& user_id) override;
  // True also when it was read already; the first read time is kept.
  Result<bool> MarkRead(const std::string& user_id, const std::string& id,
                        long long at_us) override;
  Result<long long> MarkAllRead(const std::string& user_id, long long at_us) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
