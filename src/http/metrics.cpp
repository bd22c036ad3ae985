#include "http/metrics.hpp"

#include <fmt/format.h>

namespace opennrm::http {

namespace {

// Label values are route templates and methods we define; escape anyway.
std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

void Metrics::Observe(const std::string& route, const std::string& method, int status,
                      std::chrono::microseconds latency) {
  std::string key = fmt::format("route=\"{}\",method=\"{}\",status=\"{}\"", Escape(route),
                                Escape(method), status);
  std::atomic<long long>* counter;
  Histogram* histogram;
  {
    std::lock_guard lock(mu_);
    auto& c = counters_[key];
    if (!c) c = std::make_unique<std::atomic<long long>>(0);
    counter = c.get();
    auto& h = histograms_[Escape(route)];
    if (!h) h = std::make_unique<Histogram>();
    histogram = h.get();
  }
  counter->fetch_add(1, std::memory_order_relaxed);
  double seconds = static_cast<double>(latency.count()) / 1e6;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) histogram->buckets[i].fetch_add(1, std::memory_order_relaxed);
  }
  histogram->count.fetch_add(1, std::memory_order_relaxed);
  histogram->sum_us.fetch_add(latency.count(), std::memory_order_relaxed);
}

std::string Metrics::Render(const ports::PoolState& pool, const std::string& dialect) const {
  std::string out;
  out += "# HELP opennrm_http_requests_total HTTP requests by route template, method and status.\n";
  out += "# TYPE opennrm_http_requests_total counter\n";
  std::lock_guard lock(mu_);
  for (const auto& [labels, c] : counters_) {
    out += fmt::format("opennrm_http_requests_total{{{}}} {}\n", labels, c->load());
  }
  out += "# HELP opennrm_http_request_duration_seconds Request latency by route template.\n";
  out += "# TYPE opennrm_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : histograms_) {
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out +=
          fmt::format("opennrm_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      route, kBuckets[i], h->buckets[i].load());
    }
    long long count = h->count.load();
    out +=
        fmt::format("opennrm_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                    route, count);
    out += fmt::format("opennrm_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", route,
                       static_cast<double>(h->sum_us.load()) / 1e6);
    out += fmt::format("opennrm_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route,
                       count);
  }
  out += "# HELP opennrm_http_requests_in_flight Requests being handled.\n";
  out += "# TYPE opennrm_http_requests_in_flight gauge\n";
  out += fmt::format("opennrm_http_requests_in_flight {}\n", in_flight.load());
  out += "# HELP opennrm_http_open_connections Open client connections.\n";
  out += "# TYPE opennrm_http_open_connections gauge\n";
  out += fmt::format("opennrm_http_open_connections {}\n", open_connections_.load());
  out += "# HELP opennrm_db_pool_connections Database connections by state.\n";
  out += "# TYPE opennrm_db_pool_connections gauge\n";
  out += fmt::format("opennrm_db_pool_connections{{dialect=\"{}\",state=\"in_use\"}} {}\n", dialect,
                     pool.in_use);
  out += fmt::format("opennrm_db_pool_connections{{dialect=\"{}\",state=\"idle\"}} {}\n", dialect,
                     pool.size - pool.in_use);
  out += "# HELP opennrm_db_pool_waiting Requests waiting for a database connection.\n";
  out += "# TYPE opennrm_db_pool_waiting gauge\n";
  out += fmt::format("opennrm_db_pool_waiting {}\n", pool.waiting);
  out += "# HELP opennrm_db_pool_acquired_total Connections handed out.\n";
  out += "# TYPE opennrm_db_pool_acquired_total counter\n";
  out += fmt::format("opennrm_db_pool_acquired_total {}\n", pool.acquired_total);
  out += "# HELP opennrm_db_pool_timeouts_total Requests that found no free connection in time.\n";
  out += "# TYPE opennrm_db_pool_timeouts_total counter\n";
  out += fmt::format("opennrm_db_pool_timeouts_total {}\n", pool.timeouts_total);
  if (sample_source_) {
    for (const auto& m : sample_source_()) {
      out += fmt::format("# HELP {} {}\n# TYPE {} {}\n{} {}\n", m.name, m.help, m.name, m.type,
                         m.name, m.value);
    }
  }
  return out;
}

}  // namespace opennrm::http
