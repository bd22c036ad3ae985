#include "app/auth/authenticate.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/auth/session_cache.hpp"

namespace opennrm::app {

using namespace auth_internal;

namespace {

Error Expired() {
  return Error{
      ErrorCode::kUnauthenticated, "The session has ended; sign in again.", {}, "session-expired"};
}

Error Unknown() {
  return Error{ErrorCode::kUnauthenticated, "Sign in first.", {}, "unauthenticated"};
}

// Tokens are 43 characters of base64url; anything else is not looked up.
bool WellFormed(const std::string& token) {
  if (token.size() < 20 || token.size() > 128) return false;
  return std::all_of(token.begin(), token.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

// Ended by time or revocation: revoked, past its absolute end, or idle too long.
bool Ended(const ports::SessionRecord& s, long long now, const AuthSettings& settings) {
  return s.revoked_at_us || now >= s.expires_at_us ||
         now - s.last_seen_at_us >= Micros(settings.idle_timeout);
}

// Its last-seen time is to be written again.
bool TouchDue(const ports::SessionRecord& s, long long now, const AuthSettings& settings) {
  return now - s.last_seen_at_us >= Micros(settings.touch_interval);
}

}  // namespace

Result<Caller> AuthenticateSession(const Context& ctx, const std::string& token) {
  if (!WellFormed(token)) return tl::unexpected(Unknown());
  auto& sec = Security(ctx);
  long long now = NowUs(ctx);
  std::string hash = sec.secrets.Digest("session", token);
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  // The sign-in version before the rows: what is read after it is at least as new, so a check
  // kept under it is never older than the version says.
  std::optional<long long> version;
  if (sec.session_checks) {
    auto v = (*uow)->sessions().SignInVersion();
    if (!v) return tl::unexpected(v.error());
    version = *v;
    if (auto kept = sec.session_checks->Find(hash, *v); kept && kept->session) {
      const ports::SessionRecord& k = *kept->session;
      // Nothing that could end or alter the session has changed since; only time can have. A
      // kept check past its time, due a touch, or from a clock since set back, is made again in
      // full below.
      if (!Ended(k, now, sec.settings) && !TouchDue(k, now, sec.settings) &&
          now >= k.last_seen_at_us) {
        return std::move(*kept);
      }
    }
  }
  auto found = (*uow)->sessions().FindByTokenHash(hash);
  if (!found) return tl::unexpected(found.error());
  if (!*found) return tl::unexpected(Unknown());
  ports::SessionRecord s = **found;
  s.csrf_token = sec.secrets.Digest("csrf", token);  // derived, never stored
  if (Ended(s, now, sec.settings)) return tl::unexpected(Expired());
  auto loaded = LoadUser(**uow, s.user_id);
  if (!loaded) return tl::unexpected(loaded.error());
  if (!*loaded || !(*loaded)->user.active || !(*loaded)->organisation.data.active) {
    return tl::unexpected(Expired());
  }
  uow->reset();
  if (TouchDue(s, now, sec.settings)) {
    auto w = ctx.db.Begin(ports::Access::kWrite);
    if (!w) return tl::unexpected(w.error());
    if (auto st = (*w)->sessions().Touch(s.id, now); !st) return tl::unexpected(st.error());
    if (auto c = (*w)->Commit(); !c) return tl::unexpected(c.error());
    s.last_seen_at_us = now;
  }
  Caller c;
  c.actor = ActorOf((*loaded)->user, (*loaded)->organisation, s.id);
  c.user = Summarise((*loaded)->user, (*loaded)->organisation);
  c.session = std::move(s);
  if (version) sec.session_checks->Keep(hash, *version, c);
  return c;
}

Result<Caller> AuthenticateApiToken(const Context& ctx, const std::string& token) {
  if (!WellFormed(token)) return tl::unexpected(Unknown());
  auto& sec = Security(ctx);
  long long now = NowUs(ctx);
  std::string hash = sec.secrets.Digest("api-token", token);
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto found = (*uow)->api_tokens().FindByHash(hash);
  if (!found) return tl::unexpected(found.error());
  if (!*found) return tl::unexpected(Unknown());
  ports::ApiTokenRecord t = **found;
  if (t.revoked_at_us || now >= t.expires_at_us) return tl::unexpected(Expired());
  auto org = (*uow)->organisations().Find(t.organisation_id);
  if (!org) return tl::unexpected(org.error());
  if (!*org || !(*org)->data.active) return tl::unexpected(Expired());
  uow->reset();
  if (!t.last_used_at_us || now - *t.last_used_at_us >= Micros(sec.settings.touch_interval)) {
    auto w = ctx.db.Begin(ports::Access::kWrite);
    if (!w) return tl::unexpected(w.error());
    if (auto st = (*w)->api_tokens().Touch(t.id, now); !st) return tl::unexpected(st.error());
    if (auto c = (*w)->Commit(); !c) return tl::unexpected(c.error());
  }
  Caller c;
  c.actor.token_id = t.id;
  c.actor.organisation_id = t.organisation_id;
  c.actor.organisation_kind = (*org)->data.kind;
  for (const auto& name : t.actions) {
    if (auto a = access::ParseAction(name); a && access::TokenMayHold(*a)) {
      c.actor.token_actions.push_back(*a);
    }
  }
  return c;
}

}  // namespace opennrm::app
