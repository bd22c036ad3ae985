// In-app notifications per user (security core: break-glass notices; later
// deadlines and alerts). Identified by opaque ids; any free text is sealed
// under the organisation's data key. Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

struct NotificationRecord {
  std::string id;
  std::string user_id;  // the recipient
  std::string organisation_id;
  std::string kind;           // e.g. "break_glass"
  std::string subject_type;   // e.g. "case"; may be empty
  std::string subject_id;     // opaque id; may be empty
  std::string actor_user_id;  // who caused it; may be empty
  // Free text (a break-glass reason) sealed at
  // (organisation_id, "notifications", "detail", id); may be empty.
  std::string detail_sealed;
  long long created_at_us = 0;
  std::optional<long long> read_at_us;
};

struct NotificationPage {
  std::vector<NotificationRecord> items;
  long long total = 0;   // matching the filter
  long long unread = 0;  // all unread of the user
};

class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  virtual Status Insert(const NotificationRecord& n) = 0;
  // Newest first.
  virtual Result<NotificationPage> List(const std::string& user_id, bool unread_only, int limit,
                                        int offset) = 0;
  virtual Result<long long> CountUnread(const std::string& user_id) = 0;
  // False if the user has no such notification.
  virtual Result<bool> MarkRead(const std::string& user_id, const std::string& id,
                                long long at_us) = 0;
  virtual Result<long long> MarkAllRead(const std::string& user_id, long long at_us) = 0;
};

}  // namespace opennrm::ports
