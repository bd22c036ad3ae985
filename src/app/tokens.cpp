#include "app/tokens.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"
#include "core/date.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::app {

using namespace auth_internal;

namespace {

Status RequireManage(const access::Actor& actor) {
  access::Resource r;
  r.kind = access::ResourceKind::kAccount;
  r.owner_organisation_id = actor.organisation_id;
  r.owner_kind = actor.organisation_kind;
  return Require(access::Decide(actor, access::Action::kTokensManage, r));
}

// Checks `in` and stores a token of `creator`'s organisation, created by
// them. REQUIRES: RequireManage(creator) passed. The caller audits.
Result<CreatedToken> Insert(const Context& ctx, const access::Actor& creator, const NewToken& in) {
  auto& sec = Security(ctx);
  Problems p;
  std::string name = text::Trim(in.name);
  if (!text::IsCleanUtf8(in.name)) {
    p.Add("name", "format", "The name holds characters that are not allowed.");
  } else if (name.empty()) {
    p.Add("name", "required", "Say what the token is for.");
  } else if (name.size() > 200) {
    p.Add("name", "length", "At most 200 bytes.");
  }
  std::vector<std::string> actions;
  for (size_t i = 0; i < in.actions.size(); ++i) {
    auto a = access::ParseAction(in.actions[i]);
    std::string field = "actions[" + std::to_string(i) + "]";
    if (!a) {
      p.Add(field, "unknown_action", "There is no such action.");
    } else if (!access::TokenMayHold(*a)) {
      p.Add(field, "not_for_tokens", "API tokens cannot hold this action.");
    } else if (std::find(actions.begin(), actions.end(), in.actions[i]) == actions.end()) {
      actions.push_back(in.actions[i]);
    }
  }
  if (in.actions.empty()) p.Add("actions", "required", "Choose at least one action.");
  long long now = NowUs(ctx);
  long long expires = 0;
  auto day = ParseIsoDate(in.expires_at);
  if (!day) {
    p.Add("expires_at", "format", "Use YYYY-MM-DD.");
  } else {
    std::chrono::sys_days d = std::chrono::year_month_day(
        std::chrono::year(day->year), std::chrono::month(day->month), std::chrono::day(day->day));
    expires = ToEpochMicros(d + std::chrono::days(1));
    long long max =
        now + std::chrono::duration_cast<std::chrono::microseconds>(sec.settings.max_token_lifetime)
                  .count();
    if (expires <= now) p.Add("expires_at", "in_past", "The expiry must be in the future.");
    if (expires > max) p.Add("expires_at", "too_far", "A token lives at most a year.");
  }
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
  CreatedToken out;
  out.secret = sec.secrets.NewToken();
  ports::ApiTokenRecord& t = out.token;
  t.id = ctx.ids.NewId();
  t.organisation_id = creator.organisation_id;
  t.created_by = creator.user_id;
  t.name = name;
  t.token_hash = sec.secrets.Digest("api-token", out.secret);
  t.actions = actions;
  t.created_at_us = now;
  t.expires_at_us = expires;
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  if (auto st = (*uow)->api_tokens().Insert(t); !st) return tl::unexpected(st.error());
  if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  t.token_hash.clear();
  return out;
}

// The active user `username` with their organisation, for the command line.
Result<UserAndOrganisation> ActiveUserNamed(const Context& ctx, const std::string& username) {
  auto loaded = ReadUserNamed(ctx, username);
  if (!loaded) {
    if (loaded.error().code != ErrorCode::kNotFound) return tl::unexpected(loaded.error());
    return Invalid("user", "unknown_user", "There is no such user.");
  }
  if (!loaded->user.active) {
    return Invalid("user", "disabled", "The user is disabled; enable them first.");
  }
  if (!loaded->organisation.data.active) {
    return Invalid("user", "organisation_inactive", "The user's organisation is deactivated.");
  }
  return loaded;
}

}  // namespace

Result<std::vector<ports::ApiTokenRecord>> ListTokens(const Context& ctx, const Caller& caller) {
  if (auto st = RequireManage(caller.actor); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto list = (*uow)->api_tokens().ListForOrganisation(caller.actor.organisation_id);
  if (!list) return list;
  for (auto& t : *list) t.token_hash.clear();
  return list;
}

Result<CreatedToken> CreateToken(const Context& ctx, const Caller& caller, const NewToken& in,
                                 const ClientInfo& client) {
  if (auto st = RequireManage(caller.actor); !st) return tl::unexpected(st.error());
  auto out = Insert(ctx, caller.actor, in);
  if (!out) return out;
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "token.created", "allowed", client.request_id);
  e.objects.push_back(Object("api_token", out->token.id, out->token.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

Result<CreatedToken> CreateTokenAsSystem(const Context& ctx, const std::string& username,
                                         const NewToken& in) {
  auto u = ActiveUserNamed(ctx, username);
  if (!u) return tl::unexpected(u.error());
  access::Actor creator = ActorOf(u->user, u->organisation, "");
  // The same rule as for a signed-in user: the token stays within what the
  // user's roles allow.
  if (auto st = RequireManage(creator); !st) {
    return Invalid("user", "may_not_manage_tokens",
                   "The user's roles do not allow creating API tokens for their organisation "
                   "(tokens.manage).");
  }
  auto out = Insert(ctx, creator, in);
  if (!out) return out;
  ::opennrm::audit::Event e = EventOf(ctx, access::Actor{}, "token.created", "allowed", "cli");
  e.objects.push_back(Object("api_token", out->token.id, out->token.organisation_id));
  e.objects.push_back(Object("user", u->user.id, u->user.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

Status RevokeToken(const Context& ctx, const Caller& caller, const std::string& id,
                   const ClientInfo& client) {
  if (auto st = RequireManage(caller.actor); !st) return st;
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto r = (*uow)->api_tokens().Revoke(caller.actor.organisation_id, id, NowUs(ctx));
  if (!r) return tl::unexpected(r.error());
  if (!*r) return NotFound("Not found.");
  if (auto c = (*uow)->Commit(); !c) return c;
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "token.revoked", "allowed", client.request_id);
  e.objects.push_back(Object("api_token", id, caller.actor.organisation_id));
  return Audit(ctx, std::move(e));
}

}  // namespace opennrm::app
