// Request metrics per route in Prometheus text format: a counter per route,
// method and status, and a latency histogram per route. Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ports/database.hpp"

namespace opennrm::http {

// One sample read when /metrics is rendered (a gauge or a counter kept elsewhere).
struct MetricSample {
  std::string name;  // opennrm_...
  std::string type;  // "gauge" or "counter"
  std::string help;
  double value = 0;
};

class Metrics {
 public:
  // Samples of other parts (the audit journal), read at every render. Set before serving.
  void SetSampleSource(std::function<std::vector<MetricSample>()> source) {
    sample_source_ = std::move(source);
  }
  // `route` is the template ("/api/v1/organisations/{id}"), never the raw path.
  void Observe(const std::string& route, const std::string& method, int status,
               std::chrono::microseconds latency);
  void ConnectionOpened() { open_connections_.fetch_add(1); }
  void ConnectionClosed() { open_connections_.fetch_sub(1); }
  long long OpenConnections() const { return open_connections_.load(); }
  // The whole exposition, with the database pool's state.
  std::string Render(const ports::PoolState& pool, const std::string& dialect) const;
  // Requests accepted and not yet answered (kept by the server's pipeline).
  std::atomic<int> in_flight{0};

  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

 private:
  struct Histogram {
    std::array<std::atomic<long long>, kBuckets.size()> buckets{};
    std::atomic<long long> count{0};
    std::atomic<long long> sum_us{0};
  };
  mutable std::mutex mu_;
  std::map<std::string, std::unique_ptr<std::atomic<long long>>> counters_;  // GUARDED_BY(mu_)
  std::map<std::string, std::unique_ptr<Histogram>> histograms_;             // GUARDED_BY(mu_)
  std::atomic<long long> open_connections_{0};
  std::function<std::vector<MetricSample>()> sample_source_;
};

}  // namespace opennrm::http
