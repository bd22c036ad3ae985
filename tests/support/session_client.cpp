#include "session_client.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "security/totp.hpp"

namespace opennrm::testing {

namespace {

long long StepNow() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count() / 30;
}

std::string CookieFrom(const HttpResponse& r) {
  std::string set = r.Header("set-cookie");
  auto semi = set.find(';');
  return semi == std::string::npos ? set : set.substr(0, semi);
}

}  // namespace

HttpResponse SessionClient::Call(const std::string& method, const std::string& path,
                                 const std::string& body,
                                 std::vector<std::pair<std::string, std::string>> headers,
                                 const std::string& content_type) {
  if (!cookie_.empty()) headers.emplace_back("Cookie", cookie_);
  if (!csrf_.empty() && method != "GET") headers.emplace_back("X-CSRF-Token", csrf_);
  return Request(port_, method, path, body, content_type, headers);
}

HttpResponse WaitingOut429(const std::function<HttpResponse()>& send) {
  HttpResponse r = send();
  for (int i = 0; i < 5 && r.status == 429; ++i) {
    int wait = std::atoi(r.Header("retry-after").c_str());
    if (wait <= 0 || wait > 60) break;
    std::this_thread::sleep_for(std::chrono::seconds(wait));
    r = send();
  }
  return r;
}

HttpResponse SessionClient::Login(const std::string& username, const std::string& password) {
  nlohmann::json body{{"username", username}, {"password", password}};
  HttpResponse r =
      WaitingOut429([&] { return Request(port_, "POST", "/api/v1/session", body.dump()); });
  if (r.status == 200) {
    cookie_ = CookieFrom(r);
    auto j = r.Json();
    csrf_ = j["csrf_token"];
    stage_ = j["stage"];
  }
  return r;
}

std::string SessionClient::NextTotpCode() {
  long long step = std::max(StepNow(), last_step_ + 1);
  while (step > StepNow() + 1) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  last_step_ = step;
  return security::OathTotp::CodeAt(totp_secret_, step).value_or("");
}

std::string SessionClient::Complete(const std::string& current_password,
                                    const std::string& new_password) {
  std::string password = current_password;
  for (int i = 0; i < 6 && stage_ != "active"; ++i) {
    HttpResponse r;
    if (stage_ == "totp") {
      std::string code = NextTotpCode();
      r = WaitingOut429([&] {
        return Post("/api/v1/session/totp", nlohmann::json{{"code", code}}.dump());
      });
    } else if (stage_ == "change_password") {
      r = Post(
          "/api/v1/session/password",
          nlohmann::json{{"current_password", password}, {"new_password", new_password}}.dump());
      if (r.status == 200) password = new_password;
    } else if (stage_ == "enrol_totp") {
      r = Post("/api/v1/session/totp-enrolment");
      if (r.status != 200) return "enrolment: " + std::to_string(r.status) + " " + r.body;
      totp_secret_ = r.Json()["secret"];
      last_step_ = -1;
      r = Post("/api/v1/session/totp-enrolment/confirm",
               nlohmann::json{{"code", NextTotpCode()}}.dump());
      if (r.status == 200) recovery_codes_ = r.Json()["recovery_codes"];
    } else {
      return "unknown stage " + stage_;
    }
    if (r.status != 200) return stage_ + ": " + std::to_string(r.status) + " " + r.body;
    stage_ = r.Json()["stage"];
  }
  return stage_ == "active" ? "" : "stuck at " + stage_;
}

std::string SessionClient::SignIn(const std::string& username, const std::string& password,
                                  const std::string& new_password) {
  HttpResponse r = Login(username, password);
  if (r.status != 200) return "login: " + std::to_string(r.status) + " " + r.body;
  return Complete(password, new_password);
}

std::string FirstAdminPassword(const ServerProcess& server) {
  std::string log = server.Log();
  const std::string marker = "One-time password (change it at first login): ";
  auto at = log.find(marker);
  if (at == std::string::npos) return "";
  auto start = at + marker.size();
  return log.substr(start, log.find('\n', start) - start);
}

std::string TestPassword(const std::string& who) {
  static int n = 0;
  return "correct horse battery " + who + " " + std::to_string(++n);
}

}  // namespace opennrm::testing
