// Enrolling a TOTP device, confirming it, and new recovery codes.
#include "app/auth/internal.hpp"
#include "app/auth/login.hpp"

namespace opennrm::app {

using namespace auth_internal;

Result<Enrolment> StartTotpEnrolment(const Context& ctx, const Caller& caller,
                                     const ClientInfo& client) {
  if (auto st = RequireSession(caller); !st) return tl::unexpected(st.error());
  auto stage = caller.session->stage;
  if (stage != ports::SessionStage::kEnrolTotp && stage != ports::SessionStage::kActive) {
    return tl::unexpected(WrongStage(stage));
  }
  auto& sec = Security(ctx);
  auto loaded = ReadUser(ctx, caller.session->user_id, InvalidCode());
  if (!loaded) return tl::unexpected(loaded.error());
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
  auto loaded = ReadUser(ctx, caller.session->user_id, InvalidCode());
  if (!loaded) return tl::unexpected(loaded.error());
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

Result<std::vector<std::string>> RegenerateRecoveryCodes(const Context& ctx, const Caller& caller,
                                                         const std::string& code,
                                                         const ClientInfo& client) {
  if (auto st = RequireSession(caller); !st) return tl::unexpected(st.error());
  auto& sec = Security(ctx);
  ThrottleKeys keys = ThrottleKeysFor(ctx, caller.user->username, client.address);
  if (auto st = CheckThrottle(ctx, keys); !st) {
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
    if (auto st = RecordFailure(ctx, keys); !st) {
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

}  // namespace opennrm::app
