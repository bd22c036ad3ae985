// Test support for black-box tests: a throwaway server process on a free
// loopback port with its own data directory, and a minimal HTTP/1.1 client.
//
// The server runs on SQLite unless OPENNRM_TEST_BACKEND=postgres, when it runs
// on a database of its own, created on the cluster that OPENNRM_TEST_PG (a
// libpq connection string) names; scripts/run-tests starts that cluster.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace opennrm::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  nlohmann::json Json() const { return nlohmann::json::parse(body); }
  std::string Header(const std::string& lower) const {
    auto it = headers.find(lower);
    return it == headers.end() ? "" : it->second;
  }
};

// A TCP connection to 127.0.0.1:port. Not thread-safe.
class Connection {
 public:
  explicit Connection(int port);
  ~Connection();
  Connection(const Connection&) = delete;
  bool ok() const { return fd_ >= 0; }
  bool SendRaw(const std::string& bytes);
  // Reads one response; status 0 when the connection closed or timed out.
  HttpResponse Read(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // True when the server closed the connection within `timeout`.
  bool ClosedWithin(std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
  std::string buffer_;
};

// One request on a new connection.
HttpResponse Request(int port, const std::string& method, const std::string& path,
                     const std::string& body = "",
                     const std::string& content_type = "application/json",
                     const std::vector<std::pair<std::string, std::string>>& headers = {});

// The repository root (tests run from it; OPENNRM_SOURCE_DIR overrides).
std::string SourceDir();
// The server binary (OPENNRM_BINARY overrides build/opennrm).
std::string Binary();
// A fresh temporary directory.
std::string TempDir(const std::string& prefix);
int FreePort();

// True when OPENNRM_TEST_BACKEND=postgres.
bool PostgresBackend();

class ServerProcess {
 public:
  // `extra_toml` is appended to the generated configuration.
  // `extra_security_toml` is added to the [security] section and
  // `extra_server_toml` to the [server] section.
  // On PostgreSQL, a server started again on the same `dir` gets the same
  // database. A missing or unreachable PostgreSQL fails the start (the
  // reason is in Log()): it never falls back to SQLite.
  // How a start is recognised: /readyz answering over plain HTTP, or (for a
  // server that speaks TLS) the "listening" line in its log.
  enum class Ready { kHttp, kLogLine };
  // Without `dir` it makes a temporary directory of its own and removes it when destroyed,
  // unless the current test has failed.
  explicit ServerProcess(const std::string& extra_toml = "", const std::string& dir = "",
                         const std::string& extra_security_toml = "", Ready ready = Ready::kHttp,
                         const std::string& extra_server_toml = "");
  ~ServerProcess();
  bool Started() const { return started_; }
  int port() const { return port_; }
  const std::string& dir() const { return dir_; }
  const std::string& config_path() const { return config_; }
  bool postgres() const { return !postgres_url_.empty(); }
  // The libpq connection string of the server's own database (PostgreSQL).
  const std::string& postgres_url() const { return postgres_url_; }
  // The database file (SQLite).
  std::string sqlite_path() const { return dir_ + "/data/opennrm.db"; }
  // The audit log's file beside it (storage/sqlite/audit_file.hpp).
  std::string sqlite_audit_path() const { return dir_ + "/data/opennrm-audit.db"; }
  // Sends SIGTERM; returns the exit status (or -1 after the timeout).
  int Terminate(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  void SendSigterm();
  // Sends SIGKILL, as a crash or a power cut would stop it; returns 128 + 9.
  int Kill();
  int WaitExit(std::chrono::milliseconds timeout);
  std::string Log() const;

 private:
  int pid_ = -1;
  int port_ = 0;
  bool started_ = false;
  std::string dir_;
  bool owns_dir_ = false;  // made by the constructor: removed by the destructor
  std::string config_;
  std::string postgres_url_;
};

// Runs the binary with arguments; returns the exit code and captures output.
int RunCli(const std::vector<std::string>& args, std::string* output);

}  // namespace opennrm::testing
