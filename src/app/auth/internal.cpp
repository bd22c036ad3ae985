#include "app/auth/internal.hpp"

#include "app/audit/answer_hold.hpp"

#include "domain/accounts/login_throttle.hpp"
#include "domain/accounts/username.hpp"

namespace opennrm::app {

UserSummary Summarise(const ports::UserRecord& user, const orgs::Organisation& org) {
  UserSummary s;
  s.id = user.id;
  s.username = user.username;
  s.display_name = user.display_name;
  s.organisation_id = org.id;
  s.organisation_name = org.data.name;
  s.organisation_kind = org.data.kind;
  s.roles = user.roles;
  s.totp_enrolled = !user.totp_secret_sealed.empty();
  s.active = user.active;
  s.must_change_password = user.must_change_password;
  s.created_at_us = user.created_at_us;
  s.version = user.version;
  return s;
}

namespace auth_internal {

long long NowUs(const Context& ctx) { return ToEpochMicros(ctx.clock.Now()); }

SecurityServices& Security(const Context& ctx) { return *ctx.security; }

::opennrm::audit::Event EventOf(const Context& ctx, const access::Actor& actor, std::string action,
                                std::string outcome, const std::string& request_id) {
  ::opennrm::audit::Event e;
  e.at_us = NowUs(ctx);
  e.actor_user_id = actor.user_id;
  e.actor_token_id = actor.token_id;
  e.organisation_id = actor.organisation_id;
  for (access::Role r : actor.roles) e.roles.emplace_back(access::ToString(r));
  e.action = std::move(action);
  e.outcome = std::move(outcome);
  e.request_id = request_id;
  return e;
}

::opennrm::audit::ObjectRef Object(std::string type, std::string id, std::string organisation_id) {
  return ::opennrm::audit::ObjectRef{
      std::move(type), std::move(id), std::move(organisation_id), {}};
}

Status Audit(const Context& ctx, ::opennrm::audit::Event event) {
  auto st = Security(ctx).audit.Record(std::move(event));
  if (!st) return Fail(ErrorCode::kUnavailable, "The audit log cannot be written.");
  return Ok();
}

Status AuditBeforeAnswer(const Context& ctx, ::opennrm::audit::Event event) {
  auto hold = audit::CurrentAnswerHold();
  if (!hold) return Audit(ctx, std::move(event));
  auto completion = hold->Expect();
  std::vector<::opennrm::audit::Event> events;
  events.push_back(std::move(event));
  if (auto st = Security(ctx).audit.RecordThen(std::move(events), completion); !st) {
    completion(st);  // never queued: the hold must not wait for it
    return Fail(ErrorCode::kUnavailable, "The audit log cannot be written.");
  }
  return Ok();
}

access::Actor ActorOf(const ports::UserRecord& user, const orgs::Organisation& org,
                      const std::string& session_id) {
  access::Actor a;
  a.user_id = user.id;
  a.session_id = session_id;
  a.organisation_id = org.id;
  a.organisation_kind = org.data.kind;
  // A role the organisation's kind no longer allows (its kind changed) is
  // not acted on.
  for (access::Role r : user.roles) {
    if (access::KindAllowsRole(org.data.kind, r)) a.roles.push_back(r);
  }
  return a;
}

Result<std::optional<UserAndOrganisation>> LoadUser(ports::UnitOfWork& uow,
                                                    const std::string& user_id) {
  auto user = uow.users().Find(user_id);
  if (!user) return tl::unexpected(user.error());
  if (!*user) return std::optional<UserAndOrganisation>{};
  // Who the user works for: its lists (coverage, services, ...) are not needed here.
  auto org = uow.organisations().FindWithoutLists((*user)->organisation_id);
  if (!org) return tl::unexpected(org.error());
  if (!*org) return std::optional<UserAndOrganisation>{};
  return std::optional<UserAndOrganisation>{UserAndOrganisation{**user, **org}};
}

ports::SessionStage NextStage(const ports::UserRecord& user, bool totp_done) {
  bool enrolled = !user.totp_secret_sealed.empty();
  if (enrolled && !totp_done) return ports::SessionStage::kTotp;
  if (user.must_change_password) return ports::SessionStage::kChangePassword;
  if (!enrolled) {
    for (access::Role r : user.roles) {
      if (access::SeesPersonalData(r)) return ports::SessionStage::kEnrolTotp;
    }
  }
  return ports::SessionStage::kActive;
}

SessionView ViewOf(const Context& ctx, const ports::SessionRecord& s, const UserSummary& user) {
  SessionView v;
  v.session_id = s.id;
  v.stage = s.stage;
  v.csrf_token = s.csrf_token;
  v.expires_at_us = s.expires_at_us;
  long long idle = s.last_seen_at_us + std::chrono::duration_cast<std::chrono::microseconds>(
                                           Security(ctx).settings.idle_timeout)
                                           .count();
  v.idle_expires_at_us = std::min(idle, s.expires_at_us);
  v.user = user;
  return v;
}

ports::FieldLocation TotpSecretAt(const ports::UserRecord& user) {
  return ports::FieldLocation{user.organisation_id, "users", "totp_secret", user.id};
}

ports::FieldLocation TotpPendingAt(const ports::UserRecord& user) {
  return ports::FieldLocation{user.organisation_id, "users", "totp_pending", user.id};
}

Result<UserAndOrganisation> ReadUser(const Context& ctx, const std::string& user_id,
                                     Error if_missing) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto loaded = LoadUser(**uow, user_id);
  if (!loaded) return tl::unexpected(loaded.error());
  if (!*loaded) return tl::unexpected(std::move(if_missing));
  return std::move(**loaded);
}

Result<UserAndOrganisation> ReadUserNamed(const Context& ctx, const std::string& username) {
  auto name = accounts::NormaliseUsername(username);
  if (!name) return NotFound("There is no such user.");
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto user = (*uow)->users().FindByUsername(*name);
  if (!user) return tl::unexpected(user.error());
  if (!*user) return NotFound("There is no such user.");
  auto loaded = LoadUser(**uow, (*user)->id);
  if (!loaded) return tl::unexpected(loaded.error());
  if (!*loaded) return NotFound("There is no such user.");
  return std::move(**loaded);
}

ThrottleKeys ThrottleKeysFor(const Context& ctx, const std::string& username,
                             const std::string& address) {
  auto& secrets = Security(ctx).secrets;
  return ThrottleKeys{secrets.Digest("login-account", username),
                      secrets.Digest("login-address", address)};
}

Status RecordFailure(const Context& ctx, const ThrottleKeys& keys) {
  auto uow = ctx.db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto st = (*uow)->login_attempts().RecordFailure(keys.account, keys.address, NowUs(ctx));
  if (!st) return st;
  return (*uow)->Commit();
}

Status CheckThrottle(const Context& ctx, const ThrottleKeys& keys) {
  long long now = NowUs(ctx);
  constexpr long long kHourUs = 3600LL * 1000 * 1000;
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto counts = (*uow)->login_attempts().Count(keys.account, keys.address, now - kHourUs);
  if (!counts) return tl::unexpected(counts.error());
  const auto& rule = Security(ctx).settings.throttle;
  accounts::ThrottleDecision d = accounts::DecideThrottle(counts->account, counts->address, rule);
  Error e{ErrorCode::kTooManyRequests, "", {}, "too-many-attempts", 0};
  if (d.refuse) {
    e.message = "Too many failed attempts for this account; try again later.";
    e.retry_after_s = 15 * 60;
    return tl::unexpected(e);
  }
  if (d.delay.count() > 0 && counts->last_address_at_us > 0) {
    long long wait_until = counts->last_address_at_us + d.delay.count() * 1000;
    if (now < wait_until) {
      e.message = "Too many failed attempts from this address; wait a moment.";
      e.retry_after_s = static_cast<int>((wait_until - now + 999999) / 1000000);
      return tl::unexpected(e);
    }
  }
  return Ok();
}

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

Status RequireSession(const Caller& caller) {
  if (!caller.session || !caller.user) {
    return Forbidden("token-not-allowed", "API tokens cannot sign in.");
  }
  return Ok();
}

long long Micros(std::chrono::seconds s) {
  return std::chrono::duration_cast<std::chrono::microseconds>(s).count();
}

}  // namespace auth_internal
}  // namespace opennrm::app

namespace opennrm::app::auth_internal {

Status Require(const access::Decision& d) {
  if (d.allowed) return Ok();
  if (d.visibility == access::Visibility::kHidden) return NotFound("Not found.");
  return Forbidden("forbidden", "You may not do this (" + std::string(d.reason) + ").");
}

}  // namespace opennrm::app::auth_internal
