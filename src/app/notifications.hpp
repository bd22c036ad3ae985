// In-app notifications (security core): one's own list with unread counts,
// and notices the product sends — first, a break-glass opening to the
// organisation's administrators. Free text is sealed under the
// organisation's data key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"

namespace opennrm::app {

struct NotificationView {
  std::string id;
  std::string kind;
  std::string subject_type;
  std::string subject_id;
  std::string actor_user_id;
  std::string actor_name;  // the actor's display name, when of the same organisation
  std::string detail;      // opened for the recipient
  long long created_at_us = 0;
  std::optional<long long> read_at_us;
};

struct NotificationList {
  std::vector<NotificationView> items;
  long long total = 0;
  long long unread = 0;
};

Result<NotificationList> ListMyNotifications(const Context& ctx, const Caller& caller,
                                             bool unread_only, int limit, int offset);
Result<long long> CountMyUnread(const Context& ctx, const Caller& caller);
Status MarkNotificationRead(const Context& ctx, const Caller& caller, const std::string& id);
Status MarkAllNotificationsRead(const Context& ctx, const Caller& caller);

// Tells every active organisation administrator of `organisation_id` that
// `actor` opened `subject` by break-glass with `reason` (sealed). Returns how
// many were told.
Result<int> NotifyBreakGlass(const Context& ctx, const access::Actor& actor,
                             const std::string& organisation_id, const std::string& subject_type,
                             const std::string& subject_id, const std::string& reason);

}  // namespace opennrm::app
