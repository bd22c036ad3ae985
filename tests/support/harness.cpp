#include "harness.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

namespace opennrm::testing {

namespace fs = std::filesystem;

std::string SourceDir() {
  const char* env = std::getenv("OPENNRM_SOURCE_DIR");
  return env ? env : fs::current_path().string();
}

std::string Binary() {
  const char* env = std::getenv("OPENNRM_BINARY");
  return env ? env : SourceDir() + "/build/opennrm";
}

std::string TempDir(const std::string& prefix) {
  std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  char* made = mkdtemp(pattern.data());
  return made ? std::string(made) : std::string();
}

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

Connection::Connection(int port) {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd_);
    fd_ = -1;
  }
}

Connection::~Connection() {
  if (fd_ >= 0) close(fd_);
}

bool Connection::SendRaw(const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

namespace {

// Reads more bytes into `buffer`; false on close, error or timeout.
bool Fill(int fd, std::string& buffer, std::chrono::steady_clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
  char chunk[65536];
  ssize_t n = recv(fd, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  buffer.append(chunk, static_cast<size_t>(n));
  return true;
}

}  // namespace

HttpResponse Connection::Read(std::chrono::milliseconds timeout) {
  HttpResponse r;
  if (fd_ < 0) return r;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  size_t end;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!Fill(fd_, buffer_, deadline)) return r;
  }
  std::istringstream head(buffer_.substr(0, end));
  std::string line;
  std::getline(head, line);
  if (line.size() < 12) return r;
  int status = std::atoi(line.substr(9, 3).c_str());
  while (std::getline(head, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    r.headers[name] = value;
  }
  size_t length = static_cast<size_t>(std::atoll(r.headers["content-length"].c_str()));
  buffer_.erase(0, end + 4);
  while (buffer_.size() < length) {
    if (!Fill(fd_, buffer_, deadline)) return HttpResponse{};
  }
  r.body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  r.status = status;
  return r;
}

bool Connection::ClosedWithin(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{fd_, POLLIN, 0};
    int rc = poll(&p, 1, static_cast<int>(std::max<long>(1, left.count())));
    if (rc > 0) {
      char c[4096];
      ssize_t n = recv(fd_, c, sizeof c, 0);
      if (n <= 0) return true;
    }
  }
  return false;
}

HttpResponse Request(int port, const std::string& method, const std::string& path,
                     const std::string& body, const std::string& content_type,
                     const std::vector<std::pair<std::string, std::string>>& headers) {
  Connection c(port);
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT") {
    if (!content_type.empty()) req += "Content-Type: " + content_type + "\r\n";
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  if (!c.SendRaw(req)) return {};
  return c.Read();
}

bool PostgresBackend() {
  const char* backend = std::getenv("OPENNRM_TEST_BACKEND");
  return backend && std::string(backend) == "postgres";
}

namespace {

// `conninfo` (keywords or a URI) with its database replaced by `dbname`, as
// keyword=value pairs; empty when it does not parse.
std::string WithDatabase(const std::string& conninfo, const std::string& dbname) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (!options) {
    PQfreemem(error);
    return "";
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    std::string value = std::string(o->keyword) == "dbname" ? dbname : (o->val ? o->val : "");
    if (value.empty()) continue;
    std::string quoted;
    for (char c : value) {
      if (c == '\\' || c == '\'') quoted += '\\';
      quoted += c;
    }
    out += std::string(out.empty() ? "" : " ") + o->keyword + "='" + quoted + "'";
  }
  PQconninfoFree(options);
  return out;
}

