// Signing in (security core): password, then a TOTP or recovery code, a new
// password after a one-time one, TOTP enrolment where the roles need it;
// then the session is active. Every step is audited; wrong secrets are
// counted per account and per client address across servers, and answered
// with one generic error that does not tell whether the account exists.
#pragma once

#include <string>
#include <vector>

#include "app/auth/views.hpp"
#include "app/context.hpp"

namespace opennrm::app {

struct ClientInfo {
  std::string address;  // the client's IP address (after trusted proxies)
  std::string label;    // e.g. "Firefox on Linux", for "my sessions"
  std::string request_id;
};

struct LoginResult {
  std::string token;  // the cookie's value: shown to the client only
  SessionView session;
};

// kUnauthenticated "invalid-credentials" for any wrong name or password;
// kTooManyRequests with retry_after_s when throttled.
Result<LoginResult> Login(const Context& ctx, const std::string& username,
                          const std::string& password, const ClientInfo& client);

// Stage kTotp: a TOTP code or, instead, a recovery code. kUnauthenticated
// "invalid-code" when wrong or replayed.
Result<SessionView> SubmitTotp(const Context& ctx, const Caller& caller, const std::string& code,
                               const std::string& recovery_code, const ClientInfo& client);

struct Enrolment {
  std::string secret;  // base32, for manual entry
  std::string otpauth_uri;
  std::string qr_svg;
};
// Stage kEnrolTotp, or an active session re-enrolling.
Result<Enrolment> StartTotpEnrolment(const Context& ctx, const Caller& caller,
                                     const ClientInfo& client);

struct EnrolmentDone {
  SessionView session;
  std::vector<std::string> recovery_codes;  // shown once
};
Result<EnrolmentDone> ConfirmTotpEnrolment(const Context& ctx, const Caller& caller,
                                           const std::string& code, const ClientInfo& client);

// Stage kChangePassword or kActive. Ends the user's other sessions.
Result<SessionView> ChangePassword(const Context& ctx, const Caller& caller,
                                   const std::string& current_password,
                                   const std::string& new_password, const ClientInfo& client);

// A fresh set of recovery codes (the old ones stop working); needs a current
// TOTP code.
Result<std::vector<std::string>> RegenerateRecoveryCodes(const Context& ctx, const Caller& caller,
                                                         const std::string& code,
                                                         const ClientInfo& client);

// Ends the caller's session.
Status Logout(const Context& ctx, const Caller& caller, const ClientInfo& client);

// The caller's session as the client sees it.
Result<SessionView> DescribeSession(const Context& ctx, const Caller& caller);

}  // namespace opennrm::app
