// One server per test suite, started once: most API tests only read, and
// those that write use organisations of their own.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "harness.hpp"
#include "session_client.hpp"

namespace opennrm::testing {

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>();
    ASSERT_TRUE(server_->Started()) << server_->Log();
    // Every route needs a session: the suite acts as the first system
    // administrator, signed in through every first-login step.
    admin_ = std::make_unique<SessionClient>(server_->port());
    std::string password = FirstAdminPassword(*server_);
    ASSERT_FALSE(password.empty()) << server_->Log();
    admin_password_ = TestPassword("admin");
    std::string error = admin_->SignIn("admin", password, admin_password_);
    ASSERT_EQ(error, "") << server_->Log();
  }
  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->Terminate(), 0) << server_->Log();
    }
    admin_.reset();
    server_.reset();
  }
  static HttpResponse Get(const std::string& path) { return admin_->Get(path); }
  static HttpResponse Post(const std::string& path, const std::string& body) {
    return admin_->Post(path, body);
  }
  static HttpResponse Put(const std::string& path, const std::string& body) {
    return admin_->Put(path, body);
  }
  static int port() { return server_->port(); }
  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::unique_ptr<SessionClient> admin_;  // the first system administrator
  static inline std::string admin_password_;
};

// Asserts that `r` is an RFC 9457 problem with `status` naming `field`
// (when not empty) with `rule` (when not empty).
inline void ExpectProblem(const HttpResponse& r, int status, const std::string& field = "",
                          const std::string& rule = "") {
  ASSERT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  auto j = r.Json();
  EXPECT_EQ(j["status"], status);
  EXPECT_TRUE(j["type"].get<std::string>().rfind("https://opennrm.org/problems/", 0) == 0);
  EXPECT_FALSE(j["title"].get<std::string>().empty());
  EXPECT_FALSE(j["request_id"].get<std::string>().empty());
  ASSERT_TRUE(j["errors"].is_array());
  if (field.empty()) return;
  bool found = false;
  for (const auto& e : j["errors"]) {
    if (e["field"] == field && (rule.empty() || e["rule"] == rule)) found = true;
  }
  EXPECT_TRUE(found) << "no problem for field " << field << " rule " << rule << " in " << r.body;
}

}  // namespace opennrm::testing
