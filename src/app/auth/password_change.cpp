// Changing one's password: at the first login, or any time after.
#include "app/auth/internal.hpp"
#include "app/auth/login.hpp"
#include "domain/accounts/password_policy.hpp"

namespace opennrm::app {

using namespace auth_internal;

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
  ThrottleKeys keys = ThrottleKeysFor(ctx, caller.user->username, client.address);
  if (auto st = CheckThrottle(ctx, keys); !st) {
    return tl::unexpected(st.error());
  }
  auto loaded = ReadUser(ctx, caller.session->user_id, InvalidCredentials());
  if (!loaded) return tl::unexpected(loaded.error());
  auto ok = current_password.size() <= accounts::kMaxPasswordBytes
                ? sec.hasher.Verify(loaded->user.password_hash, current_password)
                : Result<bool>(false);
  if (!ok) return tl::unexpected(ok.error());
  if (!*ok) {
    if (auto st = RecordFailure(ctx, keys); !st) {
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

}  // namespace opennrm::app
