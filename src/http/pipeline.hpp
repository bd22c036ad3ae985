// What happens to every request around its handler, free of RESTinio so it
// can be unit-tested: request ids, header and body limits, route matching
// with 404/405/413/422 problems, static files, security headers, metrics and
// the access log. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>

#include "http/metrics.hpp"
#include "http/problem.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

namespace opennrm::http {

class Pipeline {
 public:
  Pipeline(const ServerOptions& options, const Router& router, const StaticFiles& files,
           Metrics& metrics)
      : options_(options), router_(router), files_(files), metrics_(metrics) {}

  struct Prepared {
    const Route* route = nullptr;      // run this handler on a worker...
    std::optional<Response> response;  // ...or answer this at once
    std::string label = "unmatched";   // route template for metrics and logs
  };
  // Matches the route and checks limits; fills request.path_params.
  Prepared Prepare(Request& request) const;
  // Runs the handler; an exception becomes a 500 problem (and is logged).
  // Authenticates first (the router's guard) unless the route is public.
  Response Handle(const Route& route, Request& request) const;
  // Adds the security headers, request id and caching policy.
  void Finalize(const Request& request, Response& response) const;
  // Records metrics and writes the access-log line (no personal data: the
  // route template, never the path or query).
  void Complete(const std::string& route, const Request& request, int status,
                std::chrono::steady_clock::time_point start);

  // The client's X-Request-Id when it is 1-64 safe characters, else a new one.
  static std::string RequestIdFrom(const std::optional<std::string>& header);

  // The largest body any route accepts.
  std::size_t LargestBody() const;

  void Enqueue() {
    queued_.fetch_add(1);
    metrics_.in_flight.fetch_add(1);
  }
  void Dequeue() { queued_.fetch_sub(1); }
  void Begin() { metrics_.in_flight.fetch_add(1); }
  void End() { metrics_.in_flight.fetch_sub(1); }
  int Queued() const { return queued_.load(); }
  int InFlight() const { return metrics_.in_flight.load(); }

 private:
  const ServerOptions& options_;
  const Router& router_;
  const StaticFiles& files_;
  Metrics& metrics_;
  std::atomic<int> queued_{0};
};

}  // namespace opennrm::http
