#include "app/auth/my_account.hpp"

#include "app/auth/internal.hpp"

namespace opennrm::app {

using namespace auth_internal;

namespace {

Status RequireUser(const Caller& caller) {
  if (!caller.session) return Forbidden("token-not-allowed", "API tokens have no sessions.");
  access::Resource self;
  self.kind = access::ResourceKind::kAccount;
  self.owner_organisation_id = caller.actor.organisation_id;
  self.self = true;
  return Require(access::Decide(caller.actor, access::Action::kOwnAccount, self));
}

}  // namespace

Result<std::vector<SessionSummary>> ListMySessions(const Context& ctx, const Caller& caller) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  long long now = NowUs(ctx);
  auto idle =
      std::chrono::duration_cast<std::chrono::microseconds>(Security(ctx).settings.idle_timeout)
          .count();
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto live = (*uow)->sessions().ListLive(caller.session->user_id, now);
  if (!live) return tl::unexpected(live.error());
  std::vector<SessionSummary> out;
  for (const auto& s : *live) {
    if (now - s.last_seen_at_us >= idle) continue;  // ended by inactivity
    out.push_back(SessionSummary{s.id, s.id == caller.session->id, s.created_at_us,
                                 s.last_seen_at_us, s.expires_at_us, s.client_label});
  }
  return out;
}

Status EndMySession(const Context& ctx, const Caller& caller, const std::string& session_id,
                    const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return st;
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto r = (*uow)->sessions().Revoke(caller.session->user_id, session_id, NowUs(ctx));
  if (!r) return tl::unexpected(r.error());
  if (!*r) return NotFound("There is no such session of yours.");
  if (auto c = (*uow)->Commit(); !c) return c;
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "session.ended", "allowed", client.request_id);
  e.objects.push_back(Object("session", session_id, caller.actor.organisation_id));
  return Audit(ctx, std::move(e));
}

Status EndAllMySessions(const Context& ctx, const Caller& caller, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return st;
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto r = (*uow)->sessions().RevokeAll(caller.session->user_id, NowUs(ctx));
  if (!r) return tl::unexpected(r.error());
  if (auto c = (*uow)->Commit(); !c) return c;
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "session.ended_everywhere", "allowed", client.request_id);
  e.objects.push_back(Object("user", caller.actor.user_id, caller.actor.organisation_id));
  return Audit(ctx, std::move(e));
}

}  // namespace opennrm::app
