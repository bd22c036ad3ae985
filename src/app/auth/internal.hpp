// Shared pieces of the security core's use cases (not part of the app's API).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/access/policy.hpp"
#include "domain/audit/event.hpp"

namespace opennrm::app::auth_internal {

long long NowUs(const Context& ctx);
SecurityServices& Security(const Context& ctx);

// An audit event of `actor` (which may be empty: the system, or an unknown
// caller) with the time and request id filled in.
::opennrm::audit::Event EventOf(const Context& ctx, const access::Actor& actor, std::string action,
                                std::string outcome, const std::string& request_id);
::opennrm::audit::ObjectRef Object(std::string type, std::string id, std::string organisation_id);

// Writes events; kUnavailable when the audit log cannot be written.
Status Audit(const Context& ctx, ::opennrm::audit::Event event);
// For a read whose answer is ready and depends on nothing after this: when the HTTP layer holds
// this request's answer (app/audit/answer_hold.hpp), queues the event and makes the answer wait
// until it is durable, without blocking the thread; otherwise Audit(). kUnavailable when the
// event cannot even be queued.
Status AuditBeforeAnswer(const Context& ctx, ::opennrm::audit::Event event);

// The actor a user acts as in their organisation.
access::Actor ActorOf(const ports::UserRecord& user, const orgs::Organisation& org,
                      const std::string& session_id);

struct UserAndOrganisation {
  ports::UserRecord user;
  orgs::Organisation organisation;  // without its lists (coverage, services, languages, capacity)
};
Result<std::optional<UserAndOrganisation>> LoadUser(ports::UnitOfWork& uow,
                                                    const std::string& user_id);

// The stage a login reaches once the steps before it are done.
ports::SessionStage NextStage(const ports::UserRecord& user, bool totp_done);

SessionView ViewOf(const Context& ctx, const ports::SessionRecord& s, const UserSummary& user);

// The field locations of a user's TOTP secrets.
ports::FieldLocation TotpSecretAt(const ports::UserRecord& user);
ports::FieldLocation TotpPendingAt(const ports::UserRecord& user);

// Reads a user and their organisation in a read transaction of its own;
// `if_missing` when the user is gone.
Result<UserAndOrganisation> ReadUser(const Context& ctx, const std::string& user_id,
                                     Error if_missing);

// The user with `username` (any case) and their organisation, in a read
// transaction of its own; kNotFound when there is none.
Result<UserAndOrganisation> ReadUserNamed(const Context& ctx, const std::string& username);

// The throttle's keys for one account and one client address: keyed digests,
// so the counters name neither.
struct ThrottleKeys {
  std::string account;
  std::string address;
};
ThrottleKeys ThrottleKeysFor(const Context& ctx, const std::string& username,
                             const std::string& address);
// Records a failed secret (password, TOTP or recovery code) for the throttle.
Status RecordFailure(const Context& ctx, const ThrottleKeys& keys);
// kTooManyRequests when the account or address must wait.
Status CheckThrottle(const Context& ctx, const ThrottleKeys& keys);

// The errors the login steps share.
Error InvalidCredentials();
Error InvalidCode();
Error WrongStage(ports::SessionStage stage);
// API tokens cannot take part in a login or change an account.
Status RequireSession(const Caller& caller);
long long Micros(std::chrono::seconds s);

}  // namespace opennrm::app::auth_internal

namespace opennrm::app::auth_internal {

// A denied decision as an error: 404 when the record must stay invisible,
// 403 otherwise. Allowed: Ok().
Status Require(const access::Decision& d);

}  // namespace opennrm::app::auth_internal
