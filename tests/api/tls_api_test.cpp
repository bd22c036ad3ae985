// TLS in the server: a certificate and key in the configuration let it
// listen beyond loopback, every response then carries HSTS, plain HTTP gets
// no answer, a handshake that never finishes is cut at the request timeout,
// and a bad TLS configuration stops the start with a clear message.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "harness.hpp"

namespace opennrm::testing {
namespace {

using namespace std::chrono_literals;

// Runs a shell command; returns its exit status and stdout.
int Shell(const std::string& cmd, std::string* out) {
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  out->clear();
  while (size_t n = fread(buf, 1, sizeof buf, p)) out->append(buf, n);
  int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A throwaway self-signed certificate for 127.0.0.1 (test use only).
struct TestCertificate {
  std::string dir = TempDir("opennrm-tls");
  std::string cert = dir + "/cert.pem";
  std::string key = dir + "/key.pem";
  bool Make() {
    std::string out;
    int rc = Shell(
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
        "-days 2 -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost "
        "-keyout '" +
            key + "' -out '" + cert + "'",
        &out);
    if (rc != 0) ADD_FAILURE() << out;
    return rc == 0 && chmod(key.c_str(), 0600) == 0;
  }
  std::string Toml(const std::string& listen = "0.0.0.0") const {
    return "listen = \"" + listen + "\"\ntls_certificate_file = \"" + cert +
           "\"\ntls_private_key_file = \"" + key + "\"\n";
  }
};

class Tls : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cert_ = new TestCertificate();
    ASSERT_TRUE(cert_->Make());
    server_ = new ServerProcess("[http]\nrequest_timeout_s = 2\n", "", "",
                                ServerProcess::Ready::kLogLine, cert_->Toml());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete cert_;
  }
  void SetUp() override { ASSERT_TRUE(server_->Started()) << server_->Log(); }

  // curl over HTTPS, trusting only the test certificate; headers then body.
  static int Curl(const std::string& path, std::string* out, const std::string& extra = "") {
    return Shell("curl -sS --max-time 10 --cacert '" + cert_->cert + "' -D - " + extra +
                     " https://127.0.0.1:" + std::to_string(server_->port()) + path,
                 out);
  }

  static TestCertificate* cert_;
  static ServerProcess* server_;
};

TestCertificate* Tls::cert_ = nullptr;
ServerProcess* Tls::server_ = nullptr;

TEST_F(Tls, ListensBeyondLoopbackAndAnswersOverHttpsWithHsts) {
  EXPECT_NE(server_->Log().find(R"("address":"0.0.0.0")"), std::string::npos);
  std::string out;
  ASSERT_EQ(Curl("/readyz", &out), 0) << out;
  EXPECT_NE(out.find("HTTP/1.1 200"), std::string::npos) << out;
  EXPECT_NE(out.find("Strict-Transport-Security: max-age=31536000; includeSubDomains"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("Content-Security-Policy:"), std::string::npos) << out;
}

TEST_F(Tls, EveryApiRouteStillNeedsASession) {
  std::string out;
  ASSERT_EQ(Curl("/api/v1/organisations", &out), 0) << out;
  EXPECT_NE(out.find("HTTP/1.1 401"), std::string::npos) << out;
  EXPECT_NE(out.find("application/problem+json"), std::string::npos) << out;
}

TEST_F(Tls, KeepAliveConnectionsServeSeveralRequests) {
  std::string out;
  std::string url = " https://127.0.0.1:" + std::to_string(server_->port()) + "/healthz";
  ASSERT_EQ(Curl("/healthz", &out, url + url), 0) << out;
  size_t oks = 0;
  for (size_t at = out.find("HTTP/1.1 200"); at != std::string::npos;
       at = out.find("HTTP/1.1 200", at + 1)) {
    ++oks;
  }
  EXPECT_EQ(oks, 3u) << out;
}

TEST_F(Tls, PlainHttpGetsNoHttpAnswer) {
  auto r = Request(server_->port(), "GET", "/readyz");
  EXPECT_EQ(r.status, 0);
}

TEST_F(Tls, AClientThatNeverFinishesTheHandshakeIsCutAtTheRequestTimeout) {
  Connection silent(server_->port());
  ASSERT_TRUE(silent.ok());
  Connection partial(server_->port());
  ASSERT_TRUE(partial.ok());
  // The first bytes of a TLS record header, and then nothing.
  ASSERT_TRUE(partial.SendRaw(std::string("\x16\x03\x01\x02", 4)));
  EXPECT_TRUE(silent.ClosedWithin(6s));
  EXPECT_TRUE(partial.ClosedWithin(6s));
  std::string out;
  ASSERT_EQ(Curl("/healthz", &out), 0) << out;
  EXPECT_NE(out.find("HTTP/1.1 200"), std::string::npos) << out;
}

TEST(TlsConfiguration, PlainHttpBeyondLoopbackIsRefusedAtStart) {
  ServerProcess server("", "", "", ServerProcess::Ready::kHttp, "listen = \"0.0.0.0\"\n");
  EXPECT_FALSE(server.Started());
  EXPECT_NE(server.Log().find("Plain HTTP is served only on a loopback address"), std::string::npos)
      << server.Log();
}

TEST(TlsConfiguration, AKeyReadableByOthersIsRefusedAtStart) {
  TestCertificate cert;
  ASSERT_TRUE(cert.Make());
  ASSERT_EQ(chmod(cert.key.c_str(), 0644), 0);
  ServerProcess server("", "", "", ServerProcess::Ready::kLogLine, cert.Toml());
  EXPECT_FALSE(server.Started());
  EXPECT_NE(server.Log().find("chmod 600"), std::string::npos) << server.Log();
}

TEST(TlsConfiguration, ACertificateWithoutAKeyIsRefusedAtStart) {
  TestCertificate cert;
  ASSERT_TRUE(cert.Make());
  ServerProcess server("", "", "", ServerProcess::Ready::kLogLine,
                       "listen = \"0.0.0.0\"\ntls_certificate_file = \"" + cert.cert + "\"\n");
  EXPECT_FALSE(server.Started());
  EXPECT_NE(server.Log().find("needs both"), std::string::npos) << server.Log();
}

TEST(TlsConfiguration, AKeyThatDoesNotMatchTheCertificateIsRefusedAtStart) {
  TestCertificate one;
  TestCertificate two;
  ASSERT_TRUE(one.Make());
  ASSERT_TRUE(two.Make());
  ServerProcess server("", "", "", ServerProcess::Ready::kLogLine,
                       "listen = \"0.0.0.0\"\ntls_certificate_file = \"" + one.cert +
                           "\"\ntls_private_key_file = \"" + two.key + "\"\n");
  EXPECT_FALSE(server.Started());
  auto log = server.Log();
  EXPECT_TRUE(log.find("Cannot load the TLS certificate or key") != std::string::npos ||
              log.find("does not match the certificate") != std::string::npos)
      << log;
}

}  // namespace
}  // namespace opennrm::testing
