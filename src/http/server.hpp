// The HTTP server: RESTinio on one I/O thread (all socket work is
// asynchronous, so slow clients hold no thread) and a pool of worker threads
// that run the handlers (they block on the database). Every response gets the
// security headers and a request id; every request is counted in metrics and
// logged without personal data. Run() returns after SIGTERM or SIGINT once
// the requests in flight have finished.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace opennrm::http {

struct ServerOptions {
  std::string listen = "127.0.0.1";
  std::uint16_t port = 8080;
  int worker_threads = 4;        // the quick lane (http/lanes.hpp)
  int slow_worker_threads = 16;  // the slow lane
  int max_queued_requests = 2048;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;  // routes may set their own
  std::chrono::seconds request_timeout{10};  // first byte to last byte of a request
  std::chrono::seconds keepalive_idle_timeout{60};
  std::chrono::seconds handler_timeout{30};
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds shutdown_grace{30};
  std::size_t max_connections = 4096;
  // Peers whose X-Forwarded-For / X-Forwarded-Proto are believed: a
  // TLS-terminating proxy. Exact addresses or IPv4 CIDR ranges.
  std::vector<std::string> trusted_proxies;
  // TLS in the server: a PEM certificate chain and its private key. Both
  // empty: plain HTTP (loopback or behind a trusted proxy only).
  std::string tls_certificate_file;
  std::string tls_private_key_file;
  bool Tls() const { return !tls_certificate_file.empty(); }
};

// Runs until SIGTERM/SIGINT; then stops accepting, waits for requests being
// received or handled (up to shutdown_grace) and returns. Fails if the
// address cannot be bound.
Status RunServer(const ServerOptions& options, const Router& router, const StaticFiles& files,
                 Metrics& metrics);

}  // namespace opennrm::http
