#include "harness.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

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

ServerProcess::ServerProcess(const std::string& extra_toml, const std::string& dir) {
  dir_ = dir.empty() ? TempDir("opennrm-api") : dir;
  port_ = FreePort();
  config_ = dir_ + "/opennrm.toml";
  std::ofstream(config_) << "[server]\nport = " << port_ << "\nweb_root = \"" << dir_
                         << "/no-web\"\n[storage]\ndata_dir = \"" << dir_
                         << "/data\"\n[security]\nmaster_key_file = \"" << dir_
                         << "/keys/master.key\"\n[reference]\ndir = \"" << SourceDir()
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
    auto r = testing::Request(port_, "GET", "/readyz");
    if (r.status == 200) {
      started_ = true;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Terminate();
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
