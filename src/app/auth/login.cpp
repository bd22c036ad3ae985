#include "app/auth/login.hpp"

#include "app/auth/internal.hpp"
#include "domain/accounts/password_policy.hpp"
#include "domain/accounts/username.hpp"

namespace opennrm::app {

using namespace auth_internal;

Result<LoginResult> Login(const Context& ctx, const std::string& username,
                          const std::string& password, const ClientInfo& client) {
  auto& sec = Security(ctx);
  std::string name = accounts::NormaliseUsername(username).value_or(username);
  ThrottleKeys keys = ThrottleKeysFor(ctx, name, client.address);
  access::Actor nobody;
  auto throttled = CheckThrottle(ctx, keys);
  if (!throttled) {
    ::opennrm::audit::Event e = EventOf(ctx, nobody, "session.login", "denied", client.request_id);
    e.purpose = "throttled";
    if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
    return tl::unexpected(throttled.error());
  }

  std::optional<UserAndOrganisation> found;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto user = (*uow)->users().FindByUsername(name);
    if (!user) return tl::unexpected(user.error());
    if (*user) {
      auto loaded = LoadUser(**uow, (*user)->id);
      if (!loaded) return tl::unexpected(loaded.error());
      found = std::move(*loaded);
    }
  }
  bool ok = false;
  if (found && found->user.active && found->organisation.data.active &&
      password.size() <= accounts::kMaxPasswordBytes) {
    auto v = sec.hasher.Verify(found->user.password_hash, password);
    if (!v) return tl::unexpected(v.error());
    ok = *v;
  } else {
    // As much work as a real check, so timing does not tell whether the
    // account exists.
    auto h = sec.hasher.Hash(password.substr(0, accounts::kMaxPasswordBytes));
    if (!h) return tl::unexpected(h.error());
  }
  if (!ok) {
    if (auto st = RecordFailure(ctx, keys); !st) {
      return tl::unexpected(st.error());
    }
    ::opennrm::audit::Event e = EventOf(ctx, nobody, "session.login", "failed", client.request_id);
    if (found) {
      e.objects.push_back(Object("user", found->user.id, found->user.organisation_id));
    }
    if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
    return tl::unexpected(InvalidCredentials());
  }

  ports::UserRecord& user = found->user;
  long long now = NowUs(ctx);
  LoginResult out;
  out.token = sec.secrets.NewToken();
  ports::SessionRecord s;
  s.id = ctx.ids.NewId();
  s.token_hash = sec.secrets.Digest("session", out.token);
  s.user_id = user.id;
  s.organisation_id = user.organisation_id;
  s.stage = NextStage(user, false);
  // The CSRF token is derived from the cookie's token and never stored: a
  // copy of the database gives neither.
  s.csrf_token.clear();
  s.created_at_us = now;
  s.last_seen_at_us = now;
  s.expires_at_us = now + Micros(sec.settings.absolute_timeout);
  s.client_label = client.label.substr(0, 120);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->sessions().Insert(s); !st) return tl::unexpected(st.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  s.csrf_token = sec.secrets.Digest("csrf", out.token);
  // A hash made with weaker parameters than today's is replaced while the
  // password is at hand; in a transaction of its own, so that a failure (or
  // a concurrent edit) never costs the login.
  if (sec.hasher.NeedsRehash(user.password_hash)) {
    if (auto rehashed = sec.hasher.Hash(password)) {
      ports::UserRecord updated = user;
      updated.password_hash = *rehashed;
      updated.version = user.version + 1;
      updated.updated_at_us = now;
      if (auto uow = ctx.db.Begin(ports::Access::kWrite)) {
        if ((*uow)->users().Update(updated, user.version) && (*uow)->Commit()) user = updated;
      }
    }
  }
  access::Actor actor = ActorOf(user, found->organisation, s.id);
  ::opennrm::audit::Event e = EventOf(ctx, actor, "session.login", "allowed", client.request_id);
  e.objects.push_back(Object("session", s.id, user.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  out.session = ViewOf(ctx, s, Summarise(user, found->organisation));
  return out;
}

Result<SessionView> SubmitTotp(const Context& ctx, const Caller& caller, const std::string& code,
                               const std::string& recovery_code, const ClientInfo& client) {
  if (auto st = RequireSession(caller); !st) return tl::unexpected(st.error());
  if (caller.session->stage != ports::SessionStage::kTotp) {
    return tl::unexpected(WrongStage(caller.session->stage));
  }
  auto& sec = Security(ctx);
  ThrottleKeys keys = ThrottleKeysFor(ctx, caller.user->username, client.address);
  if (auto st = CheckThrottle(ctx, keys); !st) {
    return tl::unexpected(st.error());
  }
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto loaded = LoadUser(**uow, caller.session->user_id);
  if (!loaded) return tl::unexpected(loaded.error());
  if (!*loaded) return tl::unexpected(InvalidCode());
  const ports::UserRecord& user = (*loaded)->user;
  bool ok = false;
  std::string how = "totp";
  std::string reason;
  if (!recovery_code.empty()) {
    how = "recovery_code";
    if (auto hash = sec.secrets.RecoveryCodeHash(recovery_code)) {
      auto used = (*uow)->users().ConsumeRecoveryCode(user.id, *hash);
      if (!used) return tl::unexpected(used.error());
      ok = *used;
    }
  } else if (!user.totp_secret_sealed.empty()) {
    auto secret = sec.cipher.Open(TotpSecretAt(user), user.totp_secret_sealed);
    if (!secret) return tl::unexpected(Error{ErrorCode::kInternal, "TOTP secret unreadable."});
    auto step = sec.totp.Match(*secret, code, ctx.clock.Now());
    if (step) {
      auto fresh = (*uow)->users().ConsumeTotpStep(user.id, *step);
      if (!fresh) return tl::unexpected(fresh.error());
      ok = *fresh;
      if (!ok) reason = "replayed";
    }
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "session." + how, ok ? "allowed" : "failed", client.request_id);
  e.objects.push_back(Object("session", caller.session->id, user.organisation_id));
  e.purpose = reason;
  if (!ok) {
    uow->reset();  // nothing of this attempt is kept but its failure
    if (auto st = RecordFailure(ctx, keys); !st) {
      return tl::unexpected(st.error());
    }
    if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
    return tl::unexpected(InvalidCode());
  }
  ports::SessionStage next = NextStage(user, true);
  if (auto st = (*uow)->sessions().SetStage(caller.session->id, next); !st) {
    return tl::unexpected(st.error());
  }
  if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  ports::SessionRecord s = *caller.session;
  s.stage = next;
  return ViewOf(ctx, s, Summarise(user, (*loaded)->organisation));
}

Status Logout(const Context& ctx, const Caller& caller, const ClientInfo& client) {
  if (auto st = RequireSession(caller); !st) return st;
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto r = (*uow)->sessions().Revoke(caller.session->user_id, caller.session->id, NowUs(ctx));
  if (!r) return tl::unexpected(r.error());
  if (auto c = (*uow)->Commit(); !c) return c;
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "session.logout", "allowed", client.request_id);
  e.objects.push_back(Object("session", caller.session->id, caller.actor.organisation_id));
  return Audit(ctx, std::move(e));
}

Result<SessionView> DescribeSession(const Context& ctx, const Caller& caller) {
  if (auto st = RequireSession(caller); !st) return tl::unexpected(st.error());
  return ViewOf(ctx, *caller.session, *caller.user);
}

}  // namespace opennrm::app
