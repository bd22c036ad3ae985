// Slow and idle clients, and a graceful stop on SIGTERM.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "harness.hpp"
#include "session_client.hpp"

namespace opennrm::testing {
namespace {

using namespace std::chrono_literals;

TEST(ConnectionLimits, TricklingClientsDoNotHoldBackOthersAndAreCutAtTheRequestTimeout) {
  ServerProcess server("[http]\nrequest_timeout_s = 3\nkeepalive_idle_timeout_s = 60\n");
  ASSERT_TRUE(server.Started()) << server.Log();
  constexpr int kSlow = 200;
  std::vector<std::unique_ptr<Connection>> slow;
  for (int i = 0; i < kSlow; ++i) {
    slow.push_back(std::make_unique<Connection>(server.port()));
    ASSERT_TRUE(slow.back()->ok());
    slow.back()->SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  }
  auto started = std::chrono::steady_clock::now();
  int completed = 0;
  // For 2 seconds the slow clients keep trickling a byte each; normal
  // requests keep completing, each well within the request timeout.
  while (std::chrono::steady_clock::now() - started < 2s) {
    for (auto& c : slow) c->SendRaw("a");
    auto t0 = std::chrono::steady_clock::now();
    auto r = Request(server.port(), "GET", "/readyz");
    auto took = std::chrono::steady_clock::now() - t0;
    EXPECT_EQ(r.status, 200);
    EXPECT_LT(took, 3s);
    ++completed;
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_GE(completed, 5);
  // The trickling clients never finish their requests: the server closes
  // them at the 3 s request timeout, long before the 60 s idle timeout.
  int closed = 0;
  for (auto& c : slow) closed += c->ClosedWithin(5s);
  EXPECT_EQ(closed, kSlow);
  EXPECT_EQ(Request(server.port(), "GET", "/healthz").status, 200);
}

TEST(ConnectionLimits, IdleKeepAliveOutlivesTheRequestTimeout) {
  ServerProcess server("[http]\nrequest_timeout_s = 1\nkeepalive_idle_timeout_s = 4\n");
  ASSERT_TRUE(server.Started()) << server.Log();
  Connection c(server.port());
  ASSERT_TRUE(c.SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(c.Read().status, 200);
  std::this_thread::sleep_for(2s);  // idle longer than the request timeout
  ASSERT_TRUE(c.SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(c.Read().status, 200);
  // ...but not longer than the idle timeout.
  EXPECT_TRUE(c.ClosedWithin(6s));
}

TEST(ConnectionLimits, SigtermLetsARequestInFlightFinishThenExits) {
  ServerProcess server;
  ASSERT_TRUE(server.Started()) << server.Log();
  SessionClient admin(server.port());
  ASSERT_EQ(admin.SignIn("admin", FirstAdminPassword(server), TestPassword("admin")), "");
  std::string body =
      R"({"name":"Avslutningstest","kind":"other","coverage":{"scope":"national","codes":[]}})";
  Connection c(server.port());
  ASSERT_TRUE(c.SendRaw(
      "POST /api/v1/organisations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Cookie: " +
      admin.cookie() + "\r\nX-CSRF-Token: " + admin.csrf() +
      "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10)));
  std::this_thread::sleep_for(300ms);
  server.SendSigterm();
  std::this_thread::sleep_for(500ms);
  // The server no longer accepts new connections...
  EXPECT_EQ(Request(server.port(), "GET", "/healthz").status, 0);
  // ...but the request being received completes.
  ASSERT_TRUE(c.SendRaw(body.substr(10)));
  auto r = c.Read(10s);
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(server.WaitExit(10s), 0) << server.Log();
}

TEST(ConnectionLimits, BadConfigurationNamesTheKeyAndFails) {
  std::string dir = TempDir("opennrm-cfg");
  std::string path = dir + "/bad.toml";
  { std::ofstream(path) << "[server]\nprot = 8080\n"; }
  std::string out;
  EXPECT_NE(RunCli({"serve", "-c", path}, &out), 0);
  EXPECT_NE(out.find("server.prot"), std::string::npos) << out;
  { std::ofstream(path) << "[server]\nport = 99999\n"; }
  EXPECT_NE(RunCli({"migrate", "-c", path}, &out), 0);
  EXPECT_NE(out.find("server.port"), std::string::npos) << out;
  EXPECT_EQ(RunCli({"version"}, &out), 0);
  EXPECT_NE(out.find("opennrm "), std::string::npos);
}

}  // namespace
}  // namespace opennrm::testing
