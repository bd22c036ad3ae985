#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace opennrm::http {
namespace {

using std::chrono::microseconds;

bool Contains(const std::string& text, const std::string& line) {
  return text.find(line) != std::string::npos;
}

TEST(Metrics, CountsRequestsPerRouteMethodAndStatus) {
  Metrics m;
  m.Observe("/api/v1/organisations/{id}", "GET", 200, microseconds(1200));
  m.Observe("/api/v1/organisations/{id}", "GET", 200, microseconds(800));
  m.Observe("/api/v1/organisations/{id}", "GET", 404, microseconds(300));
  m.Observe("/api/v1/organisations", "POST", 201, microseconds(20000));
  std::string out = m.Render({}, "sqlite");
  EXPECT_TRUE(Contains(out, "# TYPE opennrm_http_requests_total counter\n"));
  EXPECT_TRUE(Contains(out,
                       "opennrm_http_requests_total{route=\"/api/v1/organisations/"
                       "{id}\",method=\"GET\",status=\"200\"} 2\n"))
      << out;
  EXPECT_TRUE(Contains(out,
                       "opennrm_http_requests_total{route=\"/api/v1/organisations/"
                       "{id}\",method=\"GET\",status=\"404\"} 1\n"));
  EXPECT_TRUE(Contains(out,
                       "opennrm_http_requests_total{route=\"/api/v1/"
                       "organisations\",method=\"POST\",status=\"201\"} 1\n"));
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  Metrics m;
  const std::string route = "/api/v1/geo/counties";
  m.Observe(route, "GET", 200, microseconds(300));      // 0.3 ms
  m.Observe(route, "GET", 200, microseconds(3000));     // 3 ms
  m.Observe(route, "GET", 200, microseconds(300000));   // 300 ms
  m.Observe(route, "GET", 200, microseconds(5000000));  // 5 s, above every bucket
  std::string out = m.Render({}, "sqlite");
  auto bucket = [&](const std::string& le, int n) {
    return "opennrm_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" + le +
           "\"} " + std::to_string(n) + "\n";
  };
  EXPECT_TRUE(Contains(out, "# TYPE opennrm_http_request_duration_seconds histogram\n"));
  EXPECT_TRUE(Contains(out, bucket("0.0005", 1))) << out;
  EXPECT_TRUE(Contains(out, bucket("0.0025", 1))) << out;
  EXPECT_TRUE(Contains(out, bucket("0.005", 2))) << out;
  EXPECT_TRUE(Contains(out, bucket("0.25", 2))) << out;
  EXPECT_TRUE(Contains(out, bucket("0.5", 3))) << out;
  EXPECT_TRUE(Contains(out, bucket("2.5", 3))) << out;
  EXPECT_TRUE(Contains(out, bucket("+Inf", 4))) << out;
  EXPECT_TRUE(
      Contains(out, "opennrm_http_request_duration_seconds_count{route=\"" + route + "\"} 4\n"));
  EXPECT_TRUE(Contains(
      out, "opennrm_http_request_duration_seconds_sum{route=\"" + route + "\"} 5.303300\n"))
      << out;
}

TEST(Metrics, OneHistogramPerRouteAcrossMethods) {
  Metrics m;
  m.Observe("/api/v1/organisations/{id}", "GET", 200, microseconds(100));
  m.Observe("/api/v1/organisations/{id}", "PUT", 200, microseconds(100));
  std::string out = m.Render({}, "sqlite");
  EXPECT_TRUE(Contains(
      out,
      "opennrm_http_request_duration_seconds_count{route=\"/api/v1/organisations/{id}\"} 2\n"));
}

TEST(Metrics, LabelValuesAreEscaped) {
  Metrics m;
  m.Observe("/odd\"route\\x\n", "GET", 200, microseconds(1));
  std::string out = m.Render({}, "sqlite");
  EXPECT_TRUE(Contains(out, "route=\"/odd\\\"route\\\\x\\n\"")) << out;
  // Every sample stays on one line: no raw newline inside a label.
  EXPECT_FALSE(Contains(out, "route=\"/odd\"route"));
}

TEST(Metrics, GaugesForConnectionsInFlightAndPool) {
  Metrics m;
  m.ConnectionOpened();
  m.ConnectionOpened();
  m.ConnectionClosed();
  m.in_flight = 3;
  ports::PoolState pool;
  pool.size = 8;
  pool.in_use = 5;
  pool.waiting = 2;
  pool.acquired_total = 1234;
  pool.timeouts_total = 1;
  std::string out = m.Render(pool, "postgres");
  EXPECT_TRUE(Contains(out, "opennrm_http_open_connections 1\n"));
  EXPECT_TRUE(Contains(out, "opennrm_http_requests_in_flight 3\n"));
  EXPECT_TRUE(
      Contains(out, "opennrm_db_pool_connections{dialect=\"postgres\",state=\"in_use\"} 5\n"));
  EXPECT_TRUE(
      Contains(out, "opennrm_db_pool_connections{dialect=\"postgres\",state=\"idle\"} 3\n"));
  EXPECT_TRUE(Contains(out, "opennrm_db_pool_waiting 2\n"));
  EXPECT_TRUE(Contains(out, "opennrm_db_pool_acquired_total 1234\n"));
  EXPECT_TRUE(Contains(out, "opennrm_db_pool_timeouts_total 1\n"));
}

TEST(Metrics, EmptyRenderStillDeclaresTheFamilies) {
  Metrics m;
  std::string out = m.Render({}, "sqlite");
  EXPECT_TRUE(Contains(out, "# TYPE opennrm_http_requests_total counter\n"));
  EXPECT_FALSE(Contains(out, "opennrm_http_requests_total{"));
  EXPECT_EQ(out.back(), '\n');
}

TEST(Metrics, ConcurrentObservationsAreAllCounted) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&m] {
      for (int i = 0; i < 1000; ++i) m.Observe("/r", "GET", 200, microseconds(10));
    });
  }
  for (auto& t : threads) t.join();
  std::string out = m.Render({}, "sqlite");
  EXPECT_TRUE(Contains(
      out, "opennrm_http_requests_total{route=\"/r\",method=\"GET\",status=\"200\"} 4000\n"))
      << out;
  EXPECT_TRUE(Contains(out, "opennrm_http_request_duration_seconds_count{route=\"/r\"} 4000\n"));
}

}  // namespace
}  // namespace opennrm::http

namespace opennrm::http {
namespace {

TEST(Metrics, SamplesOfOtherPartsAreReadAtEveryRender) {
  Metrics m;
  double backlog = 42;
  m.SetSampleSource([&] {
    return std::vector<MetricSample>{
        {"opennrm_audit_journal_backlog_events", "gauge", "Waiting events.", backlog}};
  });
  std::string out = m.Render(ports::PoolState{}, "sqlite");
  EXPECT_TRUE(Contains(out, "# TYPE opennrm_audit_journal_backlog_events gauge\n"));
  EXPECT_TRUE(Contains(out, "opennrm_audit_journal_backlog_events 42\n")) << out;
  backlog = 0;
  EXPECT_TRUE(
      Contains(m.Render(ports::PoolState{}, "sqlite"), "opennrm_audit_journal_backlog_events 0\n"));
}

}  // namespace
}  // namespace opennrm::http
