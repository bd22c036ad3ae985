#include "app/auth/login.hpp"

#include "app/auth/internal.hpp"
#include "domain/accounts/password_policy.hpp"
#include "domain/accounts/username.hpp"

namespace opennrm::app {

using namespace auth_internal;

namespace {

Error InvalidCredentials() {
  return Error{
      ErrorCode::kUnauthenticated, "The username or password is wrong.", {}, "invalid-credentials"};
}

Error InvalidCode() {
  return Error{
      ErrorCode::kUnauthenticated, "The code is wrong or was already used.", {}, "invalid-code"};
}

Error WrongStage(ports::SessionStage stage) {
  return Error{ErrorCode::kForbidden,
               "This step is not the next one of your login (" +
                   std::string(accounts::ToString(stage)) + ").",
               {},
               "login-stage"};
}

long long Micros(std::chrono::seconds s) {
  return std::chrono::duration_cast<std::chrono::microseconds>(s).count();
}

Status RequireSession(const Caller& caller) {
  if (!caller.session || !caller.user) {
    return Forbidden("token-not-allowed", "API tokens cannot sign in.");
  }
  return Ok();
}

}  // namespace

Result<LoginResult> Login(const Context& ctx, const std::string& username,
                          const std::string& password, const ClientInfo& client) {
  auto& sec = Security(ctx);
  std::string name = accounts::NormaliseUsername(username).value_or(username);
  std::string account_key = AccountKey(ctx, name);
  std::string address_key = AddressKey(ctx, client.address);
  access::Actor nobody;
  auto throttled = CheckThrottle(ctx, account_key, address_key);
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
    if (auto st = RecordFailure(ctx, account_key, address_key); !st) {
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
  std::string account_key = AccountKey(ctx, caller.user->username);
  std::string address_key = AddressKey(ctx, client.address);
  if (auto st = CheckThrottle(ctx, account_key, address_key); !st) {
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
    if (auto st = RecordFailure(ctx, account_key, address_key); !st) {
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

Result<Enrolment> StartTotpEnrolment(const Context& ctx, const Caller& caller,
                                     const ClientInfo& client) {
  if (auto st = RequireSession(caller); !st) return tl::unexpected(st.error());
  auto stage = caller.session->stage;
  if (stage != ports::SessionStage::kEnrolTotp && stage != ports::SessionStage::kActive) {
    return tl::unexpected(WrongStage(stage));
  }
  auto& sec = Security(ctx);
  std::optional<UserAndOrganisation> loaded;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto l = LoadUser(**uow, caller.session->user_id);
    if (!l) return tl::unexpected(l.error());
    if (!*l) return tl::unexpected(InvalidCode());
    loaded = std::move(*l);
  }
  ports::UserRecord user = loaded->user;
  // Moving the second factor to another device needs more than a session
  // (which may be stolen): an administrator resets TOTP, then the user
  // enrols again at their next login.
  if (!user.totp_secret_sealed.empty()) {
    return tl::unexpected(Error{ErrorCode::kConflict,
                                "TOTP is already set up; ask your administrator to reset it.",
                                {},
                                "already-enrolled"});
  }
  Enrolment out;
  out.secret = sec.totp.NewSecret();
  // Sealing may create the organisation's first data key in a transaction
  // of its own: never inside ours.
  auto sealed = sec.cipher.Seal(TotpPendingAt(user), out.secret);
  if (!sealed) return tl::unexpected(sealed.error());
  long long expected = user.version;
  user.totp_pending_sealed = *sealed;
  user.version += 1;
  user.updated_at_us = NowUs(ctx);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->users().Update(user, expected); !st) return tl::unexpected(st.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  out.otpauth_uri = sec.totp.ProvisioningUri(sec.settings.totp_issuer, user.username, out.secret);
  auto svg = sec.totp.QrSvg(out.otpauth_uri);
  if (!svg) return tl::unexpected(svg.error());
  out.qr_svg = std::move(*svg);
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "account.totp_enrolment_started", "allowed", client.request_id);
  e.objects.push_back(Object("user", user.id, user.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

Result<EnrolmentDone> ConfirmTotpEnrolment(const Context& ctx, const Caller& caller,
                                           const std::string& code, const ClientInfo& client) {
  if (auto st = RequireSession(caller); !st) return tl::unexpected(st.error());
  auto stage = caller.session->stage;
  if (stage != ports::SessionStage::kEnrolTotp && stage != ports::SessionStage::kActive) {
    return tl::unexpected(WrongStage(stage));
  }
  auto& sec = Security(ctx);
  std::optional<UserAndOrganisation> loaded;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto l = LoadUser(**uow, caller.session->user_id);
    if (!l) return tl::unexpected(l.error());
    if (!*l) return tl::unexpected(InvalidCode());
    loaded = std::move(*l);
  }
  ports::UserRecord user = loaded->user;
  if (user.totp_pending_sealed.empty()) {
    return tl::unexpected(
        Error{ErrorCode::kConflict, "Start the enrolment first.", {}, "no-enrolment"});
  }
  auto secret = sec.cipher.Open(TotpPendingAt(user), user.totp_pending_sealed);
  if (!secret) return tl::unexpected(Error{ErrorCode::kInternal, "TOTP secret unreadable."});
  auto step = sec.totp.Match(*secret, code, ctx.clock.Now());
  if (!step) {
    return tl::unexpected(Error{ErrorCode::kInvalid,
                                "The code does not match; check the device's clock.",
                                {{"code", "mismatch", "The code does not match."}}});
  }
  auto sealed = sec.cipher.Seal(TotpSecretAt(user), *secret);
  if (!sealed) return tl::unexpected(sealed.error());
  auto codes = sec.secrets.NewRecoveryCodes();
  if (!codes) return tl::unexpected(codes.error());
  long long expected = user.version;
  user.totp_secret_sealed = *sealed;
  user.totp_pending_sealed.clear();
  user.totp_last_step = *step;
  user.version += 1;
  user.updated_at_us = NowUs(ctx);
  ports::SessionStage next = NextStage(user, true);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->users().Update(user, expected); !st) return tl::unexpected(st.error());
    // The confirming code is used up like any other.
    auto fresh = (*uow)->users().ConsumeTotpStep(user.id, *step);
    if (!fresh) return tl::unexpected(fresh.error());
    if (auto st = (*uow)->users().ReplaceRecoveryCodes(user.id, codes->hashes); !st) {
      return tl::unexpected(st.error());
    }
    if (auto st = (*uow)->sessions().SetStage(caller.session->id, next); !st) {
      return tl::unexpected(st.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "account.totp_enrolled", "allowed", client.request_id);
  e.objects.push_back(Object("user", user.id, user.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  ports::SessionRecord s = *caller.session;
  s.stage = next;
  EnrolmentDone out;
  out.session = ViewOf(ctx, s, Summarise(user, loaded->organisation));
  out.recovery_codes = std::move(codes->codes);
  return out;
}

Result<SessionView> ChangePassword(const Context& ctx, const Caller& caller,
                                   const std::string& current_password,
                                   const std::string& new_password, const ClientInfo& client) {
  if (auto st = RequireSession(caller); !st) return tl::unexpected(st.error());
  auto stage = caller.session->stage;
  if (stage != ports::SessionStage::kChangePassword && stage != ports::SessionStage::kActive) {
    return tl::unexpected(WrongStage(stage));
  }
  auto& sec = Security(ctx);
  if (auto st = accounts::CheckPassword(new_password, caller.user->username, "new_password"); !st) {
    return tl::unexpected(st.error());
  }
  if (new_password == current_password) {
    return tl::unexpected(Error{ErrorCode::kInvalid,
                                "Choose a password you have not used here.",
                                {{"new_password", "same_as_current",
                                  "The new password must differ from the current one."}}});
  }
  std::string account_key = AccountKey(ctx, caller.user->username);
  std::string address_key = AddressKey(ctx, client.address);
  if (auto st = CheckThrottle(ctx, account_key, address_key); !st) {
    return tl::unexpected(st.error());
  }
  std::optional<UserAndOrganisation> loaded;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto l = LoadUser(**uow, caller.session->user_id);
    if (!l) return tl::unexpected(l.error());
    if (!*l) return tl::unexpected(InvalidCredentials());
    loaded = std::move(*l);
  }
  auto ok = current_password.size() <= accounts::kMaxPasswordBytes
                ? sec.hasher.Verify(loaded->user.password_hash, current_password)
                : Result<bool>(false);
  if (!ok) return tl::unexpected(ok.error());
  if (!*ok) {
    if (auto st = RecordFailure(ctx, account_key, address_key); !st) {
      return tl::unexpected(st.error());
    }
    ::opennrm::audit::Event e =
        EventOf(ctx, caller.actor, "account.password_changed", "failed", client.request_id);
    e.objects.push_back(Object("user", loaded->user.id, loaded->user.organisation_id));
    if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
    return tl::unexpected(
        Error{ErrorCode::kInvalid,
              "The current password is wrong.",
              {{"current_password", "mismatch", "The current password is wrong."}}});
  }
  auto hash = sec.hasher.Hash(new_password);
  if (!hash) return tl::unexpected(hash.error());
  ports::UserRecord user = loaded->user;
  long long now = NowUs(ctx);
  long long expected = user.version;
  user.password_hash = *hash;
  user.must_change_password = false;
  user.version += 1;
  user.updated_at_us = now;
  ports::SessionStage next = NextStage(user, true);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (auto st = (*uow)->users().Update(user, expected); !st) return tl::unexpected(st.error());
    // Every other session ends: whoever knew the old password is out.
    auto live = (*uow)->sessions().ListLive(user.id, now);
    if (!live) return tl::unexpected(live.error());
    for (const auto& other : *live) {
      if (other.id == caller.session->id) continue;
      if (auto r = (*uow)->sessions().Revoke(user.id, other.id, now); !r) {
        return tl::unexpected(r.error());
      }
    }
    if (auto st = (*uow)->sessions().SetStage(caller.session->id, next); !st) {
      return tl::unexpected(st.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "account.password_changed", "allowed", client.request_id);
  e.objects.push_back(Object("user", user.id, user.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  ports::SessionRecord s = *caller.session;
  s.stage = next;
  return ViewOf(ctx, s, Summarise(user, loaded->organisation));
}

Result<std::vector<std::string>> RegenerateRecoveryCodes(const Context& ctx, const Caller& caller,
                                                         const std::string& code,
                                                         const ClientInfo& client) {
  if (auto st = RequireSession(caller); !st) return tl::unexpected(st.error());
  auto& sec = Security(ctx);
  std::string account_key = AccountKey(ctx, caller.user->username);
  std::string address_key = AddressKey(ctx, client.address);
  if (auto st = CheckThrottle(ctx, account_key, address_key); !st) {
    return tl::unexpected(st.error());
  }
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto loaded = LoadUser(**uow, caller.session->user_id);
  if (!loaded) return tl::unexpected(loaded.error());
  if (!*loaded || (*loaded)->user.totp_secret_sealed.empty()) {
    return tl::unexpected(Error{ErrorCode::kConflict, "Enrol TOTP first.", {}, "no-totp"});
  }
  const auto& user = (*loaded)->user;
  auto secret = sec.cipher.Open(TotpSecretAt(user), user.totp_secret_sealed);
  if (!secret) return tl::unexpected(Error{ErrorCode::kInternal, "TOTP secret unreadable."});
  bool ok = false;
  if (auto step = sec.totp.Match(*secret, code, ctx.clock.Now())) {
    auto fresh = (*uow)->users().ConsumeTotpStep(user.id, *step);
    if (!fresh) return tl::unexpected(fresh.error());
    ok = *fresh;
  }
  if (!ok) {
    uow->reset();
    if (auto st = RecordFailure(ctx, account_key, address_key); !st) {
      return tl::unexpected(st.error());
    }
    return tl::unexpected(InvalidCode());
  }
  auto codes = sec.secrets.NewRecoveryCodes();
  if (!codes) return tl::unexpected(codes.error());
  if (auto st = (*uow)->users().ReplaceRecoveryCodes(user.id, codes->hashes); !st) {
    return tl::unexpected(st.error());
  }
  if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, "account.recovery_codes_regenerated",
                                      "allowed", client.request_id);
  e.objects.push_back(Object("user", user.id, user.organisation_id));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return std::move(codes->codes);
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
