#include "app/notifications.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"

namespace opennrm::app {

using namespace auth_internal;

namespace {

Status RequireUser(const Caller& caller) {
  if (!caller.session) return Forbidden("token-not-allowed", "API tokens have no notifications.");
  access::Resource self;
  self.kind = access::ResourceKind::kAccount;
  self.owner_organisation_id = caller.actor.organisation_id;
  self.self = true;
  return Require(access::Decide(caller.actor, access::Action::kOwnAccount, self));
}

ports::FieldLocation DetailAt(const ports::NotificationRecord& n) {
  return ports::FieldLocation{n.organisation_id, "notifications", "detail", n.id};
}

}  // namespace

Result<NotificationList> ListMyNotifications(const Context& ctx, const Caller& caller,
                                             bool unread_only, int limit, int offset) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto page = (*uow)->notifications().List(caller.actor.user_id, unread_only,
                                           std::clamp(limit, 1, 200), std::max(offset, 0));
  if (!page) return tl::unexpected(page.error());
  NotificationList out;
  out.total = page->total;
  out.unread = page->unread;
  for (const auto& n : page->items) {
    NotificationView v{n.id, n.kind, n.subject_type,  n.subject_id, n.actor_user_id,
                       "",   "",     n.created_at_us, n.read_at_us};
    if (!n.actor_user_id.empty()) {
      auto actor = (*uow)->users().Find(n.actor_user_id);
      if (actor && *actor && (*actor)->organisation_id == caller.actor.organisation_id) {
        v.actor_name = (*actor)->display_name;
      }
    }
    if (!n.detail_sealed.empty()) {
      auto detail = Security(ctx).cipher.Open(DetailAt(n), n.detail_sealed);
      if (detail) v.detail = *detail;
    }
    out.items.push_back(std::move(v));
  }
  return out;
}

Result<long long> CountMyUnread(const Context& ctx, const Caller& caller) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return (*uow)->notifications().CountUnread(caller.actor.user_id);
}

Status MarkNotificationRead(const Context& ctx, const Caller& caller, const std::string& id) {
  if (auto st = RequireUser(caller); !st) return st;
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto r = (*uow)->notifications().MarkRead(caller.actor.user_id, id, NowUs(ctx));
  if (!r) return tl::unexpected(r.error());
  if (!*r) return NotFound("Not found.");
  return (*uow)->Commit();
}

Status MarkAllNotificationsRead(const Context& ctx, const Caller& caller) {
  if (auto st = RequireUser(caller); !st) return st;
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto r = (*uow)->notifications().MarkAllRead(caller.actor.user_id, NowUs(ctx));
  if (!r) return tl::unexpected(r.error());
  return (*uow)->Commit();
}

Result<int> NotifyBreakGlass(const Context& ctx, const access::Actor& actor,
                             const std::string& organisation_id, const std::string& subject_type,
                             const std::string& subject_id, const std::string& reason) {
  ports::UserFilter f;
  f.organisation_id = organisation_id;
  f.role = access::Role::kOrganisationAdministrator;
  f.active = true;
  f.limit = 200;
  std::vector<ports::NotificationRecord> notes;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto admins = (*uow)->users().List(f);
    if (!admins) return tl::unexpected(admins.error());
    long long now = NowUs(ctx);
    for (const auto& admin : admins->items) {
      ports::NotificationRecord n;
      n.id = ctx.ids.NewId();
      n.user_id = admin.id;
      n.organisation_id = organisation_id;
      n.kind = "break_glass";
      n.subject_type = subject_type;
      n.subject_id = subject_id;
      n.actor_user_id = actor.user_id;
      n.created_at_us = now;
      notes.push_back(std::move(n));
    }
  }
  // Sealing may create the organisation's first data key in a transaction of
  // its own: never inside ours.
  for (auto& n : notes) {
    auto sealed = Security(ctx).cipher.Seal(DetailAt(n), reason);
    if (!sealed) return tl::unexpected(sealed.error());
    n.detail_sealed = std::move(*sealed);
  }
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  for (const auto& n : notes) {
    if (auto st = (*uow)->notifications().Insert(n); !st) return tl::unexpected(st.error());
  }
  if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  return static_cast<int>(notes.size());
}

}  // namespace opennrm::app
