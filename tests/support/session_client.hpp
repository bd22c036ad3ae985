// Signing in from black-box tests: a client that keeps a session cookie and
// its CSRF token, completes the first-login steps (new password, TOTP
// enrolment) and computes TOTP codes as an authenticator app would, never
// reusing a time step.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "harness.hpp"

namespace opennrm::testing {

class SessionClient {
 public:
  explicit SessionClient(int port) : port_(port) {}

  // A request with this client's cookie and (for state changes) CSRF token.
  HttpResponse Call(const std::string& method, const std::string& path,
                    const std::string& body = "",
                    std::vector<std::pair<std::string, std::string>> headers = {},
                    const std::string& content_type = "application/json");
  HttpResponse Get(const std::string& path) { return Call("GET", path); }
  HttpResponse Post(const std::string& path, const std::string& body = "") {
    return Call("POST", path, body);
  }
  HttpResponse Put(const std::string& path, const std::string& body) {
    return Call("PUT", path, body);
  }
  HttpResponse Patch(const std::string& path, const std::string& body) {
    return Call("PATCH", path, body);
  }
  HttpResponse Delete(const std::string& path) { return Call("DELETE", path); }

  // POST /api/v1/session; keeps the cookie and CSRF token on success.
  HttpResponse Login(const std::string& username, const std::string& password);
  // Takes every remaining step of signing in: a TOTP code when enrolled,
  // `new_password` when a change is due, TOTP enrolment when due. Returns an
  // empty string on success, else what went wrong.
  std::string Complete(const std::string& current_password, const std::string& new_password);
  // Login + Complete.
  std::string SignIn(const std::string& username, const std::string& password,
                     const std::string& new_password);

  // The next code this client's authenticator shows that was not used yet
  // (waits for the next 30 s step when it must).
  std::string NextTotpCode();

  const std::string& stage() const { return stage_; }
  const std::string& csrf() const { return csrf_; }
  const std::string& cookie() const { return cookie_; }
  void set_cookie(std::string c) { cookie_ = std::move(c); }
  void set_csrf(std::string c) { csrf_ = std::move(c); }
  const std::string& totp_secret() const { return totp_secret_; }
  void set_totp_secret(std::string s, long long last_step) {
    totp_secret_ = std::move(s);
    last_step_ = last_step;
  }
  long long last_step() const { return last_step_; }
  const std::vector<std::string>& recovery_codes() const { return recovery_codes_; }
  int port() const { return port_; }

 private:
  int port_;
  std::string cookie_;  // "__Host-opennrm-session=..."
  std::string csrf_;
  std::string stage_;
  std::string totp_secret_;
  long long last_step_ = -1;
  std::vector<std::string> recovery_codes_;
};

// Sends, and while the server answers 429 (the login throttle: every test
// client shares 127.0.0.1) waits Retry-After and sends again.
HttpResponse WaitingOut429(const std::function<HttpResponse()>& send);

// The first administrator's one-time password, read from the server's output.
std::string FirstAdminPassword(const ServerProcess& server);

// A new password that satisfies the policy, different per call.
std::string TestPassword(const std::string& who);

}  // namespace opennrm::testing