// A database of its own for the server in `dir` on the cluster named by
// OPENNRM_TEST_PG (the same one when the server restarts on `dir`). Returns
// its connection string, or "" after writing the reason to `why`.
std::string ServerDatabase(const std::string& dir, std::string& why) {
  const char* cluster = std::getenv("OPENNRM_TEST_PG");
  if (!cluster || !*cluster) {
    why =
        "OPENNRM_TEST_BACKEND=postgres needs OPENNRM_TEST_PG (a libpq connection string); "
        "scripts/run-tests starts a cluster with scripts/pg-test-cluster.";
    return "";
  }
  std::string name_file = dir + "/postgres-database";
  std::string name;
  std::ifstream(name_file) >> name;
  if (name.empty()) {
    std::random_device random;
    std::ostringstream n;
    n << "opennrm_api_" << std::hex << random() << random();
    name = n.str();
    PGconn* conn = PQconnectdb(cluster);
    if (PQstatus(conn) != CONNECTION_OK) {
      why = std::string("cannot connect to OPENNRM_TEST_PG: ") + PQerrorMessage(conn);
      PQfinish(conn);
      return "";
    }
    PGresult* r = PQexec(conn, ("CREATE DATABASE " + name).c_str());
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) why = std::string("CREATE DATABASE failed: ") + PQerrorMessage(conn);
    PQclear(r);
    PQfinish(conn);
    if (!ok) return "";
    std::ofstream(name_file) << name << "\n";
  }
  std::string url = WithDatabase(cluster, name);
  if (url.empty()) why = "OPENNRM_TEST_PG does not parse as a libpq connection string.";
  return url;
}

// A TOML basic string.
std::string TomlString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

ServerProcess::ServerProcess(const std::string& extra_toml, const std::string& dir,
                             const std::string& extra_security_toml, Ready ready,
                             const std::string& extra_server_toml) {
  owns_dir_ = dir.empty();
  dir_ = owns_dir_ ? TempDir("opennrm-api") : dir;
  port_ = FreePort();
  config_ = dir_ + "/opennrm.toml";
  std::string storage;
  if (PostgresBackend()) {
    std::string why;
    postgres_url_ = ServerDatabase(dir_, why);
    if (postgres_url_.empty()) {
      std::ofstream(dir_ + "/server.log", std::ios::app) << "test harness: " << why << "\n";
      return;
    }
    storage = "driver = \"postgres\"\npostgres_url = " + TomlString(postgres_url_) + "\n";
  }
  std::ofstream(config_) << "[server]\nport = " << port_ << "\nweb_root = \"" << dir_
                         << "/no-web\"\n"
                         << extra_server_toml << "[storage]\n"
                         << storage << "data_dir = \"" << dir_
                         << "/data\"\n[security]\nmaster_key_file = \"" << dir_
                         << "/keys/master.key\"\naudit_signing_key_file = \"" << dir_
                         << "/keys/audit-signing.key\"\naudit_checkpoint_dir = \"" << dir_
                         << "/checkpoints\"\naudit_checkpoint_interval_s = 1\n"
                         << extra_security_toml << "[reference]\ndir = \"" << SourceDir()
                         << "/data\"\n"
                         << extra_toml;
  pid_ = fork();
  if (pid_ == 0) {
    std::string log = dir_ + "/server.log";
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(fd, 1);
    dup2(fd, 2);
    std::string bin = Binary();
    execl(bin.c_str(), bin.c_str(), "serve", "-c", config_.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 300; ++i) {
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    bool up = ready == Ready::kHttp ? testing::Request(port_, "GET", "/readyz").status == 200
                                    : Log().find(R"("msg":"listening")") != std::string::npos;
    if (up) {
      started_ = true;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Terminate();
  // Its own directory goes with it (each holds a database of ~10 MB); a failed test's stays, so
  // that its server.log and database can be read.
  if (owns_dir_ && !dir_.empty() && !::testing::Test::HasFailure()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

void ServerProcess::SendSigterm() {
  if (pid_ > 0) kill(pid_, SIGTERM);
}

int ServerProcess::WaitExit(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (pid_ > 0 && std::chrono::steady_clock::now() < deadline) {
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  return -1;
}

int ServerProcess::Kill() {
  if (pid_ > 0) kill(pid_, SIGKILL);
  return WaitExit(std::chrono::seconds(10));
}

int ServerProcess::Terminate(std::chrono::milliseconds timeout) {
  SendSigterm();
  return WaitExit(timeout);
}

std::string ServerProcess::Log() const {
  std::ifstream in(dir_ + "/server.log");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int RunCli(const std::vector<std::string>& args, std::string* output) {
  std::string dir = TempDir("opennrm-cli");
  std::string out = dir + "/out";
  std::string cmd = "'" + Binary() + "'";
  for (const auto& a : args) cmd += " '" + a + "'";
  cmd += " > '" + out + "' 2>&1";
  int rc = std::system(cmd.c_str());
  std::ifstream in(out);
  std::ostringstream s;
  s << in.rdbuf();
  if (output) *output = s.str();
  fs::remove_all(dir);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace opennrm::testing
